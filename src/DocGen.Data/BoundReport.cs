using DocGen.Model;
using DocGen.Tables;
using DocGen.Templates;

namespace DocGen.Data;

/// <summary>What the binder makes of one data file: the template context, the finished tables and every problem found.</summary>
public sealed class BoundReport
{
    public required string File { get; init; }
    public required TemplatePackage Template { get; init; }
    public required Dictionary<string, object?> Context { get; init; }
    /// <summary>Every value of every table, typed and computed, keyed by table id then (row, column).</summary>
    public required IReadOnlyDictionary<string, TableValues> Values { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    public required IReadOnlyDictionary<string, JNode> Nodes { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>"sections.overview[2]" → "sections.overview[2]（第 45 行第 7 列）", to name where a paragraph came from.</summary>
    public SourceRef Describe(string path) =>
        Nodes.TryGetValue(path, out var n)
            ? new SourceRef($"{File}({n.Line},{n.Column}) {path}") { File = File, Line = n.Line, Column = n.Column, JsonPath = path }
            : new SourceRef($"{File} {path}") { File = File, JsonPath = path };

    /// <summary>Where a label override ("applications.rows.disclosed") stands in the data file's "labels" object.</summary>
    public SourceRef DescribeLabel(string key) => Describe(JNodeText.Child("labels", key));
}
