using DocGen.Model;

namespace DocGen.Pdf.Layout;

/// <summary>A paragraph broken into lines, not yet on a page. Line X/Top are relative to the type area and the line box.</summary>
internal sealed record ParagraphLines(Paragraph Paragraph, int BlockIndex, ParagraphStyle Style, double Pitch, IReadOnlyList<LaidLine> Lines)
{
    public double Height => Lines.Count * Pitch;
    public double SpaceBefore { get; init; }
    public double SpaceAfter { get; init; }
}

/// <summary>Measures, breaks and sets one paragraph (stages: collect runs → measure → break → justify).</summary>
internal static class ParagraphLayout
{
    /// <summary>Where the baseline sits in a line box: the em box centred in the pitch, the baseline <see cref="LayoutConstants.BaselineEm"/> below its top.</summary>
    public static double BaselineOffset(double pitch, double size) => (pitch - size) / 2 + LayoutConstants.BaselineEm * size;

    public static ParagraphLines Build(Paragraph p, int blockIndex, FontContext fonts, double width)
    {
        var styles = fonts.Styles;
        var style = styles.Paragraph(p.Style);
        double? grid = style.SnapToGrid ? styles.CharPitchPt : null;
        double pitch = style.LinePitchPt ?? (style.SnapToGrid ? styles.LinePitchPt : style.SizePt * LayoutConstants.OffGridLineSpacing);
        double charUnit = grid ?? style.SizePt;
        var runs = p.Inlines.Select(i =>
        {
            string role = style.FontRole;
            bool bold = style.Bold || i.Bold;
            if (i.CharacterStyle is { } cs)
            {
                var c = styles.Character(cs);
                role = c.FontRole ?? role;
                if (c.Bold is { } b) bold = b || i.Bold;
            }
            return (i.Text, role, bold);
        });
        var atoms = fonts.Atoms(runs, style.SizePt, grid, p, p.PlainText);
        double left = style.LeftIndentChars * charUnit;
        double first = style.FirstLineIndentChars * charUnit;
        double avail = width - left;
        double reserve = LayoutConstants.LineEndReservePt;
        var broken = style.Align != HAlign.Center ? LineBreaker.Break(atoms, avail - first - reserve, avail - reserve)
            : style.OutlineLevel == 0 && !style.SnapToGrid ? LineBreaker.BreakTitle(atoms, avail - first)
            : LineBreaker.BreakBalanced(atoms, avail - first, avail);
        if (broken.Count == 0) broken.Add(new BrokenLine(0, 0, 0, false));   // an empty paragraph is a blank line
        var lines = new List<LaidLine>(broken.Count);
        double baseline = BaselineOffset(pitch, style.SizePt);
        for (int k = 0; k < broken.Count; k++)
        {
            bool last = k == broken.Count - 1;
            double indent = left + (k == 0 ? first : 0);
            // Centred and right-aligned styles (titles) ignore the first-line indent of justified text.
            var (glyphs, w, offset) = LineSetter.Set(atoms, broken[k], avail - (k == 0 ? first : 0), style.Align, last);
            lines.Add(new LaidLine(LineKind.Paragraph, style.Name, blockIndex, indent + offset, 0, pitch, baseline, w, glyphs)
            {
                FirstOfParagraph = k == 0,
                LastOfParagraph = last,
            });
        }
        return new ParagraphLines(p, blockIndex, style, pitch, lines)
        {
            SpaceBefore = style.SpaceBeforeLines * styles.LinePitchPt,
            SpaceAfter = style.SpaceAfterLines * styles.LinePitchPt,
        };
    }
}
