using DocGen.Model;

namespace DocGen.Templates;

/// <summary>
/// Applies the style sheet's numbering rules to a narrative paragraph: "（一）依法公布政府信息。正文…" becomes a body paragraph whose
/// head sentence (up to and including the first 。) is a 楷体 run-in head; a paragraph that is only a head becomes a heading.
/// </summary>
public sealed class ParagraphClassifier(IReadOnlyList<NumberingRule> rules)
{
    public Paragraph Classify(string text, SourceRef source)
    {
        var runs = InlineText.ParseBold(text);
        string plain = string.Concat(runs.Select(r => r.Text));
        foreach (var rule in rules)
        {
            if (!rule.Pattern.IsMatch(plain)) continue;
            int stop = plain.IndexOf('。');
            bool headOnly = stop < 0 || stop == plain.Length - 1 || string.IsNullOrWhiteSpace(plain[(stop + 1)..]);
            if (rule.RunInStyle is null || headOnly)
                return new Paragraph(rule.ParagraphStyle, runs) { Source = source };
            return new Paragraph("body", InlineText.StyleHead(runs, stop + 1, rule.RunInStyle)) { Source = source };
        }
        return new Paragraph("body", runs) { Source = source };
    }
}
