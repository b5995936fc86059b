using System.Text.RegularExpressions;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>
/// Applies the style sheet's numbering rules to a narrative paragraph: "（一）依法公布政府信息。正文…" becomes a body paragraph whose
/// head sentence (up to and including the first 。) is a 楷体 run-in head; a paragraph that is only a head becomes a heading.
/// A head typed another way ("(二)", "（2）", "一.") that a rule accepts once written in the standard form is printed in that
/// form, with a warning at its place (<paramref name="warnings"/>), instead of silently staying body text.
/// </summary>
public sealed class ParagraphClassifier(IReadOnlyList<NumberingRule> rules, ICollection<Diagnostic>? warnings = null)
{
    public Paragraph Classify(string text, SourceRef source)
    {
        if (Match(Plain(text)) is null && NumberingHeads.Standardise(text, t => Match(Plain(t)) is not null) is { } fixedHead)
        {
            warnings?.Add(DiagnosticCatalog.DataNumbering.Create(
                $"段首编号「{fixedHead.Typed}」不是标准写法，已按标准格式印为「{fixedHead.Standard}」",
                $"the numbering \"{fixedHead.Typed}\" is not the standard form; printed as \"{fixedHead.Standard}\"",
                source.File, source.Line, source.Column, source.JsonPath));
            text = fixedHead.Text;
        }
        var runs = InlineText.ParseBold(text);
        string plain = string.Concat(runs.Select(r => r.Text));
        if (Match(plain) is not { } rule) return new Paragraph("body", runs) { Source = source };
        int stop = plain.IndexOf('。');
        bool headOnly = stop < 0 || stop == plain.Length - 1 || string.IsNullOrWhiteSpace(plain[(stop + 1)..]);
        if (rule.RunInStyle is null || headOnly)
            return new Paragraph(rule.ParagraphStyle, runs) { Source = source };
        return new Paragraph("body", InlineText.StyleHead(runs, stop + 1, rule.RunInStyle)) { Source = source };
    }

    private static string Plain(string text) => string.Concat(InlineText.ParseBold(text).Select(r => r.Text));

    private NumberingRule? Match(string plain)
    {
        foreach (var rule in rules)
        {
            try { if (rule.Pattern.IsMatch(plain)) return rule; }
            catch (RegexMatchTimeoutException e) { throw TemplatePattern.TooSlow(e, rule.Source); }
        }
        return null;
    }
}
