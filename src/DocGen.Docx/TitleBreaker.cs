using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// Where a long title breaks into two lines: the DOCX asks the same chooser as the PDF writer (<see cref="TitleBreak"/>),
/// with widths estimated as the PDF measures them (no font metrics here), and writes the break as w:br. Word would
/// otherwise break the title wherever the line is full (…工作年度报|告).
/// </summary>
internal static class TitleBreaker
{
    /// <summary>True for the styles the PDF writer balances: centred, not a heading, off the body grid (the title).</summary>
    public static bool Applies(M.ParagraphStyle style) =>
        style.Align == M.HAlign.Center && style.OutlineLevel == 0 && !style.SnapToGrid;

    /// <summary>Offset in <paramref name="text"/> after which to break, or null when the title fits one line or needs more than two.</summary>
    public static int? BreakAfter(string text, double sizePt, double lineWidthPt, double cjkLatinSpacingEm = CjkLatinSpacing.DefaultEm)
    {
        if (text.Contains('\n')) return null; // the template already broke it
        var codePoints = text.EnumerateRunes().Select(r => r.Value).ToArray();
        var widths = TitleBreak.EstimatedAdvances(codePoints, sizePt, cjkLatinSpacingEm);
        double total = widths.Sum();
        if (total <= lineWidthPt || total > 2 * lineWidthPt) return null;
        if (TitleBreak.BreakAfter(codePoints, widths, lineWidthPt, sizePt) is not { } at) return null;
        // From code points back to the UTF-16 offset BodyWriter splits the text at.
        return text.EnumerateRunes().Take(at + 1).Sum(r => r.Utf16SequenceLength) - 1;
    }
}
