namespace DocGen.Pdf.Layout;

/// <summary>
/// Character classes for line breaking per GB/T 15834—2011 §5.1, with the prohibition sets of LibreOffice's zh_CN
/// locale (forms-and-typography d.10), and for choosing the Latin font.
/// </summary>
internal static class TextClass
{
    // Closing marks and pause marks never start a line.
    private const string NoStart = ":!),.;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―′’”％%℃";
    // Opening marks never end a line.
    private const string NoEnd = "([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘";
    // Full-width marks whose glyph sits in the left half of the em box: at a line end they may be set half width.
    private const string CompressibleAtEnd = "，。、；：！？）》〉」』】〕〗”’";
    // Units that follow a number and belong with it: 〔2021〕30号, 2021年, 30件.
    private const string NumberSuffix = "号年月日时件个万亿元次条篇期家项";

    public static bool IsNoStart(int cp) => cp < 0x10000 && NoStart.Contains((char)cp);
    public static bool IsNoEnd(int cp) => cp < 0x10000 && NoEnd.Contains((char)cp);
    public static bool IsCompressibleAtEnd(int cp) => cp < 0x10000 && CompressibleAtEnd.Contains((char)cp);
    public static bool IsNumberSuffix(int cp) => cp < 0x10000 && NumberSuffix.Contains((char)cp);

    /// <summary>Letters, digits and ASCII symbols are measured and drawn with the role's Latin font (Times New Roman).</summary>
    public static bool UsesLatinFont(int cp) => cp < 0x0250 && cp != 0x00B7 && cp != 0x00D7 && cp != 0x00F7;

    /// <summary>A character inside a digit/Latin word: such runs are never split (GB/T 9704—1999 kept numbers whole).</summary>
    public static bool IsWordChar(int cp) => cp < 0x0250 && cp != ' ' && cp != 0x00B7 && !(cp is '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\'');

    public static bool IsDigit(int cp) => cp is >= '0' and <= '9';

    /// <summary>—— and …… occupy two cells and are never split across lines.</summary>
    public static bool IsDoubledMark(int cp) => cp is 0x2014 or 0x2026 or 0x2E3A or 0x2E3B;

    public static bool IsSpace(int cp) => cp is ' ' or 0x3000 or '\t';
}
