namespace DocGen.Typography;

/// <summary>
/// Where a title too long for one line breaks into two: words kept whole, lines balanced, 梯形/菱形.
/// Both writers ask this chooser: the PDF with the advances it sets, the DOCX with <see cref="EstimatedAdvances"/>, so that
/// Word does not break the title wherever the line is full (…工作年度报|告).
/// </summary>
public static class TitleBreak
{
    private const double Eps = 0.01;

    /// <summary>
    /// Index of the code point after which to break: among the legal breaks where both halves fit, the one with the least
    /// imbalance, where a break after a year (…2023年), after ）》的 or before 政府/关于/工作 costs nothing extra and any other
    /// costs two characters, since without a dictionary it may split a word (政|府). Null when no break fits.
    /// </summary>
    public static int? BreakAfter(IReadOnlyList<int> codePoints, IReadOnlyList<double> advances, double lineWidth, double em)
    {
        double total = advances.Sum(), first = 0, bestCost = double.MaxValue;
        int? best = null;
        for (int i = 0; i < codePoints.Count - 1; i++)
        {
            first += advances[i];
            double second = total - first;
            if (first > lineWidth + Eps || second > lineWidth + Eps || !LineBreakRules.CanBreakBetween(codePoints[i], codePoints[i + 1])) continue;
            double cost = Math.Abs(first - second) + (GoodBreak(codePoints, i) ? 0 : 2 * em);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = i;
            }
        }
        return best;
    }

    /// <summary>
    /// Advances without font metrics (the DOCX writer has none): a Chinese character one em, a Latin one half an em, and the
    /// Chinese–Latin space of <see cref="CjkLatinSpacing"/> added to the character before it, as the PDF measures it.
    /// </summary>
    public static double[] EstimatedAdvances(IReadOnlyList<int> codePoints, double sizePt, double cjkLatinSpacingEm)
    {
        var widths = new double[codePoints.Count];
        for (int i = 0; i < widths.Length; i++)
        {
            widths[i] = LineBreakRules.IsInvisible(codePoints[i]) || LineBreakRules.IsCombiningMark(codePoints[i]) ? 0
                : (LineBreakRules.UsesLatinFont(codePoints[i]) ? 0.5 : 1.0) * sizePt;
            if (i + 1 < widths.Length && CjkLatinSpacing.Applies(codePoints[i], codePoints[i + 1])) widths[i] += cjkLatinSpacingEm * sizePt;
        }
        return widths;
    }

    private static bool GoodBreak(IReadOnlyList<int> t, int i)
    {
        string next = i + 2 < t.Count ? char.ConvertFromUtf32(t[i + 1]) + char.ConvertFromUtf32(t[i + 2]) : "";
        return (t[i] == '年' && i > 0 && LineBreakRules.IsDigit(t[i - 1])) || t[i] is '）' or '》' or '的'
            || next is "政府" or "关于" or "工作";
    }
}
