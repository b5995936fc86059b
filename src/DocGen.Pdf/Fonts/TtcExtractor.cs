namespace DocGen.Pdf.Fonts;

/// <summary>
/// TrueType collections (.ttc), recognised by their 'ttcf' tag. A face is read in place (<see cref="FontFace.Load"/>) and
/// embedded by our own subsetter, so no stand-alone copy of the face is made.
/// </summary>
internal static class TtcExtractor
{
    public static bool IsCollection(ReadOnlySpan<byte> b) => b.Length >= 12 && b[0] == 't' && b[1] == 't' && b[2] == 'c' && b[3] == 'f';
}

/// <summary>Big-endian reads, the byte order of every sfnt table.</summary>
internal static class Be
{
    public static uint U32(ReadOnlySpan<byte> b, int o) => (uint)(b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]);
    public static int U16(ReadOnlySpan<byte> b, int o) => b[o] << 8 | b[o + 1];
    public static short S16(ReadOnlySpan<byte> b, int o) => (short)(b[o] << 8 | b[o + 1]);
    public static void W16(byte[] b, int o, ushort v) { b[o] = (byte)(v >> 8); b[o + 1] = (byte)v; }
    public static void W32(byte[] b, int o, uint v) { b[o] = (byte)(v >> 24); b[o + 1] = (byte)(v >> 16); b[o + 2] = (byte)(v >> 8); b[o + 3] = (byte)v; }
}

/// <summary>A font file we cannot use (not an sfnt, CFF2 outlines, a damaged table).</summary>
internal sealed class FontFormatException(string message) : Exception(message)
{
    /// <summary>
    /// Runs a reading of font data: an offset, count or length in a damaged file that points outside its table or file
    /// surfaces as an index or argument error deep in the parsing; here it becomes the font error naming the file
    /// (E-FONT-UNSUPPORTED), never an internal error.
    /// </summary>
    public static T Guard<T>(string path, Func<T> read)
    {
        try { return read(); }
        catch (FontFormatException e) when (!e.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new FontFormatException($"{path}: {e.Message}");
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException or OverflowException or InvalidOperationException
                                      or KeyNotFoundException or EndOfStreamException or InvalidCastException or DivideByZeroException)
        {
            throw new FontFormatException($"{path}: 字体文件已损坏（{e.GetType().Name}）");
        }
    }
}
