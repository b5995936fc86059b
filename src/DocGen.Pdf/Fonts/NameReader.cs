using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DocGen.Pdf.Fonts;

/// <summary>Family names from a font's name table: the one the font report shows, and every one a role may be found by.</summary>
internal static class NameReader
{
    /// <summary>The family name (name id 1), the zh-CN Windows record preferred (仿宋_GB2312), for the font report.</summary>
    public static string? Family(ReadOnlySpan<byte> b, int t)
    {
        int count = Be.U16(b, t + 2), strings = t + Be.U16(b, t + 4);
        string? fallback = null;
        for (int i = 0; i < count; i++)
        {
            int r = t + 6 + 12 * i;
            int platform = Be.U16(b, r), lang = Be.U16(b, r + 4), nameId = Be.U16(b, r + 6), len = Be.U16(b, r + 8), off = Be.U16(b, r + 10);
            if (nameId != 1 || strings + off + len > b.Length) continue;
            if (platform == 3)
            {
                string s = Encoding.BigEndianUnicode.GetString(b.Slice(strings + off, len));
                if (lang == 0x0804) return s;     // zh-CN name, e.g. 仿宋_GB2312
                fallback ??= s;
            }
            else if (platform == 1 && fallback is null) fallback = Encoding.Latin1.GetString(b.Slice(strings + off, len));
        }
        return fallback;
    }

    /// <summary>
    /// Every family name (ids 1 and 16, every platform and language) of every face of a font file, read without loading the
    /// file: its header, table directories and name tables only. A file that is not a font, or is damaged, has no faces.
    /// </summary>
    public static IReadOnlyList<(int Face, IReadOnlyList<string> Families)> FamiliesOfFile(string path)
    {
        var result = new List<(int, IReadOnlyList<string>)>();
        try
        {
            using var file = File.OpenHandle(path);
            long length = RandomAccess.GetLength(file);
            var head = Read(file, 0, 12, length);
            var dirs = new List<long>();
            if (TtcExtractor.IsCollection(head))
            {
                uint n = Math.Min(Be.U32(head, 8), 256u);
                var offsets = Read(file, 12, 4 * (int)n, length);
                for (int i = 0; i < n; i++) dirs.Add(Be.U32(offsets, 4 * i));
            }
            else dirs.Add(0);
            for (int face = 0; face < dirs.Count; face++)
            {
                var names = FamiliesOfFace(file, dirs[face], length);
                if (names.Count > 0) result.Add((face, names));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FontFormatException or ArgumentException or IndexOutOfRangeException) { }
        return result;
    }

    private static List<string> FamiliesOfFace(SafeFileHandle file, long dir, long length)
    {
        var offsetTable = Read(file, dir, 12, length);
        int numTables = Be.U16(offsetTable, 4);
        var records = Read(file, dir + 12, 16 * numTables, length);
        for (int i = 0; i < numTables; i++)
        {
            if (Encoding.ASCII.GetString(records, 16 * i, 4) != "name") continue;
            long off = Be.U32(records, 16 * i + 8), len = Math.Min(Be.U32(records, 16 * i + 12), 1 << 20);
            return Families(Read(file, off, (int)len, length));
        }
        return [];
    }

    private static List<string> Families(byte[] b)
    {
        var names = new List<string>();
        int count = Be.U16(b, 2), strings = Be.U16(b, 4);
        for (int i = 0; i < count && 6 + 12 * i + 12 <= b.Length; i++)
        {
            int r = 6 + 12 * i;
            int platform = Be.U16(b, r), encoding = Be.U16(b, r + 2), nameId = Be.U16(b, r + 6), len = Be.U16(b, r + 8), off = Be.U16(b, r + 10);
            if (nameId is not (1 or 16) || strings + off + len > b.Length) continue;
            string? s = platform switch
            {
                0 or 3 => Encoding.BigEndianUnicode.GetString(b, strings + off, len),
                1 when encoding == 0 => Encoding.Latin1.GetString(b, strings + off, len),
                _ => null,
            };
            s = s?.Trim('\0', ' ');
            if (!string.IsNullOrEmpty(s) && !names.Contains(s, StringComparer.Ordinal)) names.Add(s);
        }
        return names;
    }

    private static byte[] Read(SafeFileHandle file, long offset, int count, long length)
    {
        if (offset < 0 || count < 0 || offset + count > length) throw new FontFormatException("truncated");
        var buffer = new byte[count];
        int done = 0;
        while (done < count)
        {
            int n = RandomAccess.Read(file, buffer.AsSpan(done), offset + done);
            if (n <= 0) throw new FontFormatException("truncated");
            done += n;
        }
        return buffer;
    }
}
