using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>Broken copies of templates/gov-info-annual-2021 in a temporary templates root, one per test.</summary>
public static class TemplateCopies
{
    public const string Name = "gov-info-annual-2021";

    /// <summary>Copies the template into a fresh root, lets <paramref name="edit"/> break its folder, returns the root.</summary>
    public static string Make(Action<string> edit)
    {
        string root = DataFiles.TempDir();
        string target = Path.Combine(root, Name);
        string source = Path.Combine(Repo.Templates, Name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        edit(target);
        return root;
    }

    public static void Edit(string folder, string file, Func<string, string> change)
    {
        string path = Path.Combine(folder, file);
        string before = File.ReadAllText(path);
        string after = change(before);
        if (after == before) throw new InvalidOperationException($"the edit of {file} changed nothing");
        File.WriteAllText(path, after);
    }
}
