using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Layout;

/// <summary>
/// One code point ready for line breaking: its face, size, bold and the advance it occupies on the line when the line goes
/// on after it: condensed on the body grid, with <see cref="Gap"/>, the Chinese–Latin space after it. At the end of a line
/// it takes its natural width, as word processors draw it (they condense between characters only).
/// </summary>
internal readonly record struct TextAtom(int CodePoint, string Text, FontFace Face, double SizePt, bool Bold, double Advance, double NaturalAdvance)
{
    /// <summary>Set with a Latin face: part of a run drawn as one string.</summary>
    public bool IsLatin { get; init; }

    /// <summary>The space after this atom before a Latin letter or digit that follows a Chinese character, or vice versa.</summary>
    public double Gap { get; init; }

    /// <summary>
    /// The grid cell (156 mm / 28) of a full-width character on the body grid: a line that is not justified sets its Chinese
    /// characters in these cells, as every full line shows them, when it fits.
    /// </summary>
    public double? GridCell { get; init; }

    /// <summary>The room the glyph itself takes when the line goes on after it (the advance without the space after it).</summary>
    public double Box => Advance - Gap;

    /// <summary>A combining mark: no advance of its own, drawn over the character before it.</summary>
    public bool IsMark { get; init; }

    /// <summary>The width this atom takes when the line ends with it.</summary>
    public double AdvanceAtLineEnd => IsMark ? 0 : NaturalAdvance;
}
