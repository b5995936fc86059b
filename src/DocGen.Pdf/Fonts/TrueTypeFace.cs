using System.Collections.Frozen;
using System.Text;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// One parsed TrueType face: the cmap (coverage) and hmtx (advances) we measure with, plus the stand-alone sfnt bytes
/// PDFsharp embeds. Parsed once per process and then only read, so one instance serves parallel renders.
/// We measure from our own tables because XGraphics.MeasureString costs ~10 µs per call (platform-facts §1.3).
/// </summary>
public sealed class TrueTypeFace
{
    private readonly FrozenDictionary<int, ushort> _cmap;
    private readonly ushort[] _advances;

    /// <summary>Absolute path of the font file.</summary>
    public string Path { get; }
    /// <summary>Face index inside a .ttc (0 for a plain .ttf).</summary>
    public int Face { get; }
    /// <summary>Stable name under which the PDFsharp font resolver serves this face (derived from path and face only).</summary>
    public string Key { get; }
    public string FamilyName { get; }
    public int UnitsPerEm { get; }
    /// <summary>The stand-alone sfnt (a .ttc face cut out), as PDFsharp wants it.</summary>
    internal byte[] Bytes { get; }

    private int _glyf, _loca;
    private bool _longLoca;

    private TrueTypeFace(string path, int face, byte[] bytes, FrozenDictionary<int, ushort> cmap, ushort[] advances, int unitsPerEm, string family)
    {
        Path = path;
        Face = face;
        Bytes = bytes;
        _cmap = cmap;
        _advances = advances;
        UnitsPerEm = unitsPerEm;
        FamilyName = family;
        Key = "DocGenFace" + StableHash(path + "#" + face).ToString("x16");
    }

    public bool Covers(int codePoint) => _cmap.ContainsKey(codePoint);

    /// <summary>Advance width of the code point in em (1.0 = the font size); 0 when not covered.</summary>
    public double AdvanceEm(int codePoint)
    {
        if (!_cmap.TryGetValue(codePoint, out ushort gid)) return 0;
        var adv = _advances[Math.Min(gid, _advances.Length - 1)];
        return adv / (double)UnitsPerEm;
    }

    public int CoveredCount => _cmap.Count;

    /// <summary>
    /// The ink box of the code point's glyph in em (x to the right of the origin, y up from the baseline), from the
    /// glyf header; null for an empty or missing glyph. Used to place marks in a vertically stacked label.
    /// </summary>
    public (double XMin, double YMin, double XMax, double YMax)? InkBox(int codePoint)
    {
        if (!_cmap.TryGetValue(codePoint, out ushort gid)) return null;
        var b = Bytes;
        long start = _longLoca ? Be.U32(b, _loca + 4 * gid) : 2L * Be.U16(b, _loca + 2 * gid);
        long end = _longLoca ? Be.U32(b, _loca + 4 * gid + 4) : 2L * Be.U16(b, _loca + 2 * gid + 2);
        if (end <= start || _glyf + start + 10 > b.Length) return null;
        int g = _glyf + (int)start;
        double u = UnitsPerEm;
        return (Be.S16(b, g + 2) / u, Be.S16(b, g + 4) / u, Be.S16(b, g + 6) / u, Be.S16(b, g + 8) / u);
    }

    /// <summary>Reads and parses a face; throws <see cref="FontFormatException"/> for CFF fonts or damaged files.</summary>
    internal static TrueTypeFace Load(string path, int face)
    {
        byte[] file = File.ReadAllBytes(path);
        byte[] sfnt = TtcExtractor.ExtractFace(file, face, path);
        return Parse(path, face, sfnt);
    }

    internal static TrueTypeFace Parse(string path, int face, byte[] b)
    {
        if (b.Length < 12) throw new FontFormatException($"{path} 不是 TrueType 字体文件");
        uint version = Be.U32(b, 0);
        if (version == 0x4F54544F) // 'OTTO'
            throw new FontFormatException($"{path} 是 CFF 轮廓的 OpenType 字体（OTTO）；PDFsharp 无法对其取子集，会嵌入整个字体（十余 MB）。请改用 TrueType（glyf 轮廓）字体");
        if (version != 0x00010000 && version != 0x74727565) throw new FontFormatException($"{path} 不是 TrueType 字体文件");
        int numTables = Be.U16(b, 4);
        var tables = new Dictionary<string, (int Off, int Len)>();
        for (int i = 0; i < numTables; i++)
        {
            int r = 12 + 16 * i;
            string tag = Encoding.ASCII.GetString(b, r, 4);
            int off = (int)Be.U32(b, r + 8), len = (int)Be.U32(b, r + 12);
            if (off < 0 || len < 0 || (long)off + len > b.Length) throw new FontFormatException($"{path}: 表 {tag} 超出文件范围，文件已损坏");
            tables[tag] = (off, len);
        }
        if (tables.ContainsKey("CFF ") || tables.ContainsKey("CFF2"))
            throw new FontFormatException($"{path} 含 CFF 轮廓；PDFsharp 无法对其取子集，会嵌入整个字体。请改用 TrueType（glyf 轮廓）字体");
        foreach (var need in new[] { "head", "hhea", "hmtx", "cmap", "maxp", "glyf", "loca" })
            if (!tables.ContainsKey(need)) throw new FontFormatException($"{path} 缺少 {need.Trim()} 表，不是可用的 TrueType 字体");

        int unitsPerEm = Be.U16(b, tables["head"].Off + 18);
        int numberOfHMetrics = Be.U16(b, tables["hhea"].Off + 34);
        int numGlyphs = Be.U16(b, tables["maxp"].Off + 4);
        var advances = new ushort[Math.Max(numGlyphs, numberOfHMetrics)];
        int hmtx = tables["hmtx"].Off;
        ushort last = 0;
        for (int g = 0; g < advances.Length; g++)
        {
            if (g < numberOfHMetrics) last = (ushort)Be.U16(b, hmtx + 4 * g);
            advances[g] = last;
        }
        var cmap = CmapReader.Read(b, tables["cmap"].Off, path);
        string family = tables.TryGetValue("name", out var nt) ? NameReader.Family(b, nt.Off) ?? System.IO.Path.GetFileNameWithoutExtension(path) : System.IO.Path.GetFileNameWithoutExtension(path);
        return new TrueTypeFace(path, face, b, cmap, advances, unitsPerEm, family)
        {
            _glyf = tables["glyf"].Off,
            _loca = tables["loca"].Off,
            _longLoca = Be.S16(b, tables["head"].Off + 50) == 1,
        };
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
    public static FrozenDictionary<int, ushort> Read(byte[] b, int cmap, string path)
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
        var map = new Dictionary<int, ushort>();
        if (Be.U16(b, best) == 12) ReadFormat12(b, best, map);
        else ReadFormat4(b, best, map);
        return map.ToFrozenDictionary();
    }

    private static void ReadFormat4(byte[] b, int t, Dictionary<int, ushort> map)
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
                int gid;
                if (rangeOff == 0) gid = (c + delta) & 0xFFFF;
                else
                {
                    int p = rangeOffPos + rangeOff + 2 * (c - start);
                    if (p + 1 >= b.Length) continue;
                    gid = Be.U16(b, p);
                    if (gid != 0) gid = (gid + delta) & 0xFFFF;
                }
                if (gid != 0) map[c] = (ushort)gid;
            }
        }
    }

    private static void ReadFormat12(byte[] b, int t, Dictionary<int, ushort> map)
    {
        uint groups = Be.U32(b, t + 12);
        for (uint g = 0; g < groups; g++)
        {
            int r = t + 16 + (int)(12 * g);
            uint start = Be.U32(b, r), end = Be.U32(b, r + 4), gid = Be.U32(b, r + 8);
            for (uint c = start; c <= end && c <= 0x10FFFF; c++, gid++)
                if (gid != 0 && gid <= ushort.MaxValue) map[(int)c] = (ushort)gid;
        }
    }
}

/// <summary>The family name (name id 1) from the name table, for the font report; Windows Unicode records preferred.</summary>
internal static class NameReader
{
    public static string? Family(byte[] b, int t)
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
                string s = Encoding.BigEndianUnicode.GetString(b, strings + off, len);
                if (lang == 0x0804) return s;     // zh-CN name, e.g. 仿宋_GB2312
                fallback ??= s;
            }
            else if (platform == 1 && fallback is null) fallback = Encoding.Latin1.GetString(b, strings + off, len);
        }
        return fallback;
    }
}
