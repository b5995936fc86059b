using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// Where a long title breaks into two lines (GB/T 9704 §7.3.1: keep words whole, lines balanced), chosen the same way
/// as the PDF writer: among breaks where both halves fit, the most balanced one, preferring a break after a year
/// (…2023年), after ）》的, or before 政府/关于/工作. Word would otherwise break the title wherever the line is full
/// (…工作年度报|告). Widths are estimated: CJK characters one em, ASCII half an em.
/// </summary>
internal static class TitleBreaker
{
    private const string NoLineStart = "，。、；：？！）》〉」』】〕”’";
    private const string NoLineEnd = "（《〈「『【〔“‘";

    /// <summary>True for the styles the PDF writer balances: centred, not a heading, off the body grid (the title).</summary>
    public static bool Applies(M.ParagraphStyle style) =>
        style.Align == M.HAlign.Center && style.OutlineLevel == 0 && !style.SnapToGrid;

    /// <summary>Offset in <paramref name="text"/> after which to break, or null when the title fits one line or needs more than two.</summary>
    public static int? BreakAfter(string text, double sizePt, double lineWidthPt)
    {
        if (text.Contains('\n')) return null; // the template already broke it
        double[] widths = text.Select(c => (c < 0x80 ? 0.5 : 1.0) * sizePt).ToArray();
        double total = widths.Sum();
        if (total <= lineWidthPt || total > 2 * lineWidthPt) return null;

        int? best = null;
        double bestCost = double.MaxValue, first = 0;
        for (int i = 0; i < text.Length - 1; i++)
        {
            first += widths[i];
            double second = total - first;
            if (first > lineWidthPt || second > lineWidthPt || !CanBreakAfter(text, i)) continue;
            double cost = Math.Abs(first - second) + (GoodBreak(text, i) ? 0 : 2 * sizePt);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = i;
            }
        }
        return best;
    }

    private static bool CanBreakAfter(string t, int i) =>
        !NoLineStart.Contains(t[i + 1]) && !NoLineEnd.Contains(t[i])
        && !(char.IsAsciiLetterOrDigit(t[i]) && char.IsAsciiLetterOrDigit(t[i + 1]))
        && !char.IsSurrogate(t[i]);

    private static bool GoodBreak(string t, int i)
    {
        string next = t.Length >= i + 3 ? t.Substring(i + 1, 2) : "";
        return (t[i] == '年' && i > 0 && char.IsAsciiDigit(t[i - 1])) || t[i] is '）' or '》' or '的'
            || next is "政府" or "关于" or "工作";
    }
}
