namespace DocGen.Pdf.Fonts;

/// <summary>Why a font file serves a role, as `docgen fonts` reports it.</summary>
public static class FontMatch
{
    public const string FileName = "file name";
    public const string Fallback = "fallback";
    public const string FamilyNamePrefix = "family name: ";
    public static string FamilyName(string family) => FamilyNamePrefix + family;
}
