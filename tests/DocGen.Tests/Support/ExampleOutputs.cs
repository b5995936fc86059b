using System.Collections.Concurrent;
using DocGen.Engine;

namespace DocGen.Tests.Support;

/// <summary>Each example rendered once per test run (DOCX + PDF), shared by every test that inspects the output.</summary>
public static class ExampleOutputs
{
    private static readonly ConcurrentDictionary<string, Lazy<RenderOutcome>> Cache = new();
    private static readonly string Dir = DataFiles.TempDir();

    public static RenderOutcome Get(string example) =>
        Cache.GetOrAdd(example, e => new Lazy<RenderOutcome>(() =>
        {
            var renderer = new ReportRenderer(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], []));
            var outcome = renderer.Render(Repo.Example(e), Dir);
            if (!outcome.Ok) throw new InvalidOperationException(string.Join("\n", outcome.Diagnostics.Select(d => d.Format())));
            return outcome;
        })).Value;

    public static string Docx(string example) => Get(example).Outputs.Single(o => o.EndsWith(".docx", StringComparison.Ordinal));
    public static string Pdf(string example) => Get(example).Outputs.Single(o => o.EndsWith(".pdf", StringComparison.Ordinal));

    /// <summary>The examples' names (examples/NAME.json), in order.</summary>
    public static IReadOnlyList<string> Names { get; } = Directory.EnumerateFiles(Repo.Examples, "*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    public static readonly TheoryData<string> All = new(Names);
}
