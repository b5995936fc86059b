namespace DocGen.Pdf.Fonts;

/// <summary>Why a font file serves a role, as `docgen fonts` reports it.</summary>
public static class FontMatch
{
    public const string FileName = "file name";
    public const string Fallback = "fallback";
    public static string FamilyName(string family) => "family name: " + family;
}
