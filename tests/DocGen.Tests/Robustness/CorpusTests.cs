using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Cli;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// Runs every case of Corpus/ through the pipeline (and the `render` ones through ReportRenderer) and holds it to the promise
/// of the README's guarantees table: the expected stable ids with a Chinese message, the expected exit code, nothing else, no stack trace,
/// and no file in the output folder unless the report succeeded.
/// </summary>
public class CorpusTests
{
    private static readonly Lazy<ReportRenderer> Renderer = new(() => new ReportRenderer(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], [])));

    public static TheoryData<string> Cases => CorpusCase.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_gives_its_expected_diagnostics_and_exit_code(string name)
    {
        var c = CorpusCase.Load(name);
        string dir = DataFiles.TempDir();
        string input = c.CopyInput(dir);
        IReadOnlyList<Diagnostic> diagnostics;
        int exit;
        if (c.Render)
        {
            string outDir = Path.Combine(dir, "out");
            var outcome = Renderer.Value.Render(input, outDir);
            (diagnostics, exit) = (outcome.Diagnostics, CliExitCodes.Of(outcome.Failure));
            var files = Directory.Exists(outDir) ? Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList() : [];
            if (exit == 0) Assert.Equal([name + ".docx", name + ".pdf"], files);
            else Assert.Empty(files);
        }
        else
        {
            var result = Pipelines.Default.Build(input);
            (diagnostics, exit) = (result.Diagnostics, result.Ok ? 0 : CliExitCodes.Of(result.Failure ?? FailureKind.Internal));
            Assert.Equal(result.Ok, exit == 0);
        }

        string all = string.Join("\n", diagnostics.Select(d => d.Format()));
        Assert.True(c.ExitCode == exit, $"exit code {exit}, expected {c.ExitCode}. Diagnostics:\n{all}");
        foreach (var (id, text) in c.Expected)
            Assert.True(diagnostics.Any(d => d.Id == id && (text is null || d.Message.Contains(text, StringComparison.Ordinal))),
                $"no {id}{(text is null ? "" : $" containing 「{text}」")}. Diagnostics:\n{all}");
        var unexpected = diagnostics.Where(d => c.Expected.All(e => e.Id != d.Id)).ToList();
        Assert.True(unexpected.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", unexpected.Select(d => d.Format())));
        if (exit != 0) Assert.Contains(diagnostics, d => d.Severity == Severity.Error);

        foreach (var d in diagnostics)
        {
            DiagnosticAssert.IsClear(d);
            if (exit == CliExitCodes.Of(FailureKind.InvalidData) && d.Severity == Severity.Error)
            {
                Assert.True(d.File == input && d.Line > 0, $"a data error must point into the data file: {d.Format()}");
            }
        }
    }
}

public static class DiagnosticAssert
{
    /// <summary>Stable id, a message in Chinese, and no .NET exception text or stack trace in it.</summary>
    public static void IsClear(Diagnostic d)
    {
        Assert.Matches(@"^(E|W)-[A-Z0-9-]+$|^W?-?T\d-\d+$|^T\d-\d+$", d.Id);
        Assert.True(d.Message.Any(ch => ch is >= '\u4e00' and <= '\u9fff'), $"message not in Chinese: {d.Format()}");
        Assert.DoesNotContain("   at ", d.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b\w+Exception\b", d.Message);
        Assert.NotEqual("E-INTERNAL", d.Id);
    }
}
