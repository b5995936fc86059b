using System.Text;

namespace DocGen.Pdf.Drawing;

/// <summary>A glyph to be shown: its CID, its advance as the font's /W lists it (thousandths of the font size) and where its origin must land.</summary>
internal readonly record struct ShownGlyph(ushort Cid, double Width, double X);

/// <summary>
/// Writes the glyphs of one line segment (same font, size, bold and horizontal scale, on one baseline) as one
/// text-showing operation. Justified CJK lines place every glyph on its own, so writing each with its own Td and Tj
/// made most of a page's content stream; here the pen moves by the font's advances, the character spacing Tc takes
/// up the line's common gap, and a TJ number corrects only the glyphs that still land off target.
/// </summary>
/// <remarks>
/// The pen moves after each glyph by tx = (w0/1000 · Tfs + Tc) · Th (Tw applies to single-byte
/// code 32 only, never to our two-byte CIDs), and a TJ number n by −n/1000 · Tfs · Th. The writer tracks the pen as
/// a reader computes it from the written, rounded numbers, so rounding never accumulates along a line.
/// </remarks>
internal static class GlyphLineWriter
{
    /// <summary>
    /// How far a glyph may land from its target, in points. Hinted CFF glyphs shift a whole pixel column when their origin
    /// crosses a sub-pixel step of the rasteriser, so "invisible" is tighter than it seems: measured on the four examples
    /// at 100 dpi against the per-run Td output, 0.0005 pt left 11 of 66 pages with changed pixels (some by 252 of 255
    /// grey levels), 0.00001 pt leaves 5, all glyphs exactly on a pixel boundary (x = 144 pt = 2 in) where the last bit of
    /// a sum decides, and is 0.6 % larger on the ningxia 2023 content; 0.000001 pt changes no more pixels and costs 1 % more.
    /// </summary>
    internal const double Tolerance = 0.00001;

    /// <summary>Decimals tried for Tc; more digits keep a long line's accumulated spacing error under the tolerance.</summary>
    private const int MaxTcDecimals = 6;

    /// <summary>
    /// Appends the operators that show <paramref name="glyphs"/> with the pen starting at <paramref name="penX"/>:
    /// a Tc when the spacing changes, then a Tj, or a TJ with position corrections (the first glyph too may need one,
    /// when the pen is left where the previous segment on the line ended). Returns where the pen ends.
    /// </summary>
    /// <param name="sizePt">The font size as Tf set it.</param>
    /// <param name="scaleX">The horizontal scaling as Tz set it, 1 = 100 %.</param>
    /// <param name="baseSpacing">The character spacing the glyphs of one run were drawn with (simulated bold adds some); the candidate when no common gap exists.</param>
    /// <param name="spacing">The Tc currently in effect in the text object; updated when a new one is written.</param>
    public static double Append(StringBuilder sb, IReadOnlyList<ShownGlyph> glyphs, double penX, double sizePt, double scaleX,
        double baseSpacing, ref double spacing)
    {
        if (glyphs.Count == 0) return penX;
        // Each candidate is written into one reused scratch builder to compare lengths, and only the shortest into sb:
        // a new builder and string per candidate, and an Insert of the TJ bracket, were 4 % of a warm report (dotnet-trace).
        var scratch = Scratch ??= new StringBuilder(1024);
        double bestSpacing = spacing;
        int bestLength = int.MaxValue;
        foreach (double candidate in Candidates(glyphs, sizePt, scaleX, baseSpacing, spacing))
        {
            scratch.Clear();
            // A candidate stops being written once it is no shorter than the best so far: it could not be chosen (the first of
            // equally short ones wins), and most candidates are dropped within a few glyphs.
            WriteCandidate(scratch, glyphs, penX, sizePt, scaleX, candidate, spacing, bestLength);
            if (scratch.Length < bestLength)
            {
                bestLength = scratch.Length;
                bestSpacing = candidate;
            }
        }
        double end = WriteCandidate(sb, glyphs, penX, sizePt, scaleX, bestSpacing, spacing);
        spacing = bestSpacing;
        return end;
    }

    [ThreadStatic] private static StringBuilder? Scratch;

    /// <param name="giveUpAt">Stop writing once the builder holds this many characters (the result is then unused).</param>
    private static double WriteCandidate(StringBuilder sb, IReadOnlyList<ShownGlyph> glyphs, double penX, double sizePt, double scaleX,
        double candidate, double spacing, int giveUpAt = int.MaxValue)
    {
        if (candidate != spacing) PdfNumber.Append(sb, candidate, MaxTcDecimals).Append(" Tc ");
        return Show(sb, glyphs, penX, sizePt, scaleX, candidate, giveUpAt);
    }

    /// <summary>
    /// Spacings worth trying: the one in effect (nothing to write), the runs' own, and the gap most glyphs share,
    /// at each precision (fewer digits cost less but may need more corrections on a long line).
    /// </summary>
    private static List<double> Candidates(IReadOnlyList<ShownGlyph> glyphs, double sizePt, double scaleX, double baseSpacing, double current)
    {
        var result = new List<double> { current };
        if (baseSpacing != current) result.Add(baseSpacing);
        if (glyphs.Count < 2) return result;
        double common = CommonGap(glyphs, sizePt, scaleX);
        for (int d = 0; d <= MaxTcDecimals; d++)
        {
            double v = PdfNumber.Rounded(common, d);
            if (!result.Contains(v)) result.Add(v);
        }
        return result;
    }

    /// <summary>
    /// The spacing each gap asks for, grouped at a precision well below the tolerance; the most frequent wins, ties to the
    /// first seen, and its value is that of its first gap. Counted pairwise on the stack, with no dictionary per segment
    /// (a segment is one line's glyphs of one font: a few dozen), which was 4 % of a batch's CPU (dotnet-trace).
    /// </summary>
    private static double CommonGap(IReadOnlyList<ShownGlyph> glyphs, double sizePt, double scaleX)
    {
        int gaps = glyphs.Count - 1;
        Span<long> keys = gaps <= 256 ? stackalloc long[gaps] : new long[gaps];
        Span<double> wanted = gaps <= 256 ? stackalloc double[gaps] : new double[gaps];
        for (int k = 1; k < glyphs.Count; k++)
        {
            wanted[k - 1] = (glyphs[k].X - glyphs[k - 1].X) / scaleX - glyphs[k - 1].Width / 1000 * sizePt;
            keys[k - 1] = (long)Math.Round(wanted[k - 1] * 1e6);
        }
        int bestCount = 0;
        double best = 0;
        for (int i = 0; i < gaps; i++)
        {
            if (keys[..i].Contains(keys[i])) continue;   // counted at its first occurrence
            int count = 0;
            foreach (long key in keys[i..]) if (key == keys[i]) count++;
            if (count > bestCount) (bestCount, best) = (count, wanted[i]);
        }
        return best;
    }

    /// <summary>Writes the glyphs as Tj, or as TJ where some glyph needs a correction with spacing Tc = <paramref name="spacing"/>; returns where the pen ends.</summary>
    private static double Show(StringBuilder sb, IReadOnlyList<ShownGlyph> glyphs, double penX, double sizePt, double scaleX, double spacing,
        int giveUpAt = int.MaxValue)
    {
        bool corrected = NeedsCorrection(glyphs, penX, sizePt, scaleX, spacing);
        if (corrected) sb.Append('[');
        bool inString = false;
        double pen = penX;
        for (int k = 0; k < glyphs.Count; k++)
        {
            if (k > 0) pen += (glyphs[k - 1].Width / 1000 * sizePt + spacing) * scaleX;
            double off = glyphs[k].X - pen;
            if (Math.Abs(off) > Tolerance)
            {
                // A number n moves the pen by −n/1000 · Tfs · Th: the fewest decimals that land within the tolerance.
                double exact = -off * 1000 / (sizePt * scaleX), n = exact;
                for (int d = 0; d <= 4; d++)
                {
                    n = PdfNumber.Rounded(exact, d);
                    if (Math.Abs(glyphs[k].X - (pen - n / 1000 * sizePt * scaleX)) <= Tolerance) break;
                }
                if (inString) sb.Append(')');
                inString = false;
                PdfNumber.Append(sb, n, 4);
                pen -= n / 1000 * sizePt * scaleX;
            }
            if (!inString) sb.Append('(');
            inString = true;
            AppendCid(sb, glyphs[k].Cid);
            if (sb.Length >= giveUpAt) return pen;
        }
        sb.Append(')');
        sb.Append(corrected ? "] TJ\n" : " Tj\n");
        return pen + (glyphs[^1].Width / 1000 * sizePt + spacing) * scaleX;
    }

    /// <summary>
    /// Whether <see cref="Show"/> will write a TJ: some glyph lands off target. Up to the first such glyph the pen moves by
    /// the advances alone, exactly as <see cref="Show"/> moves it, so the first correction is found by the same arithmetic
    /// (deciding this up front saves inserting the bracket afterwards, which allocated a chunk per segment).
    /// </summary>
    private static bool NeedsCorrection(IReadOnlyList<ShownGlyph> glyphs, double penX, double sizePt, double scaleX, double spacing)
    {
        double pen = penX;
        for (int k = 0; k < glyphs.Count; k++)
        {
            if (k > 0) pen += (glyphs[k - 1].Width / 1000 * sizePt + spacing) * scaleX;
            if (Math.Abs(glyphs[k].X - pen) > Tolerance) return true;
        }
        return false;
    }

    /// <summary>
    /// The CID's two bytes as they are, in a literal string. Hex strings (&lt;000b0010&gt;) were measured too: on the ningxia
    /// 2023 report the deflated content streams are 4 % larger with them (24.3 KB against 23.4 KB). The content stream is
    /// therefore written as Latin-1, one char per byte.
    /// </summary>
    private static void AppendCid(StringBuilder sb, ushort cid)
    {
        AppendByte(sb, cid >> 8);
        AppendByte(sb, cid & 0xFF);
    }

    private static void AppendByte(StringBuilder sb, int b)
    {
        // A reader turns an unescaped CR (or CR LF) inside a literal string into LF, so CR is escaped like the delimiters.
        switch (b)
        {
            case '(' or ')' or '\\': sb.Append('\\').Append((char)b); break;
            case '\r': sb.Append("\\r"); break;
            default: sb.Append((char)b); break;
        }
    }
}
