using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// One case of the hostile-input corpus: Corpus/NAME/input.json (or input.bin for bytes that are not UTF-8 text) and
/// expected.txt. expected.txt holds `exit N`, optionally `render` (also run it through ReportRenderer into an empty folder),
/// and one line per expected diagnostic: `ID` or `ID | text the message must contain`. Lines starting with # are comments.
/// </summary>
public sealed record CorpusCase(string Name, string Input, int ExitCode, bool Render, IReadOnlyList<(string Id, string? Text)> Expected)
{
    public static string Folder => Path.Combine(Repo.Root, "tests", "DocGen.Tests", "Robustness", "Corpus");

    public static CorpusCase Load(string name)
    {
        string dir = Path.Combine(Folder, name);
        string input = File.Exists(Path.Combine(dir, "input.json")) ? Path.Combine(dir, "input.json") : Path.Combine(dir, "input.bin");
        int? exit = null;
        bool render = false;
        var expected = new List<(string, string?)>();
        foreach (var raw in File.ReadAllLines(Path.Combine(dir, "expected.txt")))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("exit ", StringComparison.Ordinal)) { exit = int.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture); continue; }
            if (line == "render") { render = true; continue; }
            int bar = line.IndexOf('|');
            expected.Add(bar < 0 ? (line, null) : (line[..bar].Trim(), line[(bar + 1)..].Trim()));
        }
        return new CorpusCase(name, input, exit ?? throw new InvalidDataException($"{name}/expected.txt has no `exit N` line"), render, expected);
    }

    public static IReadOnlyList<string> Names() =>
        Directory.EnumerateDirectories(Folder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> All() => new(Names());

    /// <summary>A copy of the input under a name a clerk would use, so outputs get a predictable base name.</summary>
    public string CopyInput(string dir)
    {
        string path = Path.Combine(dir, Name + ".json");
        File.Copy(Input, path);
        return path;
    }
}
