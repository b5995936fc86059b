using DocGen.Tests.Cli;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// The corpus through the real command line, as a clerk meets it: every bad file explained on stderr in either language,
/// a non-zero exit, no stack trace without --verbose, and output only for the files that are valid.
/// </summary>
public class CliCorpusTests
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
}
