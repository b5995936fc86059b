using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// One OpenType face, TrueType (glyf) or CFF outlines: the cmap (coverage) and hmtx (advances) we measure with, and the
/// outlines the PDF embeds a subset of. Opening a face reads only its table directory, enough to reject unusable or
/// damaged files at once; the file itself is read
/// and parsed on first use, once per process, and then only read, so one instance serves parallel renders. A role's
/// fallback faces are therefore only read when a character needs them (cold start: BENCHMARKS.md).
/// A face of a .ttc is used in place: table offsets in a collection count from the start of the file.
/// </summary>
public sealed class FontFace
{
    private readonly Lazy<Parsed> _parsed;

    /// <summary>Absolute path of the font file.</summary>
    public string Path { get; }
    /// <summary>Face index inside a .ttc (0 for a plain .ttf).</summary>
    public int Face { get; }
    /// <summary>Stable name of this face (derived from path and face only), the same in every process.</summary>
    public string Key { get; }

    public string FamilyName => _parsed.Value.Family;
    public int UnitsPerEm => _parsed.Value.UnitsPerEm;

    /// <summary>The CFF outlines of an OpenType/CFF face (.otf, .otc); null for TrueType outlines.</summary>
    internal CffTable? Cff => _parsed.Value.Cff;

    /// <summary>
    /// The whole font file, addressed by file offsets; <see cref="Table"/> locates this face's tables in it. In a large or
    /// system-wide file only the parts made ready by <see cref="Table"/> or <see cref="Ensure"/> hold bytes, the rest reads as zeros.
    /// </summary>
    internal ReadOnlySpan<byte> Bytes => _parsed.Value.File.Span;

    /// <summary>Makes <see cref="Bytes"/> hold [offset, offset + length): glyf and CFF entries are read as glyphs need them.</summary>
    internal void Ensure(long offset, long length) => _parsed.Value.File.Ensure(offset, length);

    /// <summary>
    /// Where a table lies in <see cref="Bytes"/>, with its bytes read: the one way to a table, so that no reader can meet a
    /// table that was never read (it would read as zeros). The outlines are only located: glyf and CFF hold every glyph of
    /// the face, and their readers call <see cref="Ensure"/> for each glyph, subroutine or index they use.
    /// </summary>
    internal (int Off, int Len) Table(string tag) =>
        TryTable(tag, out var at) ? at : throw new FontFormatException($"{Path} 缺少 {tag.Trim()} 表");

    /// <inheritdoc cref="Table"/>
    internal bool TryTable(string tag, out (int Off, int Len) at) => Locate(_parsed.Value.File, _tables, tag, out at);

    private static bool Locate(FontFile file, Dictionary<string, (int Off, int Len)> tables, string tag, out (int Off, int Len) at)
    {
        if (!tables.TryGetValue(tag, out at)) return false;
        if (tag is not ("glyf" or "CFF ")) file.Ensure(at.Off, at.Len);
        return true;
    }

    private readonly Dictionary<string, (int Off, int Len)> _tables;

    private FontFace(string path, int face, Dictionary<string, (int Off, int Len)> tables)
    {
        Path = path;
        Face = face;
        _tables = tables;
        Key = "DocGenFace" + StableHash(path + "#" + face).ToString("x16");
        _parsed = new Lazy<Parsed>(() => FontFormatException.Guard(path, () => Parse(path, tables)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool Covers(int codePoint) => GlyphId(codePoint) != 0;

    /// <summary>Advance width of the code point in em (1.0 = the font size); 0 when not covered.</summary>
    public double AdvanceEm(int codePoint)
    {
        ushort gid = GlyphId(codePoint);
        return gid == 0 ? 0 : AdvanceUnits(gid) / (double)UnitsPerEm;
    }

    /// <summary>The glyph of a code point, 0 (.notdef) when the face has none.</summary>
    internal ushort GlyphId(int codePoint)
    {
        var p = _parsed.Value;
        if ((uint)codePoint < 0x10000) return p.Bmp[codePoint];
        return p.Astral is not null && p.Astral.TryGetValue(codePoint, out ushort g) ? g : (ushort)0;
    }

    /// <summary>Advance width of a glyph in font units.</summary>
    internal int AdvanceUnits(ushort glyph)
    {
        var a = _parsed.Value.Advances;
        return a[Math.Min(glyph, a.Length - 1)];
    }

    /// <summary>
    /// The ink box of the code point's glyph in em (x to the right of the origin, y up from the baseline), from the
    /// glyf header or the CFF glyph program; null for an empty or missing glyph. Used to place marks in a vertically stacked label.
    /// </summary>
    public (double XMin, double YMin, double XMax, double YMax)? InkBox(int codePoint)
    {
        ushort gid = GlyphId(codePoint);
        if (gid == 0) return null;
        if (Cff is { } cff)
        {
            (double XMin, double YMin, double XMax, double YMax)? bounds;
            try { bounds = gid < cff.CharStrings.Count ? CharStrings.Bounds(cff.Flattened(gid, keepHints: true)) : null; }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or FontFormatException)
            {
                throw new FontFormatException($"{Path}: CFF 字形 {gid} 的轮廓已损坏（{e.Message}）");
            }
            if (bounds is not { } box) return null;
            double em = UnitsPerEm;
            return (box.XMin / em, box.YMin / em, box.XMax / em, box.YMax / em);
        }
        return FontFormatException.Guard(Path, () => GlyfBox(gid));
    }

    private (double XMin, double YMin, double XMax, double YMax)? GlyfBox(ushort gid)
    {
        int loca = Table("loca").Off, glyf = Table("glyf").Off, head = Table("head").Off;
        var b = Bytes;
        bool longLoca = Be.S16(b, head + 50) == 1;
        long start = longLoca ? Be.U32(b, loca + 4 * gid) : 2L * Be.U16(b, loca + 2 * gid);
        long end = longLoca ? Be.U32(b, loca + 4 * gid + 4) : 2L * Be.U16(b, loca + 2 * gid + 2);
        if (end <= start || glyf + start + 10 > b.Length) return null;
        int g = glyf + (int)start;
        Ensure(g, 10);
        double u = UnitsPerEm;
        return (Be.S16(b, g + 2) / u, Be.S16(b, g + 4) / u, Be.S16(b, g + 6) / u, Be.S16(b, g + 8) / u);
    }

    /// <summary>Reads a face's table directory; throws <see cref="FontFormatException"/> for CFF2 (variable) fonts or damaged files.</summary>
    internal static FontFace Load(string path, int face)
    {
        using var file = File.OpenHandle(path);
        long length = RandomAccess.GetLength(file);
        var head = Read(file, 0, 12, length, path);
        long dir = 0;
        if (TtcExtractor.IsCollection(head))
        {
            uint numFonts = Be.U32(head, 8);
            if (face < 0 || face >= numFonts) throw new FontFormatException($"{path} 只有 {numFonts} 个字面，没有第 {face} 个");
            dir = Be.U32(Read(file, 12 + 4L * face, 4, length, path), 0);
        }
        else if (face != 0) throw new FontFormatException($"{path} 不是字体集合（.ttc），不能选择第 {face} 个字面");
        var offsetTable = Read(file, dir, 12, length, path);
        uint version = Be.U32(offsetTable, 0);
        if (version != 0x00010000 && version != 0x74727565 && version != 0x4F54544F) // 1.0, 'true', 'OTTO'
            throw new FontFormatException($"{path} 不是 TrueType 或 OpenType 字体文件");
        int numTables = Be.U16(offsetTable, 4);
        var records = Read(file, dir + 12, 16 * numTables, length, path);
        var tables = new Dictionary<string, (int Off, int Len)>(StringComparer.Ordinal);
        for (int i = 0; i < numTables; i++)
        {
            int r = 16 * i;
            string tag = Encoding.ASCII.GetString(records, r, 4);
            long off = Be.U32(records, r + 8), len = Be.U32(records, r + 12);
            if (off + len > length || off > int.MaxValue) throw new FontFormatException($"{path}: 表 {tag} 超出文件范围，文件已损坏");
            tables[tag] = ((int)off, (int)len);
        }
        if (tables.ContainsKey("CFF2") && !tables.ContainsKey("CFF "))
            throw new FontFormatException($"{path} 是 CFF2（可变字体）轮廓，不受支持。请改用 TrueType 或 CFF 轮廓的 OpenType 字体");
        string[] outlines = tables.ContainsKey("CFF ") ? ["CFF "] : ["glyf", "loca"];
        foreach (var need in new[] { "head", "hhea", "hmtx", "cmap", "maxp" }.Concat(outlines))
            if (!tables.ContainsKey(need)) throw new FontFormatException($"{path} 缺少 {need.Trim()} 表，不是可用的字体");
        return new FontFace(path, face, tables);
    }

    /// <summary>Parses the measuring tables now rather than on first use (the first face of a chain is always needed).</summary>
    internal void Preload() => _ = _parsed.Value;

    private static byte[] Read(SafeFileHandle file, long offset, int count, long length, string path)
    {
        if (offset < 0 || offset + count > length) throw new FontFormatException($"{path} 不是 TrueType 字体文件（文件过短或已损坏）");
        var buffer = new byte[count];
        int done = 0;
        while (done < count)
        {
            int n = RandomAccess.Read(file, buffer.AsSpan(done), offset + done);
            if (n <= 0) throw new FontFormatException($"{path} 读取不完整");
            done += n;
        }
        return buffer;
    }

    private sealed record Parsed(FontFile File, ushort[] Bmp, Dictionary<int, ushort>? Astral, ushort[] Advances, int UnitsPerEm, string Family, CffTable? Cff);

    private static Parsed Parse(string path, Dictionary<string, (int Off, int Len)> tables)
    {
        var file = FontFile.Open(path);
        (int Off, int Len) Need(string tag) => Locate(file, tables, tag, out var at) ? at : default;  // Load checked they exist
        var (head, hhea, maxp, hmtxTable, cmap) = (Need("head").Off, Need("hhea").Off, Need("maxp").Off, Need("hmtx"), Need("cmap").Off);
        bool hasName = Locate(file, tables, "name", out var nt);
        var b = file.Span;
        int unitsPerEm = Be.U16(b, head + 18);
        int numberOfHMetrics = Be.U16(b, hhea + 34);
        int numGlyphs = Be.U16(b, maxp + 4);
        if (numberOfHMetrics == 0 || unitsPerEm == 0 || hmtxTable.Len < 4 * numberOfHMetrics)
            throw new FontFormatException($"{path}: hhea/hmtx 表已损坏");
        var advances = new ushort[Math.Max(numGlyphs, numberOfHMetrics)];
        int hmtx = hmtxTable.Off;
        ushort last = 0;
        for (int g = 0; g < advances.Length; g++)
        {
            if (g < numberOfHMetrics) last = (ushort)Be.U16(b, hmtx + 4 * g);
            advances[g] = last;
        }
        var (bmp, astral) = CmapReader.Read(b, cmap, path);
        string family = (hasName ? NameReader.Family(b, nt.Off) : null) ?? System.IO.Path.GetFileNameWithoutExtension(path);
        var cff = Locate(file, tables, "CFF ", out var c) ? CffTable.Parse(file, c.Off, c.Len, path) : null;
        return new Parsed(file, bmp, astral, advances, unitsPerEm, family, cff);
    }

    /// <summary>FNV-1a: a key that is the same in every process (string.GetHashCode is randomised).</summary>
    private static ulong StableHash(string s)
    {
        ulong h = 14695981039346656037;
        foreach (char c in s) { h ^= c; h *= 1099511628211; }
        return h;
    }
}

/// <summary>cmap formats 4 (BMP) and 12 (full Unicode), the two every CJK TrueType font carries.</summary>
internal static class CmapReader
{
    /// <summary>A flat table for the BMP (one array read per character) and a dictionary for the rest.</summary>
    public static (ushort[] Bmp, Dictionary<int, ushort>? Astral) Read(ReadOnlySpan<byte> b, int cmap, string path)
    {
        int n = Be.U16(b, cmap + 2);
        int best = -1, bestScore = 0;
        for (int i = 0; i < n; i++)
        {
            int r = cmap + 4 + 8 * i;
            int platform = Be.U16(b, r), encoding = Be.U16(b, r + 2);
            int sub = cmap + (int)Be.U32(b, r + 4);
            int format = Be.U16(b, sub);
            int score = (platform, encoding, format) switch
            {
                (3, 10, 12) => 4,
                (0, 4, 12) or (0, 6, 12) => 3,
                (3, 1, 4) => 2,
                (0, _, 4) => 1,
                _ => 0,
            };
            if (score > bestScore) { bestScore = score; best = sub; }
        }
        if (best < 0) throw new FontFormatException($"{path} 没有 Unicode 字符映射表（cmap 格式 4 或 12）");
        var map = new Map(path);
        if (Be.U16(b, best) == 12) ReadFormat12(b, best, map);
        else ReadFormat4(b, best, map);
        return (map.Bmp, map.Astral);
    }

    private sealed class Map(string path)
    {
        public readonly ushort[] Bmp = new ushort[0x10000];
        // A damaged segment or group count can describe billions of mappings; a real cmap has at most a few per code point.
        private int _budget = 8 << 20;

        public void Step()
        {
            if (--_budget < 0) throw new FontFormatException($"{path}: cmap 表已损坏");
        }
        public Dictionary<int, ushort>? Astral;

        public void Set(int c, ushort gid)
        {
            if (c < 0x10000) Bmp[c] = gid;
            else (Astral ??= [])[c] = gid;
        }
    }

    private static void ReadFormat4(ReadOnlySpan<byte> b, int t, Map map)
    {
        int segX2 = Be.U16(b, t + 6);
        int ends = t + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ranges = deltas + segX2;
        for (int s = 0; s < segX2 / 2; s++)
        {
            int end = Be.U16(b, ends + 2 * s), start = Be.U16(b, starts + 2 * s);
            int delta = Be.S16(b, deltas + 2 * s);
            int rangeOffPos = ranges + 2 * s, rangeOff = Be.U16(b, rangeOffPos);
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                map.Step();
                int gid;
                if (rangeOff == 0) gid = (c + delta) & 0xFFFF;
                else
                {
                    int p = rangeOffPos + rangeOff + 2 * (c - start);
                    if (p + 1 >= b.Length) continue;
                    gid = Be.U16(b, p);
                    if (gid != 0) gid = (gid + delta) & 0xFFFF;
                }
                if (gid != 0) map.Set(c, (ushort)gid);
            }
        }
    }

    private static void ReadFormat12(ReadOnlySpan<byte> b, int t, Map map)
    {
        uint groups = Be.U32(b, t + 12);
        for (uint g = 0; g < groups; g++)
        {
            int r = t + 16 + (int)(12 * g);
            uint start = Be.U32(b, r), end = Be.U32(b, r + 4), gid = Be.U32(b, r + 8);
            for (uint c = start; c <= end && c <= 0x10FFFF; c++, gid++, map.Step())
                if (gid != 0 && gid <= ushort.MaxValue) map.Set((int)c, (ushort)gid);
        }
    }
}
