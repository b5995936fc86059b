namespace DocGen.Typography;

/// <summary>
/// How text on the body grid fits 28 characters in a line narrower than 28 ems: 28 characters of 三号 (16 pt) need 448 pt,
/// the 156 mm line is 442.2 pt. Both writers condense every character of such a style by the same amount (the DOCX as
/// w:spacing, which Word, WPS and LibreOffice all honour; the PDF when it measures a line), so both break lines at the
/// same characters. The condensed advance aims at 28.5 characters per line: 28 fit with room for renderers' rounding and
/// a 29th never does. Justification then spreads each full line over the type area.
/// </summary>
public static class GridSqueeze
{
    /// <summary>
    /// The condensing in points (negative, a whole number of twentieths, the unit of w:spacing), or null for a style whose
    /// size needs none (smaller than the grid pitch) or is not body text (two grid cells or more).
    /// </summary>
    public static double? CondensingPt(double charPitchPt, int charsPerLine, double sizePt)
    {
        if (sizePt <= charPitchPt || sizePt >= 2 * charPitchPt) return null;
        double advance = charPitchPt * charsPerLine / (charsPerLine + 0.5);
        return Math.Floor((advance - sizePt) * 20) / 20;
    }
}
