namespace DocGen.Pdf.Layout;

/// <summary>A line as a range of atoms; <see cref="CompressLast"/> sets its final mark half width.</summary>
internal readonly record struct BrokenLine(int Start, int End, double Width, bool CompressLast);

/// <summary>
/// Greedy CJK line breaking with the rules of <see cref="LineBreakRules"/>: closing marks never start a line, opening marks
/// never end one, ——/…… and digit/Latin runs (and 〔2021〕30) stay whole.
/// </summary>
internal static class LineBreaker
{
    private const double Eps = 0.01;

    /// <summary>True when a line may end between atoms i and i+1 (<see cref="LineBreakRules.CanBreakBetween"/>).</summary>
    public static bool CanBreakAfter(IReadOnlyList<TextAtom> a, int i) =>
        i + 1 >= a.Count || LineBreakRules.CanBreakBetween(a[i].CodePoint, a[i + 1].CodePoint);

    public static List<BrokenLine> Break(IReadOnlyList<TextAtom> a, double firstAvail, double avail)
    {
        var lines = new List<BrokenLine>();
        int start = 0;
        while (start < a.Count)
        {
            double width = 0, max = lines.Count == 0 ? firstAvail : avail;
            int lastBreak = -1;          // atom index after which the line may end
            double widthAtBreak = 0;
            int i = start;
            bool done = false;
            for (; i < a.Count; i++)
            {
                // The Chinese–Latin space after an atom counts only when the line goes on after it.
                double w = width + a[i].AdvanceAtLineEnd;
                if (w <= max + Eps)
                {
                    width += a[i].Advance;
                    if (CanBreakAfter(a, i)) { lastBreak = i; widthAtBreak = w; }
                    continue;
                }
                // Overflow at atom i. A pause mark keeps its full cell (GB/T 15834; the DOCX says doNotCompress) and moves
                // to the next line with the character before it, as in LibreOffice.
                if (lastBreak >= start && !LongerThanALine(a, lastBreak + 1, avail))
                {
                    lines.Add(new BrokenLine(start, lastBreak + 1, TrimmedWidth(a, start, lastBreak + 1, widthAtBreak), false));
                    start = lastBreak + 1;
                }
                else if (i > start && LineBreakRules.IsNoStart(a[i].CodePoint))
                {
                    // Nothing may break here and a mark would start the next line: let the mark hang into the margin.
                    bool compress = LineBreakRules.IsCompressibleAtEnd(a[i].CodePoint);
                    lines.Add(new BrokenLine(start, i + 1, w - (compress ? a[i].AdvanceAtLineEnd / 2 : 0), compress));
                    start = i + 1;
                }
                else
                {
                    // An unbreakable run longer than the line (a narrow table column): break it where it overflows.
                    int end = Math.Max(i, start + 1);
                    lines.Add(new BrokenLine(start, end, end == i ? width - a[i - 1].Gap : a[start].AdvanceAtLineEnd, false));
                    start = end;
                }
                done = true;
                break;
            }
            if (!done)
            {
                lines.Add(new BrokenLine(start, a.Count, TrimmedWidth(a, start, a.Count, width), false));
                start = a.Count;
            }
            // A space that ended the line is not carried to the next one.
            while (start < a.Count && a[start].CodePoint == ' ') start++;
        }
        return lines;
    }

    /// <summary>True when the unbreakable run starting at <paramref name="from"/> (a long URL) fits on no line at all:
    /// then it is split where the line overflows instead of leaving a nearly empty, stretched line behind.</summary>
    private static bool LongerThanALine(IReadOnlyList<TextAtom> a, int from, double avail)
    {
        double w = 0;
        for (int k = from; k < a.Count; k++)
        {
            if (w + a[k].AdvanceAtLineEnd > avail + Eps) return true;
            w += a[k].Advance;
            if (CanBreakAfter(a, k)) return false;
        }
        return false;
    }

    /// <summary>
    /// Breaks into as few lines as <see cref="Break"/> does, but as even as possible: the narrowest measure that still
    /// gives that many lines. Titles (lines balanced, 梯形/菱形) and table cells, where a lone
    /// last character (申请数\n量) reads badly.
    /// </summary>
    public static List<BrokenLine> BreakBalanced(IReadOnlyList<TextAtom> a, double firstAvail, double avail)
    {
        var best = Break(a, firstAvail, avail);
        if (best.Count <= 1) return best;
        int n = best.Count;
        double lo = 0, hi = avail;
        for (int iter = 0; iter < 14 && hi - lo > 0.25; iter++)
        {
            double mid = (lo + hi) / 2, shrink = avail - mid;
            var trial = Break(a, firstAvail - shrink, mid);
            if (trial.Count <= n) { hi = mid; best = trial; }
            else lo = mid;
        }
        return best;
    }

    /// <summary>A title of two lines: the break <see cref="TitleBreak"/> chooses, which the DOCX writer asks too.</summary>
    public static List<BrokenLine> BreakTitle(IReadOnlyList<TextAtom> a, double avail)
    {
        var lines = BreakBalanced(a, avail, avail);
        if (lines.Count != 2) return lines;
        var advances = a.Select(t => t.Advance).ToArray();
        if (TitleBreak.BreakAfter(a.Select(t => t.CodePoint).ToArray(), advances, avail, a[0].SizePt) is not { } best) return lines;
        double first = advances.Take(best + 1).Sum(), total = advances.Sum();
        return [new BrokenLine(0, best + 1, first - a[best].Gap, false), new BrokenLine(best + 1, a.Count, total - first, false)];
    }

    private static double TrimmedWidth(IReadOnlyList<TextAtom> a, int start, int end, double width)
    {
        for (int k = end - 1; k > start && a[k].CodePoint == ' '; k--) width -= a[k].Advance;
        return width;
    }
}
