using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// Compresses the uncompressed streams of a PDF that PDFsharp wrote with NoCompression (font subsets, ToUnicode
/// maps) and rebuilds its cross-reference table. PDFsharp's own Flate encoder is slow (about 80 % of the save
/// time for a 17-page report) and omits the zlib end marker that qpdf warns about (platform-facts §1.4);
/// System.IO.Compression's zlib is fast and complete. The XMP metadata stays uncompressed, as readers expect.
/// Works on PDFsharp's own output only: classic xref table, direct /Length, "N 0 obj" headers on their own line.
/// </summary>
internal static class StreamCompressor
{
    public static byte[] Compress(ReadOnlySpan<byte> pdf)
    {
        string s = Encoding.Latin1.GetString(pdf);   // one char per byte: offsets stay byte offsets
        int firstObj = s.IndexOf("1 0 obj", StringComparison.Ordinal);
        int xref = s.LastIndexOf("\nxref", StringComparison.Ordinal) + 1;
        int trailer = s.IndexOf("trailer", xref, StringComparison.Ordinal);
        int startxref = s.IndexOf("startxref", trailer, StringComparison.Ordinal);
        if (firstObj < 0 || xref <= 0 || trailer < 0 || startxref < 0) throw new InvalidDataException("PDFsharp output has an unexpected layout");

        using var o = new MemoryStream(pdf.Length / 3);
        o.Write(pdf[..firstObj]);
        var offsets = new SortedDictionary<int, long>();
        int pos = firstObj;
        while (pos < xref)
        {
            int headerEnd = s.IndexOf('\n', pos);
            string header = s[pos..headerEnd];                       // "12 0 obj"
            int number = int.Parse(header[..header.IndexOf(' ')], CultureInfo.InvariantCulture);
            int endobj = s.IndexOf("endobj", headerEnd, StringComparison.Ordinal);
            int stream = s.IndexOf("stream\n", headerEnd, StringComparison.Ordinal);
            offsets[number] = o.Position;
            if (stream < 0 || stream > endobj || s[stream - 1] == 'd')   // not a stream object ("endstream" cannot come first)
            {
                int next = endobj + "endobj\n".Length;
                o.Write(pdf[pos..next]);
                pos = next;
                continue;
            }
            string dict = s[(headerEnd + 1)..stream].TrimEnd();
            int length = DirectLength(dict);
            int dataStart = stream + "stream\n".Length;
            var data = pdf.Slice(dataStart, length);
            int after = s.IndexOf("endobj", dataStart + length, StringComparison.Ordinal) + "endobj\n".Length;
            if (dict.Contains("/Filter", StringComparison.Ordinal) || dict.Contains("/Type/Metadata", StringComparison.Ordinal) || length < 64)
            {
                o.Write(pdf[pos..after]);
            }
            else
            {
                byte[] packed = Deflate(data);
                string newDict = ReplaceLength(dict, packed.Length);
                newDict = newDict[..newDict.LastIndexOf(">>", StringComparison.Ordinal)] + "/Filter/FlateDecode>>";
                o.Write(Encoding.Latin1.GetBytes($"{header}\n{newDict}\nstream\n"));
                o.Write(packed);
                o.Write("\nendstream\nendobj\n"u8);
            }
            pos = after;
        }

        long xrefAt = o.Position;
        int size = offsets.Count == 0 ? 1 : offsets.Keys.Max() + 1;
        var sb = new StringBuilder();
        sb.Append("xref\n0 ").Append(size.ToString(CultureInfo.InvariantCulture)).Append('\n').Append("0000000000 65535 f \n");
        for (int n = 1; n < size; n++)
            sb.Append(offsets.TryGetValue(n, out long off) ? $"{off:D10} 00000 n \n" : "0000000000 65535 f \n");
        sb.Append(s[trailer..startxref]);
        sb.Append("startxref\n").Append(xrefAt.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        o.Write(Encoding.Latin1.GetBytes(sb.ToString()));
        return o.ToArray();
    }

    private static int DirectLength(string dict)
    {
        int i = dict.IndexOf("/Length ", StringComparison.Ordinal);
        if (i < 0) throw new InvalidDataException("stream without a direct /Length");
        int j = i + "/Length ".Length, k = j;
        while (k < dict.Length && char.IsAsciiDigit(dict[k])) k++;
        if (k < dict.Length && dict[k] == ' ' && k + 2 < dict.Length && char.IsAsciiDigit(dict[k + 1])) throw new InvalidDataException("indirect /Length");
        return int.Parse(dict[j..k], CultureInfo.InvariantCulture);
    }

    private static string ReplaceLength(string dict, int length)
    {
        int i = dict.IndexOf("/Length ", StringComparison.Ordinal) + "/Length ".Length, k = i;
        while (k < dict.Length && char.IsAsciiDigit(dict[k])) k++;
        return dict[..i] + length.ToString(CultureInfo.InvariantCulture) + dict[k..];
    }

    /// <summary>
    /// zlib level 4: measured on a 17-page report's 1.4 MB of streams, 2.5 % larger than level 6 in two thirds of the
    /// time; level 1 is 33 % larger, level 9 four times slower for 0.5 %.
    /// </summary>
    private const int Level = 4;

    public static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        using var ms = new MemoryStream(data.Length / 2 + 64);
        using (var z = new ZLibStream(ms, new ZLibCompressionOptions { CompressionLevel = Level }, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }
}
