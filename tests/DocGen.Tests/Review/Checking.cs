using System.Text.Json.Nodes;
using DocGen.Data;
using DocGen.Model;
using DocGen.Review;
using DocGen.Tests.Support;

namespace DocGen.Tests.Review;

/// <summary>Variants of the example reports and the findings the 审读 makes on them.</summary>
internal static class Checking
{
    public static JsonObject Pingluo() => DataFiles.Load("pingluo-county-2023");

    /// <summary>The paragraph list of a narrative part ("sections.other", "closing", "preamble").</summary>
    public static JsonArray Part(JsonObject data, string place)
    {
        JsonNode node = data;
        foreach (var key in place.Split('.')) node = node[key]!;
        return node.AsArray();
    }

    public static JsonObject WithParagraph(JsonObject data, string place, string text)
    {
        Part(data, place).Add(text);
        return data;
    }

    public static JsonObject WithPart(JsonObject data, string place, params string[] paragraphs)
    {
        var array = Part(data, place);
        array.Clear();
        foreach (var p in paragraphs) array.Add(p);
        return data;
    }

    public static (IReadOnlyList<Diagnostic> Findings, string Path) Run(JsonObject data, JsonObject? previous = null)
    {
        string dir = DataFiles.TempDir();
        string path = DataFiles.Write(data, dir);
        var bound = Pipelines.Default.Bind(path);
        Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics.Select(d => d.Format())));
        BoundReport? last = null;
        if (previous is not null)
        {
            last = Pipelines.Default.Bind(DataFiles.Write(previous, dir, "previous.json"));
            Assert.False(last.HasErrors, string.Join("\n", last.Diagnostics.Select(d => d.Format())));
        }
        var findings = ReportChecker.Check(bound, last);
        foreach (var f in findings)
        {
            Robustness.DiagnosticAssert.IsClear(f);
            Assert.Equal(Severity.Warning, f.Severity);
            Assert.StartsWith("W-CHECK-", f.Id);
            Assert.False(string.IsNullOrEmpty(f.MessageEn), f.Format());
        }
        return (findings, path);
    }

    public static IReadOnlyList<Diagnostic> Findings(JsonObject data, JsonObject? previous = null) => Run(data, previous).Findings;

    /// <summary>The text of the data file at a finding's line and column (the phrase it points at).</summary>
    public static string TextAt(string path, Diagnostic d, int length)
    {
        string line = File.ReadAllLines(path)[d.Line - 1];
        return line.Substring(d.Column - 1, length);
    }

    public static string Show(IEnumerable<Diagnostic> findings) => string.Join("\n", findings.Select(f => f.Format()));
}
