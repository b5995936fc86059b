using DocGen.Data;
using DocGen.Model;

namespace DocGen.Review;

/// <summary>
/// One paragraph of the report's text as a reader sees it (the **bold** markers removed), with the way back from each of its
/// characters to the data file: <see cref="Place"/> is the narrative field ("sections.overview", "closing", "title").
/// </summary>
public sealed class Paragraph
{
    private readonly JString[] _nodes;
    private readonly int[] _raw;

    public string Place { get; }
    public string Text { get; }
    /// <summary>The JSON path of the paragraph's first string (sections.overview[2], title.lines[0]).</summary>
    public string Path => _firstNode.Path;
    private readonly JString _firstNode;

    public Paragraph(string place, IReadOnlyList<JString> parts)
    {
        Place = place;
        _firstNode = parts[0];
        var text = new System.Text.StringBuilder();
        var nodes = new List<JString>();
        var raw = new List<int>();
        foreach (var part in parts)
        {
            string v = part.Value;
            for (int i = 0; i < v.Length; i++)
            {
                if (v[i] == '*' && i + 1 < v.Length && v[i + 1] == '*') { i++; continue; }
                text.Append(v[i]);
                nodes.Add(part);
                raw.Add(i);
            }
        }
        Text = text.ToString();
        _nodes = [.. nodes];
        _raw = [.. raw];
    }

    /// <summary>The string holding character <paramref name="index"/> of <see cref="Text"/> and the index inside its value.</summary>
    public (JString Node, int Index) Locate(int index) =>
        _nodes.Length == 0 ? (_firstNode, 0) : (_nodes[Math.Clamp(index, 0, _nodes.Length - 1)], _raw[Math.Clamp(index, 0, _raw.Length - 1)]);
}

/// <summary>The text of a bound report, paragraph by paragraph, and the findings made on it.</summary>
public sealed class ReportText
{
    public BoundReport Report { get; }
    public IReadOnlyList<Paragraph> Paragraphs { get; }
    private readonly SourcePositions? _source;

    public ReportText(BoundReport report)
    {
        Report = report;
        _source = SourcePositions.TryRead(report.File);
        var list = new List<Paragraph>();
        if (report.Nodes.GetValueOrDefault("title.agencyLine") is JString agencyLine) list.Add(new Paragraph("title.agencyLine", [agencyLine]));
        // The title as one text: a two-line title ("自治区人民政府办公厅" / "2020年政府信息公开工作年度报告") is one phrase.
        if (report.Nodes.GetValueOrDefault("title.lines") is JArray titleLines && titleLines.Items.OfType<JString>().ToList() is { Count: > 0 } lines)
            list.Add(new Paragraph("title", lines));
        foreach (var place in report.Template.Narrative.Keys)
        {
            switch (report.Nodes.GetValueOrDefault(place))
            {
                case JString s when !string.IsNullOrWhiteSpace(s.Value): list.Add(new Paragraph(place, [s])); break;
                case JArray a:
                    foreach (var s in a.Items.OfType<JString>().Where(s => !string.IsNullOrWhiteSpace(s.Value)))
                        list.Add(new Paragraph(place, [s]));
                    break;
            }
        }
        Paragraphs = list;
    }

    public IEnumerable<Paragraph> In(IReadOnlyList<string>? places) =>
        places is null ? Paragraphs.Where(p => p.Place is not ("title" or "title.agencyLine")) : Paragraphs.Where(p => places.Contains(p.Place));

    /// <summary>A warning at character <paramref name="index"/> of a paragraph: the data file's line and column of that character.</summary>
    public Diagnostic Finding(DiagnosticKind kind, Paragraph p, int index, string message, string messageEn)
    {
        var (node, raw) = p.Locate(index);
        var (line, column) = _source?.Of(node, raw) ?? (node.Line, node.Column);
        return kind.Create(message, messageEn, Report.File, line, column, node.Path);
    }

    /// <summary>A warning about a whole part (a required statement missing): at the part's list, or at the top of the file.</summary>
    public Diagnostic Finding(DiagnosticKind kind, string place, string message, string messageEn)
    {
        var node = Report.Nodes.GetValueOrDefault(place) ?? Report.Nodes.GetValueOrDefault("");
        return kind.Create(message, messageEn, Report.File, node?.Line ?? 0, node?.Column ?? 0, node is null || node.Path.Length == 0 ? null : node.Path);
    }

    /// <summary>"「…前后的文字…」": the phrase with a little context, for messages.</summary>
    public static string Quote(string text, int start, int length, int context = 6)
    {
        int from = Math.Max(0, start - context), to = Math.Min(text.Length, start + length + context);
        return $"「{(from > 0 ? "…" : "")}{text[from..to]}{(to < text.Length ? "…" : "")}」";
    }
}
