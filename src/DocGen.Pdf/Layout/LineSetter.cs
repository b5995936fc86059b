using System.Text;
using DocGen.Pdf.Fonts;

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
        var run = new OpenRun(glyphs);   // the last glyph of the line, still open for more characters
        double x = 0;
        double naturalEnd = double.NaN;   // where the last glyph run ends when set at its font's own advances
        double lastX = double.NaN;        // origin of the last character appended
        double baseX = 0, baseNatural = 0; // the last character that is not a mark
        bool newRun = false;
        for (int i = line.Start; i < end; i++)
        {
            var t = a[i];
            if (t.IsMark && run.Any)
            {
                // A zero-advance mark is drawn by its font to the left of its origin, so it goes at the base's end; a spacing
                // one is centred over the base. It takes no room on the line.
                double mx = t.NaturalAdvance == 0 ? baseX + baseNatural : baseX + (baseNatural - t.NaturalAdvance) / 2;
                if (t.NaturalAdvance == 0 && run.Pitch is null && run.Face == t.Face && Math.Abs(mx - naturalEnd) < 0.001)
                    run.Append(t.Text);
                else
                {
                    run.Start(mx, t);
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
            bool sameFont = run.Any && !newRun && run.Face == t.Face && run.Bold == t.Bold && run.SizePt == t.SizePt;
            // Glyphs that sit exactly where the font's advances put them are drawn as one run: one PDF text
            // operation instead of one per character (tables, titles, digits).
            if (sameFont && run.Pitch is null && Math.Abs(px - naturalEnd) < 0.001)
                run.Append(t.Text);
            // Evenly spaced full-width characters (grid text: 15.79 pt cells for 16 pt glyphs) form a run with a fixed
            // pitch, drawn with the glyphs scaled by at most 2 % horizontally. Each still occupies exactly its cell.
            else if (sameFont && !t.IsLatin && i > line.Start && a[i - 1].NaturalAdvance == t.NaturalAdvance
                     && PitchFits(px - lastX, t.NaturalAdvance) && (run.Pitch is { } p0 ? Math.Abs(p0 - (px - lastX)) < 0.001 : run.Characters == 1))
            {
                run.Append(t.Text);
                run.Pitch = px - lastX;
            }
            else
                run.Start(px, t);
            newRun = false;
            naturalEnd = px + t.NaturalAdvance;
            lastX = px;
            baseX = px;
            baseNatural = t.NaturalAdvance;
            x += adv;
            if (!last && Stretches(a, i)) x += gap;
        }
        run.Close();
        return (glyphs, x, offset0);
    }

    /// <summary>
    /// The glyph run being extended, written to the list when the next one starts. Extending a finished record instead
    /// (a new record and a longer string per character) made every line's allocation grow with the square of its length.
    /// </summary>
    private sealed class OpenRun(List<PlacedGlyph> done)
    {
        private readonly StringBuilder _text = new();
        private double _x;
        private bool _bold;

        public FontFace? Face { get; private set; }
        public double SizePt { get; private set; }
        public bool Bold => _bold;
        public double? Pitch { get; set; }

        /// <summary>How many atoms (each one character) the run holds.</summary>
        public int Characters { get; private set; }

        public bool Any => Face is not null;

        public void Start(double x, TextAtom t)
        {
            Close();
            (_x, Face, SizePt, _bold, Pitch, Characters) = (x, t.Face, t.SizePt, t.Bold, null, 1);
            _text.Clear().Append(t.Text);
        }

        public void Append(string text)
        {
            _text.Append(text);
            Characters++;
        }

        public void Close()
        {
            if (Face is not null) done.Add(new PlacedGlyph(_x, _text.ToString(), Face, SizePt, _bold) { Pitch = Pitch });
            Face = null;
        }
    }

    /// <summary>A grid character fills its cell; one set uncondensed before a change to Latin text keeps its full width.</summary>
    private static double CellBox(TextAtom t) => t.GridCell is { } c ? Math.Max(c, t.Box) : t.Box;

    private static bool PitchFits(double pitch, double natural) => natural > 0 && Math.Abs(pitch / natural - 1) <= 0.02;

    /// <summary>Justification may widen the space after atom i: not inside a digit/Latin word, not before a combining mark.</summary>
    private static bool Stretches(IReadOnlyList<TextAtom> a, int i) =>
        !(i + 1 < a.Count && ((LineBreakRules.IsWordChar(a[i].CodePoint) && LineBreakRules.IsWordChar(a[i + 1].CodePoint)) || a[i + 1].IsMark));
}
