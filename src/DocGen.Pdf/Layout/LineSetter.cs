namespace DocGen.Pdf.Layout;

/// <summary>
/// Turns a broken line into placed glyphs: alignment, justification (extra space spread over the gaps between
/// characters, never inside a digit/Latin run) and the half-width final mark. Glyph X is relative to the start
/// of the text; Offset is where the text starts from the line's left edge (centring, right alignment).
/// </summary>
internal static class LineSetter
{
    public static (List<PlacedGlyph> Glyphs, double Width, double Offset) Set(IReadOnlyList<TextAtom> a, BrokenLine line, double avail, DocGen.Model.HAlign align, bool lastLine)
    {
        int end = line.End;
        while (end > line.Start + 1 && a[end - 1].CodePoint == ' ') end--;   // trailing spaces take no room
        double extra = Math.Max(0, avail - line.Width);
        double offset0 = align switch
        {
            DocGen.Model.HAlign.Center => extra / 2,
            DocGen.Model.HAlign.Right => extra,
            _ => 0,
        };
        double gap = 0;
        if (align == DocGen.Model.HAlign.Justify && !lastLine && extra > 0.01)
        {
            int gaps = 0;
            for (int i = line.Start; i < end - 1; i++) if (Stretches(a, i)) gaps++;
            if (gaps > 0) gap = extra / gaps;
        }
        var glyphs = new List<PlacedGlyph>(end - line.Start);
        double x = 0;
        double naturalEnd = double.NaN;   // where the last glyph run ends when set at its font's own advances
        double lastX = double.NaN;        // origin of the last character appended
        for (int i = line.Start; i < end; i++)
        {
            var t = a[i];
            double adv = i == end - 1 && line.CompressLast ? t.Advance / 2 : t.Advance;
            // A grid cell narrower than the glyph: centre the glyph in its cell.
            double offset = t.IsLatin ? 0 : (t.Advance - t.NaturalAdvance) / 2;
            if (i == end - 1 && line.CompressLast) offset = 0;
            double px = x + offset;
            var prev = glyphs.Count > 0 ? glyphs[^1] : null;
            bool sameFont = prev is not null && prev.Face == t.Face && prev.Bold == t.Bold && prev.SizePt == t.SizePt;
            // Glyphs that sit exactly where the font's advances put them are drawn as one run: one PDF text
            // operation instead of one per character (tables, titles, digits).
            if (sameFont && prev!.Pitch is null && Math.Abs(px - naturalEnd) < 0.001)
                glyphs[^1] = prev with { Text = prev.Text + t.Text };
            // Evenly spaced full-width characters (grid text: 15.79 pt cells for 16 pt glyphs) form a run with a fixed
            // pitch, drawn with the glyphs scaled by at most 2 % horizontally. Each still occupies exactly its cell.
            else if (sameFont && !t.IsLatin && i > line.Start && a[i - 1].NaturalAdvance == t.NaturalAdvance
                     && PitchFits(px - lastX, t.NaturalAdvance) && (prev!.Pitch is { } p0 ? Math.Abs(p0 - (px - lastX)) < 0.001 : IsSingleRune(prev.Text)))
                glyphs[^1] = prev with { Text = prev.Text + t.Text, Pitch = px - lastX };
            else
                glyphs.Add(new PlacedGlyph(px, t.Text, t.Face, t.SizePt, t.Bold));
            naturalEnd = px + t.NaturalAdvance;
            lastX = px;
            x += adv;
            if (i < end - 1 && Stretches(a, i)) x += gap;
        }
        return (glyphs, x, offset0);
    }

    private static bool IsSingleRune(string s) => System.Text.Rune.DecodeFromUtf16(s, out _, out int used) == System.Buffers.OperationStatus.Done && used == s.Length;

    private static bool PitchFits(double pitch, double natural) => natural > 0 && Math.Abs(pitch / natural - 1) <= 0.02;

    private static bool Stretches(IReadOnlyList<TextAtom> a, int i) =>
        !(TextClass.IsWordChar(a[i].CodePoint) && i + 1 < a.Count && TextClass.IsWordChar(a[i + 1].CodePoint));
}
