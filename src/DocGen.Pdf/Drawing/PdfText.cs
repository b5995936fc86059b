using System.Globalization;
using System.Text;

namespace DocGen.Pdf.Drawing;

/// <summary>Strings and dates as PDF objects.</summary>
internal static class PdfText
{
    /// <summary>
    /// A text string: printable ASCII as a literal string, anything else as UTF-16BE with its byte order mark, in hex so the
    /// object stays ASCII (a bookmark or title in Chinese).
    /// </summary>
    public static string String(string text)
    {
        if (text.All(c => c >= 0x20 && c < 0x7F))
        {
            var sb = new StringBuilder("(");
            foreach (char c in text)
            {
                if (c is '(' or ')' or '\\') sb.Append('\\');
                sb.Append(c);
            }
            return sb.Append(')').ToString();
        }
        var hex = new StringBuilder("<FEFF");
        foreach (char c in text) hex.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        return hex.Append('>').ToString();
    }

    /// <summary>Bytes as a hex string, e.g. the document ID.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => "<" + Convert.ToHexString(bytes) + ">";

    /// <summary>A date as the Info dictionary holds it, in UTC: D:YYYYMMDDHHmmSSZ. XMP gets the same instant (<see cref="XmpDate"/>).</summary>
    public static string Date(DateTimeOffset date) =>
        "(D:" + date.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z)";

    public static string XmpDate(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A number for a dictionary: at most three decimals, no exponent.</summary>
    public static string Num(double v) => PdfNumber.Append(new StringBuilder(), v, 3).ToString();
}
