namespace DocGen.Typography;

/// <summary>
/// The space word processors put between Chinese characters and Latin letters or digits (Word's w:autoSpaceDE and
/// w:autoSpaceDN, on by default; LibreOffice's "Asian/non-Asian spacing"), which is why the published reports' text reads
/// "2023 年". LibreOffice 7.4, the converter the tests compare the PDF with, inserts 0.2 em: measured with pdftotext -bbox on
/// its PDF of our DOCX, 3.2 pt at 三号 16 pt (…日至|12|月…) and 4.4 pt at 二号 22 pt (the title's 办公厅|2023|年).
/// Only ideographs (and kana, hangul) take the space, not punctuation: 〔2021〕30号 has none inside the brackets.
/// </summary>
public static class CjkLatinSpacing
{
    /// <summary>The default space in em, as LibreOffice sets it; a style sheet may set another (0 turns it off).</summary>
    public const double DefaultEm = 0.2;

    /// <summary>True between a Chinese character and a Latin letter or digit, in either order.</summary>
    public static bool Applies(int before, int after) =>
        (IsCjkLetter(before) && IsLatinAlphanumeric(after)) || (IsLatinAlphanumeric(before) && IsCjkLetter(after));

    /// <summary>Ideographs (CJK Unified, extension A, compatibility, the supplementary planes), kana and hangul syllables.</summary>
    public static bool IsCjkLetter(int cp) =>
        cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF
            or >= 0x3040 and <= 0x30FF or >= 0xAC00 and <= 0xD7AF or 0x3007;

    /// <summary>ASCII and Latin-1/Extended letters and the digits 0–9 (half-width, drawn with the Latin font).</summary>
    public static bool IsLatinAlphanumeric(int cp) =>
        cp is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= 0x00C0 and <= 0x024F && cp != 0x00D7 && cp != 0x00F7;
}
