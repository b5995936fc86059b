namespace DocGen.Pdf.Fonts;

/// <summary>
/// Cuts one face out of a TrueType collection into a stand-alone sfnt, because PDFsharp 6.5 cannot read collections
/// (platform-facts §1.2: NullReferenceException in OpenTypeFontFace, and its collectionNumber is not implemented).
/// </summary>
internal static class TtcExtractor
{
    public static bool IsCollection(ReadOnlySpan<byte> b) => b.Length >= 12 && b[0] == 't' && b[1] == 't' && b[2] == 'c' && b[3] == 'f';

    public static int FaceCount(ReadOnlySpan<byte> b) => IsCollection(b) ? (int)Be.U32(b, 8) : 1;

    public static byte[] ExtractFace(byte[] file, int index, string path)
    {
        if (!IsCollection(file))
        {
            if (index != 0) throw new FontFormatException($"{path} 不是字体集合（.ttc），不能选择第 {index} 个字面");
            return file;
        }
        uint numFonts = Be.U32(file, 8);
        if (index < 0 || index >= numFonts) throw new FontFormatException($"{path} 只有 {numFonts} 个字面，没有第 {index} 个");
        int off = (int)Be.U32(file, 12 + 4 * index);
        int numTables = Be.U16(file, off + 4);
        int headerLen = 12 + 16 * numTables;
        var tables = new (uint Tag, uint Sum, int Src, int Len)[numTables];
        long total = headerLen;
        for (int i = 0; i < numTables; i++)
        {
            int r = off + 12 + 16 * i;
            tables[i] = (Be.U32(file, r), Be.U32(file, r + 4), (int)Be.U32(file, r + 8), (int)Be.U32(file, r + 12));
            total += (tables[i].Len + 3) & ~3;
        }
        var outp = new byte[total];
        Array.Copy(file, off, outp, 0, 12);
        int pos = headerLen;
        for (int i = 0; i < numTables; i++)
        {
            var t = tables[i];
            int r = 12 + 16 * i;
            Be.W32(outp, r, t.Tag); Be.W32(outp, r + 4, t.Sum); Be.W32(outp, r + 8, (uint)pos); Be.W32(outp, r + 12, (uint)t.Len);
            Array.Copy(file, t.Src, outp, pos, t.Len);
            pos += (t.Len + 3) & ~3;
        }
        return outp;
    }
}

/// <summary>Big-endian reads, the byte order of every sfnt table.</summary>
internal static class Be
{
    public static uint U32(ReadOnlySpan<byte> b, int o) => (uint)(b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]);
    public static int U16(ReadOnlySpan<byte> b, int o) => b[o] << 8 | b[o + 1];
    public static short S16(ReadOnlySpan<byte> b, int o) => (short)(b[o] << 8 | b[o + 1]);
    public static void W32(byte[] b, int o, uint v) { b[o] = (byte)(v >> 24); b[o + 1] = (byte)(v >> 16); b[o + 2] = (byte)(v >> 8); b[o + 3] = (byte)v; }
}

/// <summary>A font file we cannot use (not an sfnt, CFF outlines, a damaged table).</summary>
internal sealed class FontFormatException(string message) : Exception(message);
