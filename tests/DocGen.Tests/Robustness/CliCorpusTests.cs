using System.Text.RegularExpressions;
using DocGen.Tests.Cli;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// The corpus through the real command line, as a clerk meets it: every bad file explained on stderr in either language,
/// a non-zero exit, no stack trace without --verbose, and output only for the files that are valid.
/// </summary>
public partial class CliCorpusTests
{
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Bad_files_fail_with_ids_and_without_stack_traces(string lang)
    {
        string dir = DataFiles.TempDir();
        var cases = CorpusCase.Names().Select(CorpusCase.Load).ToList();
        var bad = cases.Where(c => c.ExitCode != 0).ToList();
        foreach (var c in bad) c.CopyInput(dir);
        CorpusCase.Load("valid-minimal").CopyInput(dir);

        var r = CliRunner.Run(dir, ["render", .. bad.Select(c => c.Name + ".json"), "valid-minimal.json", "-o", "out", "--format", "docx,pdf", "--lang", lang]);

        Assert.True(r.ExitCode is 2 or 4, r.ToString());
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("E-INTERNAL", r.Stderr, StringComparison.Ordinal);
        foreach (var c in bad)
            foreach (var (id, _) in c.Expected)
                Assert.True(r.Stderr.Contains($" {id}:", StringComparison.Ordinal), $"{c.Name}: {id} not on stderr\n{r}");
        Assert.Equal(["valid-minimal.docx", "valid-minimal.pdf"], Directory.GetFiles(Path.Combine(dir, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// --lang en never prints Chinese of its own: rendering every corpus case in English, each run of Chinese on stdout or stderr
    /// is text the clerk wrote (in the input named at the start of the line) or the template's own Chinese names (form titles,
    /// row and column names, rule descriptions, example phrases); 「」 (DocGen's marks around a quotation), the ▶ of a syntax
    /// error's context and its … elisions separate runs.
    /// </summary>
    [Fact]
    public void English_output_has_no_chinese_but_the_data_and_the_template()
    {
        string dir = DataFiles.TempDir();
        var cases = CorpusCase.Names().Select(CorpusCase.Load).ToList();
        foreach (var c in cases) c.CopyInput(dir);
        string template = string.Concat(Directory.EnumerateFiles(Repo.Templates, "*", SearchOption.AllDirectories).Select(File.ReadAllText));

        var r = CliRunner.Run(dir, ["render", .. cases.Select(c => c.Name + ".json"), "-o", "out", "--format", "docx", "--lang", "en"]);

        var own = new List<string>();
        foreach (string line in (r.Stdout + "\n" + r.Stderr).Split('\n'))
        {
            string input = InputOf().Match(line) is { Success: true } m && File.Exists(Path.Combine(dir, m.Value)) ? File.ReadAllText(Path.Combine(dir, m.Value)) : "";
            foreach (Match run in ChineseRun().Matches(line))
                if (!input.Contains(run.Value, StringComparison.Ordinal) && !template.Contains(run.Value, StringComparison.Ordinal))
                    own.Add($"「{run.Value}」 in: {line}");
        }
        Assert.True(r.Stderr.Contains("E-JSON-SYNTAX", StringComparison.Ordinal) && r.Stderr.Contains("表三", StringComparison.Ordinal), r.ToString());
        Assert.True(own.Count == 0, "Chinese of DocGen's own with --lang en:\n" + string.Join("\n", own));
    }

    [GeneratedRegex(@"^[^\s(]+\.json")]
    private static partial Regex InputOf();

    /// <summary>CJK ideographs with the full-width and CJK punctuation between them, but for 「」.</summary>
    [GeneratedRegex(@"[\u4e00-\u9fff\u3000-\u300b\u300e-\u303f\uff00-\uffef]+")]
    private static partial Regex ChineseRun();
}
