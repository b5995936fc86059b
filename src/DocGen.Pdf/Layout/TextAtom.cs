using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Layout;

/// <summary>One code point ready for line breaking: its face, size, bold and the advance it occupies on the line.</summary>
internal readonly record struct TextAtom(int CodePoint, string Text, FontFace Face, double SizePt, bool Bold, double Advance, double NaturalAdvance)
{
    /// <summary>Set with a Latin face: part of a run drawn as one string.</summary>
    public bool IsLatin { get; init; }
}
