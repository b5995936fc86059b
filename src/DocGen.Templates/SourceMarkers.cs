using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DocGen.Templates;

/// <summary>
/// Lets a problem in the generated markup be reported at its line in the template: before compiling, every template line that
/// starts an element gets a processing instruction &lt;?docgen-src report.scriban-html:12:1?&gt; naming its file, line and column.
/// Scriban copies it into the output like any literal text (once per loop pass); the markup parser skips processing instructions
/// and, on an error, reports the nearest marker before the failing spot. A marker is whitespace-free, so {{~ trimming is unchanged.
/// </summary>
public static partial class SourceMarkers
{
    private const string Prefix = "<?docgen-src ";

    [GeneratedRegex(@"<\?docgen-src [^?]*\?>")]
    private static partial Regex Marker();

    public static string Add(string template, string fileLabel)
    {
        var sb = new StringBuilder(template.Length + template.Length / 4);
        bool inMustache = false, inXmlComment = false, inCdata = false;
        int lineNo = 0;
        foreach (var line in template.Split('\n'))
        {
            lineNo++;
            if (lineNo > 1) sb.Append('\n');
            int indent = line.Length - line.TrimStart(' ', '\t').Length;
            bool startsElement = indent + 1 < line.Length && line[indent] == '<' && (char.IsLetter(line[indent + 1]) || line[indent + 1] == '/');
            if (startsElement && !inMustache && !inXmlComment && !inCdata)
            {
                sb.Append(line, 0, indent);
                sb.Append(Prefix).Append(fileLabel).Append(':').Append(lineNo.ToString(CultureInfo.InvariantCulture))
                  .Append(':').Append((indent + 1).ToString(CultureInfo.InvariantCulture)).Append("?>");
                sb.Append(line, indent, line.Length - indent);
            }
            else sb.Append(line);
            Track(line, ref inMustache, ref inXmlComment, ref inCdata);
        }
        return sb.ToString();
    }

    /// <summary>Whether the line leaves a {{ … }}, &lt;!-- … --&gt; or CDATA section open: a marker there would change its meaning.</summary>
    private static void Track(string line, ref bool inMustache, ref bool inXmlComment, ref bool inCdata)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (inMustache) { if (At(line, i, "}}")) { inMustache = false; i++; } continue; }
            if (inXmlComment) { if (At(line, i, "-->")) { inXmlComment = false; i += 2; } continue; }
            if (inCdata) { if (At(line, i, "]]>")) { inCdata = false; i += 2; } continue; }
            if (At(line, i, "{{")) { inMustache = true; i++; }
            else if (At(line, i, "<!--")) { inXmlComment = true; i += 3; }
            else if (At(line, i, "<![CDATA[")) { inCdata = true; i += 8; }
        }
    }

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    /// <summary>The template file (relative to the template folder), line and column of the last marker at or before the markup position.</summary>
    public static (string File, int Line, int Column)? Find(string markup, int line, int column)
    {
        int offset = Offset(markup, line, column);
        int at = offset < 0 ? -1 : markup.LastIndexOf(Prefix, Math.Min(offset, markup.Length - 1), StringComparison.Ordinal);
        if (at < 0) return null;
        int end = markup.IndexOf("?>", at, StringComparison.Ordinal);
        if (end < 0) return null;
        var parts = markup[(at + Prefix.Length)..end].Split(':');
        if (parts.Length < 3) return null;
        string file = string.Join(':', parts[..^2]);
        return int.TryParse(parts[^2], CultureInfo.InvariantCulture, out int l) && int.TryParse(parts[^1], CultureInfo.InvariantCulture, out int c)
            ? (file, l, c) : null;
    }

    /// <summary>The markup without its markers, for showing a generated line to a person.</summary>
    public static string Strip(string markup) => Marker().Replace(markup, "");

    internal static int Offset(string text, int line, int column)
    {
        if (line < 1) return -1;
        int pos = 0;
        for (int l = 1; l < line; l++)
        {
            int nl = text.IndexOf('\n', pos);
            if (nl < 0) return text.Length;
            pos = nl + 1;
        }
        return Math.Min(text.Length, pos + Math.Max(0, column - 1));
    }
}
