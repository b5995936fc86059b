namespace DocGen.Typography;

/// <summary>
/// Line breaking (禁则: no line starts with a closing mark or ends with an opening one), for both writers: the PDF line breaker applies these rules itself, the
/// DOCX hands the two prohibition sets to Word as its custom kinsoku lists (settings.xml w:noLineBreaksBefore/After).
/// The sets are LibreOffice's zh_CN locale data, a practical superset of the standard's list, plus the percent and degree
/// signs, which belong to the number before them.
/// </summary>
public static class LineBreakRules
{
    /// <summary>Characters that must not start a line: closing brackets and quotes, sentence and pause marks, connectors, units.</summary>
    public const string NotAtLineStart =
        ":!),.;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―-′’”％%℃…";

    /// <summary>Characters that must not end a line: opening brackets, quotes and 书名号, currency signs.</summary>
    public const string NotAtLineEnd = "([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘";

    /// <summary>Full-width marks whose glyph sits in the left half of the em box: at a line end they may be set half width.</summary>
    private const string CompressibleAtEnd = "，。、；：！？）》〉」』】〕〗”’";

    public static bool IsNoStart(int cp) => cp < 0x10000 && NotAtLineStart.Contains((char)cp);
    public static bool IsNoEnd(int cp) => cp < 0x10000 && NotAtLineEnd.Contains((char)cp);
    public static bool IsCompressibleAtEnd(int cp) => cp < 0x10000 && CompressibleAtEnd.Contains((char)cp);

    /// <summary>Letters, digits and ASCII symbols are measured and drawn with the role's Latin font (Times New Roman).</summary>
    public static bool UsesLatinFont(int cp) => cp < 0x0250 && cp != 0x00B7 && cp != 0x00D7 && cp != 0x00F7;

    /// <summary>A character inside a digit/Latin word: such runs are never split (GB/T 9704—1999 kept numbers whole).</summary>
    public static bool IsWordChar(int cp) => cp < 0x0250 && cp != ' ' && cp != 0x00B7 && !(cp is '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\'');

    public static bool IsDigit(int cp) => cp is >= '0' and <= '9';

    /// <summary>—— and …… occupy two cells and are never split across lines.</summary>
    public static bool IsDoubledMark(int cp) => cp is 0x2014 or 0x2026 or 0x2E3A or 0x2E3B;

    public static bool IsSpace(int cp) => cp is ' ' or 0x3000 or '\t';

    /// <summary>
    /// The curly and straight quotes, which Unicode's line-breaking algorithm keeps to a
    /// neighbour that is not a wide East Asian character, since it cannot tell opening from closing: LibreOffice breaks lines
    /// that way (…主席信箱”2038 stays whole, while …防控、|“六稳” breaks before the quote). Word would also
    /// break after a closing quote before a digit; DocGen follows the stricter rule so that the DOCX, converted by
    /// LibreOffice, and the PDF break at the same places.
    /// </summary>
    public static bool IsEastAsianWide(int cp) =>
        CjkLatinSpacing.IsCjkLetter(cp) || cp is >= 0x3000 and <= 0x303F or >= 0xFF01 and <= 0xFF60 or >= 0xFE30 and <= 0xFE4F or >= 0xFFE0 and <= 0xFFE6;

    public static bool IsAmbiguousQuote(int cp) => cp is 0x201C or 0x201D or 0x2018 or 0x2019 or '"' or '\'';

    /// <summary>
    /// True when a line may end between the code points <paramref name="x"/> and <paramref name="y"/>. A number and the
    /// unit after it may part (…1|日), as LibreOffice and Word allow: GB/T 15834 keeps only the digits themselves together.
    /// </summary>
    public static bool CanBreakBetween(int x, int y)
    {
        if (IsSpace(x)) return true;
        if (IsNoStart(y) || IsNoEnd(x)) return false;
        if (IsWordChar(x) && IsWordChar(y)) return false;
        if (IsDoubledMark(x) && x == y) return false;
        if ((IsAmbiguousQuote(x) && !IsEastAsianWide(y)) || (IsAmbiguousQuote(y) && !IsEastAsianWide(x))) return false;
        // A closing or pause mark holds on to a number after it (〔2021〕30号, …公开。2018年): LibreOffice's line-breaking
        // rules never break there, though GB/T 15834 would allow it.
        if (IsNoStart(x) && IsDigit(y)) return false;
        if (IsCombiningMark(y)) return false;
        return true;
    }

    /// <summary>U+00AD marks where a word may be hyphenated; DocGen never hyphenates, so neither writer keeps it.</summary>
    public const int SoftHyphen = 0x00AD;

    /// <summary>A mark that combines with the character before it (accents, U+0300–U+036F …): it never starts a line.</summary>
    public static bool IsCombiningMark(int cp) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(cp) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Characters that take no room and are not drawn: control characters, zero-width space and joiners, the byte order
    /// mark and the soft hyphen (DocGen does not hyphenate: a soft hyphen would only ever be invisible, so both writers drop it).
    /// </summary>
    public static string WithoutSoftHyphens(string text) => text.Contains('\u00AD') ? text.Replace("\u00AD", "") : text;

    public static bool IsInvisible(int cp) => cp < 0x20 || cp is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF or SoftHyphen;
}
