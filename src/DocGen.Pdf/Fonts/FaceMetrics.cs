using System.Text;

namespace DocGen.Pdf.Fonts;

/// <summary>What a PDF font descriptor needs from a face, in 1/1000 em: bounding box, ascent, descent, cap height, PostScript name.</summary>
internal sealed record FaceMetrics(double XMin, double YMin, double XMax, double YMax, double Ascent, double Descent, double CapHeight, string PostScriptName)
{
    public static FaceMetrics Of(FontFace face) => FontFormatException.Guard(face.Path, () => Read(face));

    private static FaceMetrics Read(FontFace face)
    {
        double k = 1000.0 / face.UnitsPerEm;
        int head = face.Table("head").Off, hhea = face.Table("hhea").Off;
        bool hasOs2 = face.TryTable("OS/2", out var os2), hasName = face.TryTable("name", out var name);
        var b = face.Bytes;
        double ascent = Be.S16(b, hhea + 4) * k, descent = Be.S16(b, hhea + 6) * k, capHeight = ascent;
        if (hasOs2 && os2.Len >= 90 && Be.U16(b, os2.Off) >= 2) capHeight = Be.S16(b, os2.Off + 88) * k;
        string ps = hasName ? PostScript(b, name.Off) ?? "" : "";
        if (ps.Length == 0) ps = new string(face.FamilyName.Where(c => c is > ' ' and < (char)127 and not ('(' or ')' or '[' or ']' or '<' or '>' or '{' or '}' or '/' or '%' or '#')).ToArray());
        if (ps.Length == 0) ps = "Font";
        return new FaceMetrics(Be.S16(b, head + 36) * k, Be.S16(b, head + 38) * k, Be.S16(b, head + 40) * k, Be.S16(b, head + 42) * k,
            ascent, descent, capHeight, ps);
    }

    /// <summary>Name id 6, the PostScript name: printable ASCII without PDF delimiters.</summary>
    private static string? PostScript(ReadOnlySpan<byte> b, int t)
    {
        int count = Be.U16(b, t + 2), strings = t + Be.U16(b, t + 4);
        for (int i = 0; i < count; i++)
        {
            int r = t + 6 + 12 * i;
            int platform = Be.U16(b, r), nameId = Be.U16(b, r + 6), len = Be.U16(b, r + 8), off = Be.U16(b, r + 10);
            if (nameId != 6 || strings + off + len > b.Length) continue;
            string s = platform is 3 or 0 ? Encoding.BigEndianUnicode.GetString(b.Slice(strings + off, len)) : Encoding.Latin1.GetString(b.Slice(strings + off, len));
            s = new string(s.Where(c => c is > ' ' and < (char)127 and not ('(' or ')' or '[' or ']' or '<' or '>' or '{' or '}' or '/' or '%' or '#')).ToArray());
            if (s.Length > 0) return s;
        }
        return null;
    }
}
