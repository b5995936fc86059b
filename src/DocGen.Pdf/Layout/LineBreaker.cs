namespace DocGen.Pdf.Layout;

/// <summary>A line as a range of atoms; <see cref="CompressLast"/> sets its final mark half width.</summary>
internal readonly record struct BrokenLine(int Start, int End, double Width, bool CompressLast);

/// <summary>
/// Greedy CJK line breaking with the GB/T 15834 rules: closing marks never start a line, opening marks never end one,
/// ——/…… and digit/Latin runs (and 〔2021〕30号) stay whole. When the mark that would overflow is a full-width
/// closing or pause mark, it is set half width at the line end rather than pushed to the next line.
/// </summary>
internal static class LineBreaker
{
    private const double Eps = 0.01;

    /// <summary>True when a line may end between atoms i and i+1.</summary>
    public static bool CanBreakAfter(IReadOnlyList<TextAtom> a, int i)
    {
        if (i + 1 >= a.Count) return true;
        int x = a[i].CodePoint, y = a[i + 1].CodePoint;
        if (TextClass.IsSpace(x)) return true;
        if (TextClass.IsNoStart(y) || TextClass.IsNoEnd(x)) return false;
        if (TextClass.IsWordChar(x) && TextClass.IsWordChar(y)) return false;
        if (TextClass.IsDoubledMark(x) && x == y) return false;
        if (x == '〕' && (TextClass.IsDigit(y) || TextClass.IsNumberSuffix(y))) return false;
        if (TextClass.IsDigit(x) && TextClass.IsNumberSuffix(y)) return false;
        return true;
    }

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
                double w = width + a[i].Advance;
                if (w <= max + Eps)
                {
                    width = w;
                    if (CanBreakAfter(a, i)) { lastBreak = i; widthAtBreak = width; }
                    continue;
                }
                // Overflow at atom i. A closing/pause mark that fits at half width stays on this line.
                if (TextClass.IsCompressibleAtEnd(a[i].CodePoint) && w - a[i].Advance / 2 <= max + Eps && CanBreakAfter(a, i))
                {
                    lines.Add(new BrokenLine(start, i + 1, w - a[i].Advance / 2, true));
                    start = i + 1;
                    done = true;
                    break;
                }
                if (lastBreak >= start && !LongerThanALine(a, lastBreak + 1, avail))
                {
                    lines.Add(new BrokenLine(start, lastBreak + 1, TrimmedWidth(a, start, lastBreak + 1, widthAtBreak), false));
                    start = lastBreak + 1;
                }
                else if (i > start && TextClass.IsNoStart(a[i].CodePoint))
                {
                    // Nothing may break here and a mark would start the next line: let the mark hang into the margin.
                    bool compress = TextClass.IsCompressibleAtEnd(a[i].CodePoint);
                    lines.Add(new BrokenLine(start, i + 1, w - (compress ? a[i].Advance / 2 : 0), compress));
                    start = i + 1;
                }
                else
                {
                    // An unbreakable run longer than the line (a narrow table column): break it where it overflows.
                    int end = Math.Max(i, start + 1);
                    lines.Add(new BrokenLine(start, end, end == i ? width : a[start].Advance, false));
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
            w += a[k].Advance;
            if (w > avail + Eps) return true;
            if (CanBreakAfter(a, k)) return false;
        }
        return false;
    }

    /// <summary>
    /// Breaks into as few lines as <see cref="Break"/> does, but as even as possible: the narrowest measure that still
    /// gives that many lines. Titles (GB/T 9704 §7.3.1: lines balanced, 梯形/菱形) and table cells, where a lone
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

    /// <summary>
    /// A title of two lines (GB/T 9704 §7.3.1: keep words whole, lines balanced): among the legal breaks that fit,
    /// the one with the least imbalance, where a break after a year (…2023年) or before 政府/关于 costs nothing extra
    /// and any other costs two characters, since without a dictionary it may split a word (政|府).
    /// </summary>
    public static List<BrokenLine> BreakTitle(IReadOnlyList<TextAtom> a, double avail)
    {
        var lines = BreakBalanced(a, avail, avail);
        if (lines.Count != 2) return lines;
        double total = a.Sum(t => t.Advance), em = a.Count > 0 ? a[0].SizePt : 0;
        double bestCost = double.MaxValue;
        int best = -1;
        double w1 = 0;
        for (int i = 0; i < a.Count - 1; i++)
        {
            w1 += a[i].Advance;
            double w2 = total - w1;
            if (!CanBreakAfter(a, i) || w1 > avail + Eps || w2 > avail + Eps) continue;
            double cost = Math.Abs(w1 - w2) + (GoodTitleBreak(a, i) ? 0 : 2 * em);
            if (cost < bestCost) { bestCost = cost; best = i; }
        }
        if (best < 0) return lines;
        double first = a.Take(best + 1).Sum(t => t.Advance);
        return [new BrokenLine(0, best + 1, first, false), new BrokenLine(best + 1, a.Count, total - first, false)];
    }

    private static bool GoodTitleBreak(IReadOnlyList<TextAtom> a, int i)
    {
        string Next(int n) => string.Concat(a.Skip(i + 1).Take(n).Select(t => t.Text));
        int x = a[i].CodePoint;
        return (x == '年' && i > 0 && TextClass.IsDigit(a[i - 1].CodePoint)) || x is '）' or '》' or '的'
            || Next(2) is "政府" or "关于" or "工作";
    }

    private static double TrimmedWidth(IReadOnlyList<TextAtom> a, int start, int end, double width)
    {
        for (int k = end - 1; k > start && a[k].CodePoint == ' '; k--) width -= a[k].Advance;
        return width;
    }
}
