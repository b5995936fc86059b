using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocGen.Model;
using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// One face as one document uses it: a Type0 font with Identity-H encoding whose CIDs are handed out in order of first
/// use, so the content stream can be written at once and the embedded program (<see cref="GlyphSubsetter"/>) holds only
/// the glyphs drawn, numbered by CID. Written when the document is saved: font program, widths, ToUnicode.
/// </summary>
internal sealed class EmbeddedFont
{
    private readonly FontFace _face;
    private readonly bool _keepHinting;
    private readonly Dictionary<ushort, ushort> _cidOfGlyph = [];
    private readonly List<ushort> _glyphOfCid = [0];
    private readonly List<string> _textOfCid = [""];

    public EmbeddedFont(FontFace face, int number, PdfFileWriter file, bool keepHinting)
    {
        _face = face;
        _keepHinting = keepHinting;
        Number = number;
        Type0 = file.Reserve();
    }

    /// <summary>Its number in the document: /F{Number} in the pages' /Font resources.</summary>
    public int Number { get; }

    /// <summary>The object number of the font dictionary pages refer to; written by <see cref="Write"/>.</summary>
    public int Type0 { get; }

    /// <summary>The CID that shows the rune's glyph, handed out on first use.</summary>
    public ushort Cid(System.Text.Rune rune)
    {
        ushort glyph = _face.GlyphId(rune.Value);
        if (!_cidOfGlyph.TryGetValue(glyph, out ushort cid))
        {
            cid = (ushort)_glyphOfCid.Count;
            _cidOfGlyph[glyph] = cid;
            _glyphOfCid.Add(glyph);
            _textOfCid.Add(rune.ToString());
        }
        return cid;
    }

    /// <summary>
    /// The advance of a CID exactly as /W lists it, in thousandths of the font size: readers move the pen by this
    /// rounded value, so the content stream computes positions from it too.
    /// </summary>
    public double Width(ushort cid) => Math.Round(_face.AdvanceUnits(_glyphOfCid[cid]) * 1000.0 / _face.UnitsPerEm, 3);

    public void Write(PdfFileWriter file)
    {
        var m = FaceMetrics.Of(_face);
        string name = Tag() + "+" + m.PostScriptName;
        // TrueType outlines embed as a CIDFontType2 program (FontFile2), CFF outlines as a bare CFF program (FontFile3).
        bool cff = _face.Cff is not null;
        byte[] program;
        try { program = _face.Cff is { } table ? CffSubsetter.Subset(table, _glyphOfCid, name, _keepHinting) : GlyphSubsetter.Subset(_face, _glyphOfCid, _keepHinting); }
        catch (FontFormatException e) { throw new FontFormatException($"{_face.Path}: {e.Message}"); }

        int fontFile = file.AddStream((cff ? "/Subtype /CIDFontType0C" : $"/Length1 {program.Length}") + " /Filter /FlateDecode",
            Deflate(program, ProgramLevel));
        int descriptor = file.Add($"<< /Type /FontDescriptor /FontName /{name} /Flags 32 " +
            $"/FontBBox [{Num(m.XMin)} {Num(m.YMin)} {Num(m.XMax)} {Num(m.YMax)}] /ItalicAngle 0 " +
            $"/Ascent {Num(Math.Round(m.Ascent))} /Descent {Num(Math.Round(m.Descent))} /CapHeight {Num(Math.Round(m.CapHeight))} " +
            $"/StemV {LayoutConstants.StemV} {(cff ? "/FontFile3" : "/FontFile2")} {PdfFileWriter.Ref(fontFile)} >>");
        // A CFF subset maps CIDs itself (its charset); a TrueType one is indexed by CID, which is the glyph's place in the subset.
        int cidFont = file.Add($"<< /Type /Font /Subtype {(cff ? "/CIDFontType0" : "/CIDFontType2")} /BaseFont /{name} " +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
            $"/FontDescriptor {PdfFileWriter.Ref(descriptor)} /DW 1000 /W {Widths()}{(cff ? "" : " /CIDToGIDMap /Identity")} >>");
        int toUnicode = file.AddStream("/Filter /FlateDecode", Deflate(Encoding.ASCII.GetBytes(ToUnicode()), TextLevel));
        file.Set(Type0, $"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H " +
            $"/DescendantFonts [{PdfFileWriter.Ref(cidFont)}] /ToUnicode {PdfFileWriter.Ref(toUnicode)} >>");
    }

    /// <summary>All CIDs are consecutive from 1, so one run lists every width; those equal to /DW are still listed, it is short.</summary>
    private string Widths()
    {
        var sb = new StringBuilder("[1 [");
        for (int cid = 1; cid < _glyphOfCid.Count; cid++)
        {
            if (cid > 1) sb.Append(' ');
            sb.Append(Num(Width((ushort)cid)));
        }
        return sb.Append("]]").ToString();
    }

    private string ToUnicode()
    {
        var sb = new StringBuilder();
        sb.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
          .Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
          .Append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        for (int start = 1; start < _glyphOfCid.Count; start += 100)
        {
            int end = Math.Min(_glyphOfCid.Count, start + 100);
            sb.Append(end - start).Append(" beginbfchar\n");
            for (int cid = start; cid < end; cid++)
            {
                sb.Append('<').Append(cid.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (char c in _textOfCid[cid]) sb.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                sb.Append(">\n");
            }
            sb.Append("endbfchar\n");
        }
        sb.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return sb.ToString();
    }

    /// <summary>The six-letter subset tag, from the face and the glyphs it holds: the same document always gets the same tag.</summary>
    private string Tag()
    {
        var bytes = new byte[_glyphOfCid.Count * 2];
        for (int i = 0; i < _glyphOfCid.Count; i++) { bytes[2 * i] = (byte)(_glyphOfCid[i] >> 8); bytes[2 * i + 1] = (byte)_glyphOfCid[i]; }
        var h = Sha256.Hash([.. Encoding.UTF8.GetBytes(_face.Key), .. bytes]);
        return new string(h.Take(6).Select(x => (char)('A' + x % 26)).ToArray());
    }

    /// <summary>
    /// zlib level for font programs, the bulk of the file. Measured on the ningxia report's body font (400 KB of outlines):
    /// level 4 is 2 % larger than level 6 and takes 40 % less time; level 9 is no smaller at all.
    /// </summary>
    internal const int ProgramLevel = 4;

    /// <summary>zlib level for content streams and CMaps: small and very compressible, so the default level costs little.</summary>
    internal const int TextLevel = 6;

    /// <summary>zlib with its end marker (a Flate stream without it makes qpdf --check warn).</summary>
    internal static byte[] Deflate(ReadOnlySpan<byte> raw, int level)
    {
        using var ms = new MemoryStream(raw.Length / 2 + 64);
        using (var z = new ZLibStream(ms, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true)) z.Write(raw);
        return ms.ToArray();
    }

    internal static string Num(double v) => Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
