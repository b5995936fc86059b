using System.Globalization;
using System.Text;

namespace DocGen.Tests.Pdf;

/// <summary>A text-showing operator (Tj or TJ) and the origins of the glyphs it shows, in PDF points (y up).</summary>
internal sealed record TextShow(string Operator, IReadOnlyList<(double X, double Y)> Origins);

/// <summary>
/// Reads the page content streams DocGen writes (plain objects, Flate, one text object per page) and follows the
/// text operators the writer uses — Td, Tf, Tc, Tz, Tj, TJ — the way a PDF reader moves the pen. Glyph advances
/// are not read from the font: the caller passes them in showing order, so the test is independent of CID numbering.
/// </summary>
internal static partial class PageContent
{
    /// <summary>The decompressed content stream of every page, in page order, as qpdf reads them (pages sit in compressed object streams).</summary>
    public static List<byte[]> Streams(byte[] pdf)
    {
        var objects = TaggedPdf.Objects(PdfFixture.WriteTemp(pdf, "content-" + Guid.NewGuid().ToString("N")));
        return TaggedPdf.Pages(objects).Select(p => TaggedPdf.StreamData(objects, p.Page.GetProperty("/Contents"))).ToList();
    }

    /// <summary>
    /// The text-showing operators of one content stream with their glyph origins; <paramref name="advanceEm"/> gives
    /// the font advance (in em) of the n-th glyph shown on the page.
    /// </summary>
    public static List<TextShow> Shows(byte[] content, Func<int, double> advanceEm)
    {
        var shows = new List<TextShow>();
        var operands = new List<object>();
        List<object>? array = null;
        double lineX = 0, lineY = 0, x = 0, size = 0, spacing = 0, scale = 1;
        int glyph = 0;
        foreach (var token in Tokens(content))
        {
            if (token is "[") { array = []; continue; }
            if (token is "]") { operands.Add(array!); array = null; continue; }
            if (array is not null) { array.Add(token); continue; }
            if (token is not Op op) { operands.Add(token); continue; }
            switch (op.Name)
            {
                case "BT": lineX = lineY = x = 0; spacing = 0; scale = 1; break;
                case "Td": lineX += (double)operands[0]; lineY += (double)operands[1]; x = lineX; break;
                case "Tf": size = (double)operands[1]; break;
                case "Tc": spacing = (double)operands[0]; break;
                case "Tz": scale = (double)operands[0] / 100; break;
                case "Tj" or "TJ":
                    var origins = new List<(double, double)>();
                    foreach (var item in op.Name == "Tj" ? [operands[0]] : (List<object>)operands[0])
                    {
                        if (item is double n) { x -= n / 1000 * size * scale; continue; }
                        var bytes = (byte[])item;
                        for (int i = 0; i < bytes.Length; i += 2)
                        {
                            origins.Add((x, lineY));
                            x += (advanceEm(glyph++) * size + spacing) * scale;
                        }
                    }
                    shows.Add(new TextShow(op.Name, origins));
                    break;
            }
            operands.Clear();
        }
        return shows;
    }

    private sealed record Op(string Name);

    /// <summary>Numbers (double), strings (byte[]), names (string starting with /), array brackets ("[", "]") and operators.</summary>
    private static IEnumerable<object> Tokens(byte[] c)
    {
        int i = 0;
        while (i < c.Length)
        {
            byte b = c[i];
            if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') { i++; continue; }
            if (b is (byte)'[' or (byte)']') { i++; yield return b == '[' ? "[" : "]"; continue; }
            if (b == '<' && i + 1 < c.Length && c[i + 1] == '<')
            {
                // A marked-content property list (<</MCID 3>>): skipped, the BDC that follows takes no part in positioning.
                i = Array.IndexOf(c, (byte)'>', i) + 2;
                yield return "<<>>";
                continue;
            }
            if (b == '<')
            {
                int end = Array.IndexOf(c, (byte)'>', i);
                yield return Convert.FromHexString(Encoding.ASCII.GetString(c, i + 1, end - i - 1));
                i = end + 1;
                continue;
            }
            if (b == '(')
            {
                var s = new List<byte>();
                int depth = 1;
                for (i++; ; i++)
                {
                    byte ch = c[i];
                    if (ch == '\\')
                    {
                        byte e = c[++i];
                        s.Add(e switch { (byte)'n' => 10, (byte)'r' => 13, (byte)'t' => 9, (byte)'b' => 8, (byte)'f' => 12, _ => e });
                        continue;
                    }
                    if (ch == '(') depth++;
                    if (ch == ')' && --depth == 0) break;
                    s.Add(ch);
                }
                i++;
                yield return s.ToArray();
                continue;
            }
            int j = i + 1;
            while (j < c.Length && c[j] is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'[' or (byte)']' or (byte)'<' or (byte)'(' or (byte)'/')) j++;
            string word = Encoding.ASCII.GetString(c, i, j - i);
            i = j;
            if (word[0] == '/') yield return word;
            else if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) yield return v;
            else yield return new Op(word);
        }
    }
}
