namespace DocGen.Pdf.Layout;

/// <summary>
/// Turns a broken line into placed glyphs: alignment, justification (extra space spread over the gaps between
/// characters, never inside a digit/Latin run), grid cells for the Chinese characters of a line that is not justified,
/// the half-width final mark and combining marks over their base. Glyph X is relative to the start of the text; Offset
/// is where the text starts from the line's left edge (centring, right alignment).
/// </summary>
internal static class LineSetter
{
    public static (List<PlacedGlyph> Glyphs, double Width, double Offset) Set(IReadOnlyList<TextAtom> a, BrokenLine line, double avail, DocGen.Model.HAlign align, bool lastLine)
    {
        int end = line.End;
        while (end > line.Start + 1 && a[end - 1].CodePoint == ' ') end--;   // trailing spaces take no room
        bool justify = align == DocGen.Model.HAlign.Justify && !lastLine;
        bool anyCell = false;
        double inCells = 0;
        for (int i = line.Start; i < end; i++)
        {
            anyCell |= a[i].GridCell is not null;
            inCells += CellBox(a[i]) + (i == end - 1 ? 0 : a[i].Gap);
        }
        // Full lines show the grid through justification; other lines take their grid cells when they still fit.
        bool cells = !justify && anyCell && !line.CompressLast && inCells <= avail + 0.01;
        double width = cells ? inCells : line.Width;
        double extra = Math.Max(0, avail - width);
        double offset0 = align switch
        {
            DocGen.Model.HAlign.Center => extra / 2,
            DocGen.Model.HAlign.Right => extra,
            _ => 0,
        };
        double gap = 0;
        if (justify && extra > 0.01)
        {
            int gaps = 0;
            for (int i = line.Start; i < end - 1; i++) if (Stretches(a, i)) gaps++;
            if (gaps > 0) gap = extra / gaps;
        }
        var glyphs = new List<PlacedGlyph>(end - line.Start);
        double x = 0;
        double naturalEnd = double.NaN;   // where the last glyph run ends when set at its font's own advances
        double lastX = double.NaN;        // origin of the last character appended
        double baseX = 0, baseNatural = 0; // the last character that is not a mark
        bool newRun = false;
        for (int i = line.Start; i < end; i++)
        {
            var t = a[i];
            if (t.IsMark && glyphs.Count > 0)
            {
                // A zero-advance mark is drawn by its font to the left of its origin, so it goes at the base's end; a spacing
                // one is centred over the base. It takes no room on the line.
                double mx = t.NaturalAdvance == 0 ? baseX + baseNatural : baseX + (baseNatural - t.NaturalAdvance) / 2;
                var before = glyphs[^1];
                if (t.NaturalAdvance == 0 && before.Pitch is null && before.Face == t.Face && Math.Abs(mx - naturalEnd) < 0.001)
                    glyphs[^1] = before with { Text = before.Text + t.Text };
                else
                {
                    glyphs.Add(new PlacedGlyph(mx, t.Text, t.Face, t.SizePt, t.Bold));
                    newRun = true;
                }
                if (i < end - 1 && Stretches(a, i)) x += gap;
                continue;
            }
            bool last = i == end - 1;
            double box = cells ? CellBox(t) : last ? t.AdvanceAtLineEnd : t.Box;
            double adv = last && line.CompressLast ? t.AdvanceAtLineEnd / 2 : box + (last ? 0 : t.Gap);
            // A cell narrower or wider than the glyph: centre the glyph in its cell.
            double offset = t.IsLatin || (last && line.CompressLast) ? 0 : (box - t.NaturalAdvance) / 2;
            double px = x + offset;
            var prev = glyphs.Count > 0 && !newRun ? glyphs[^1] : null;
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
            newRun = false;
            naturalEnd = px + t.NaturalAdvance;
            lastX = px;
            baseX = px;
            baseNatural = t.NaturalAdvance;
            x += adv;
            if (!last && Stretches(a, i)) x += gap;
        }
        return (glyphs, x, offset0);
    }

    /// <summary>A grid character fills its cell; one set uncondensed before a change to Latin text keeps its full width.</summary>
    private static double CellBox(TextAtom t) => t.GridCell is { } c ? Math.Max(c, t.Box) : t.Box;

    private static bool IsSingleRune(string s) => System.Text.Rune.DecodeFromUtf16(s, out _, out int used) == System.Buffers.OperationStatus.Done && used == s.Length;

    private static bool PitchFits(double pitch, double natural) => natural > 0 && Math.Abs(pitch / natural - 1) <= 0.02;

    /// <summary>Justification may widen the space after atom i: not inside a digit/Latin word, not before a combining mark.</summary>
    private static bool Stretches(IReadOnlyList<TextAtom> a, int i) =>
        !(i + 1 < a.Count && ((LineBreakRules.IsWordChar(a[i].CodePoint) && LineBreakRules.IsWordChar(a[i + 1].CodePoint)) || a[i + 1].IsMark));
}
