using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocGen.Tests.Support;

/// <summary>Writes variants of an example data file into a temporary folder, for tests that break one thing at a time.</summary>
public static class DataFiles
{
    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "docgen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static JsonObject Load(string example) => JsonNode.Parse(File.ReadAllText(Repo.Example(example)))!.AsObject();

    public static string Write(JsonObject data, string? dir = null, string name = "report.json")
    {
        dir ??= TempDir();
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, data.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return path;
    }

    public static string WriteText(string text, string name = "report.json")
    {
        string path = Path.Combine(TempDir(), name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Line (1-based) of the first occurrence of <paramref name="needle"/> in a file.</summary>
    public static int LineOf(string path, string needle) =>
        File.ReadAllLines(path).Select((l, i) => (l, i)).First(x => x.l.Contains(needle, StringComparison.Ordinal)).i + 1;
}
