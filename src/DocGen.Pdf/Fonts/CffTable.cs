using System.Collections.Concurrent;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// The parts of an OpenType font's 'CFF ' table that subsetting needs: the glyph programs, the global
/// and local subroutines, and for each glyph the font dictionary (FD) whose Private DICT it is drawn with. Both kinds
/// of CFF are read: CID-keyed (every CJK OpenType font: Noto/Source Han, Adobe's) and name-keyed (one Private DICT).
/// Positions are kept as offsets into the font file, nothing is copied.
/// </summary>
internal sealed class CffTable
{
    private readonly FontFile _file;
    private readonly byte[] _fdOfGlyph;
    // Flattened glyph programs by glyph id × 2 + keepHints. Flattening was 10 % of a warm report (measured with dotnet-trace),
    // and a batch draws the same few thousand glyphs again and again; a face lives as long as the process, and the cache
    // holds at most every glyph once (a few hundred bytes each), so it needs no eviction.
    private readonly ConcurrentDictionary<int, byte[]> _flattened = new();

    public CffIndex CharStrings { get; }
    public CffIndex GlobalSubrs { get; }
    public IReadOnlyList<CffFontDict> FontDicts { get; }
    /// <summary>Raw Top DICT entries the subset copies unchanged (FontBBox, FontMatrix …: operands without offsets or strings).</summary>
    public IReadOnlyList<CffDictEntry> TopEntries { get; }
    public bool IsCidKeyed { get; }

    private CffTable(FontFile file, CffIndex charStrings, CffIndex globalSubrs, IReadOnlyList<CffFontDict> fontDicts, byte[] fdOfGlyph,
        IReadOnlyList<CffDictEntry> topEntries, bool cid)
    {
        _file = file;
        CharStrings = charStrings;
        GlobalSubrs = globalSubrs;
        FontDicts = fontDicts;
        _fdOfGlyph = fdOfGlyph;
        TopEntries = topEntries;
        IsCidKeyed = cid;
    }

    public ReadOnlySpan<byte> Bytes => _file.Span;

    public FontFile File => _file;

    public CffFontDict FontDictOf(int glyph) => FontDicts[glyph < _fdOfGlyph.Length ? _fdOfGlyph[glyph] : 0];

    /// <summary>
    /// <see cref="Fonts.CharStrings.Flatten"/> of the glyph, computed once per face: callers must not change the array.
    /// </summary>
    public byte[] Flattened(int glyph, bool keepHints) =>
        _flattened.TryGetValue(glyph * 2 + (keepHints ? 1 : 0), out var program)
            ? program
            : _flattened.GetOrAdd(glyph * 2 + (keepHints ? 1 : 0), Fonts.CharStrings.Flatten(this, glyph, keepHints));

    public int FontDictIndexOf(int glyph) => glyph < _fdOfGlyph.Length ? _fdOfGlyph[glyph] : 0;

    // Top DICT operators (two-byte ones as 1200 + second byte).
    private const int OpCharset = 15, OpEncoding = 16, OpCharStrings = 17, OpPrivate = 18, OpSubrs = 19;
    private const int OpRos = 1230, OpFdArray = 1236, OpFdSelect = 1237, OpFontName = 1238;
    private const int OpFontBBox = 5, OpFontMatrix = 1207, OpPaintType = 1205, OpStrokeWidth = 1208;

    /// <summary>Parses the table at <paramref name="start"/>; throws <see cref="FontFormatException"/> when it is damaged.</summary>
    public static CffTable Parse(FontFile file, int start, int length, string path)
    {
        var b = file.Span;
        try
        {
            int end = start + length;
            file.Ensure(start, Math.Min(length, 4));
            if (length < 4 || b[start] != 1) throw new FontFormatException($"{path}: CFF 表版本不受支持（只支持 CFF 1）");
            int p = start + b[start + 2];
            var names = CffIndex.Read(file, p, end); p = names.Next;
            var tops = CffIndex.Read(file, p, end); p = tops.Next;
            var strings = CffIndex.Read(file, p, end); p = strings.Next;
            var gsubrs = CffIndex.Read(file, p, end);
            if (tops.Count < 1) throw new FontFormatException($"{path}: CFF 表没有 Top DICT");
            var top = CffDict.Parse(b, tops.Start(0), tops.End(0));
            if (!top.TryGet(OpCharStrings, out var cs)) throw new FontFormatException($"{path}: CFF 表没有字形程序（CharStrings）");
            var charStrings = CffIndex.Read(file, start + cs.Int(0), end);
            int n = charStrings.Count;
            bool cid = top.TryGet(OpRos, out _);
            var fdOfGlyph = new byte[n];
            var dicts = new List<CffFontDict>();
            if (cid)
            {
                if (!top.TryGet(OpFdArray, out var fda) || !top.TryGet(OpFdSelect, out var fds))
                    throw new FontFormatException($"{path}: CID 字体的 CFF 表缺少 FDArray/FDSelect");
                var fdArray = CffIndex.Read(file, start + fda.Int(0), end);
                for (int i = 0; i < fdArray.Count; i++)
                    dicts.Add(CffFontDict.Read(file, start, end, CffDict.Parse(b, fdArray.Start(i), fdArray.End(i))));
                ReadFdSelect(file, start + fds.Int(0), fdOfGlyph, fdArray.Count, path);
            }
            else dicts.Add(CffFontDict.Read(file, start, end, top));
            // What the subset's Top DICT keeps: geometry, not offsets (rewritten) and not strings (SIDs of the old String INDEX).
            var keep = top.Entries.Where(e => e.Op is OpFontBBox or OpFontMatrix or OpPaintType or OpStrokeWidth).ToList();
            return new CffTable(file, charStrings, gsubrs, dicts, fdOfGlyph, keep, cid);
        }
        catch (IndexOutOfRangeException)
        {
            throw new FontFormatException($"{path}: CFF 表已损坏");
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FontFormatException($"{path}: CFF 表已损坏");
        }
    }

    private static void ReadFdSelect(FontFile file, int p, byte[] fdOfGlyph, int fdCount, string path)
    {
        file.Ensure(p, 3);
        var b = file.Span;
        int format = b[p];
        file.Ensure(p, format == 0 ? 1 + fdOfGlyph.Length : 5 + 3 * Be.U16(b, p + 1));
        if (format == 0)
        {
            for (int g = 0; g < fdOfGlyph.Length; g++) fdOfGlyph[g] = b[p + 1 + g];
        }
        else if (format == 3)
        {
            int ranges = Be.U16(b, p + 1);
            for (int r = 0; r < ranges; r++)
            {
                int first = Be.U16(b, p + 3 + 3 * r), fd = b[p + 5 + 3 * r], next = Be.U16(b, p + 6 + 3 * r);
                for (int g = first; g < next && g < fdOfGlyph.Length; g++) fdOfGlyph[g] = (byte)fd;
            }
        }
        else throw new FontFormatException($"{path}: CFF 表的 FDSelect 格式 {format} 不受支持");
        foreach (var fd in fdOfGlyph)
            if (fd >= fdCount) throw new FontFormatException($"{path}: CFF 表的 FDSelect 指向不存在的字典");
    }

    internal static bool IsOffsetOrString(int op) => op is OpCharset or OpEncoding or OpCharStrings or OpPrivate or OpSubrs
        or OpRos or OpFdArray or OpFdSelect or OpFontName or 0 or 1 or 2 or 3 or 4 or 1200 or 1221 or 1222;
}

/// <summary>One font dictionary: its Private DICT (raw entries, Subrs dropped) and its local subroutines.</summary>
internal sealed record CffFontDict(IReadOnlyList<CffDictEntry> FdEntries, IReadOnlyList<CffDictEntry> PrivateEntries, CffIndex LocalSubrs)
{
    public static CffFontDict Read(FontFile file, int cffStart, int cffEnd, CffDict dict)
    {
        var b = file.Span;
        var fdEntries = dict.Entries.Where(e => !CffTable.IsOffsetOrString(e.Op)).ToList();
        if (!dict.TryGet(18, out var priv)) return new CffFontDict(fdEntries, [], CffIndex.Empty);
        int size = priv.Int(0), offset = cffStart + priv.Int(1);
        file.Ensure(offset, size);
        var pd = CffDict.Parse(b, offset, offset + size);
        var local = pd.TryGet(19, out var subrs) ? CffIndex.Read(file, offset + subrs.Int(0), cffEnd) : CffIndex.Empty;
        return new CffFontDict(fdEntries, pd.Entries.Where(e => e.Op != 19).ToList(), local);
    }
}

/// <summary>A CFF INDEX: count, then offsets, then the data; item i is [Start(i), End(i)) in the file.</summary>
internal sealed class CffIndex
{
    private readonly FontFile? _file;
    private readonly int _offsets, _offSize, _dataBase;

    public static readonly CffIndex Empty = new(null, 0, 0, 0, 0, 0);

    public int Count { get; }
    /// <summary>The first byte after the INDEX.</summary>
    public int Next { get; }

    private CffIndex(FontFile? file, int count, int offsets, int offSize, int dataBase, int end)
    {
        _file = file; Count = count; _offsets = offsets; _offSize = offSize; _dataBase = dataBase; Next = end;
    }

    public static CffIndex Read(FontFile file, int p, int limit)
    {
        file.Ensure(p, Math.Min(3, limit - p));
        var b = file.Span;
        int count = Be.U16(b, p);
        if (count == 0) return new CffIndex(file, 0, 0, 0, 0, p + 2);
        int offSize = b[p + 2];
        if (offSize is < 1 or > 4) throw new FontFormatException("CFF INDEX 的偏移长度无效");
        int offsets = p + 3, dataBase = offsets + (count + 1) * offSize - 1;
        if (dataBase > limit) throw new FontFormatException("CFF INDEX 超出表的范围");
        file.Ensure(offsets, (count + 1) * offSize);
        var index = new CffIndex(file, count, offsets, offSize, dataBase, 0);
        int end = index.Start(count);
        if (end > limit || dataBase > limit) throw new FontFormatException("CFF INDEX 超出表的范围");
        // Small INDEXes (names, DICTs, strings) are read now; the glyph programs and subroutines item by item (Item, CharStrings).
        if (end - dataBase - 1 <= SmallIndexBytes) file.Ensure(dataBase + 1, end - dataBase - 1);
        return new CffIndex(file, count, offsets, offSize, dataBase, end);
    }

    public int Start(int i)
    {
        var b = _file!.Span;
        int o = 0, at = _offsets + i * _offSize;
        for (int k = 0; k < _offSize; k++) o = o << 8 | b[at + k];
        return _dataBase + o;
    }

    public int End(int i) => Start(i + 1);

    public ReadOnlySpan<byte> Item(int i)
    {
        int start = Start(i), end = End(i);
        _file!.Ensure(start, end - start);
        return _file.Span.Slice(start, end - start);
    }

    private const int SmallIndexBytes = 64 << 10;
}

/// <summary>One DICT entry: operator and its operands, with the raw bytes so it can be copied unchanged.</summary>
internal sealed record CffDictEntry(int Op, double[] Operands, byte[] Raw)
{
    public int Int(int i) => (int)Operands[i];
}

/// <summary>A parsed DICT (Top, Font or Private), entries in file order.</summary>
internal sealed class CffDict
{
    public List<CffDictEntry> Entries { get; } = [];

    public bool TryGet(int op, out CffDictEntry entry)
    {
        entry = Entries.FirstOrDefault(e => e.Op == op)!;
        return entry is not null;
    }

    public static CffDict Parse(ReadOnlySpan<byte> b, int start, int end)
    {
        var d = new CffDict();
        var operands = new List<double>();
        int entryStart = start, p = start;
        while (p < end)
        {
            int v = b[p];
            if (v <= 21)
            {
                int op = v == 12 ? 1200 + b[p + 1] : v;
                p += v == 12 ? 2 : 1;
                d.Entries.Add(new CffDictEntry(op, [.. operands], b.Slice(entryStart, p - entryStart).ToArray()));
                operands.Clear();
                entryStart = p;
            }
            else if (v == 28) { operands.Add(Be.S16(b, p + 1)); p += 3; }
            else if (v == 29) { operands.Add((int)Be.U32(b, p + 1)); p += 5; }
            else if (v == 30) { p = RealEnd(b, p + 1, end); operands.Add(0); }
            else if (v is >= 32 and <= 246) { operands.Add(v - 139); p++; }
            else if (v is >= 247 and <= 250) { operands.Add((v - 247) * 256 + b[p + 1] + 108); p += 2; }
            else if (v is >= 251 and <= 254) { operands.Add(-(v - 251) * 256 - b[p + 1] - 108); p += 2; }
            else throw new FontFormatException("CFF DICT 含无效字节");
        }
        return d;
    }

    /// <summary>Real operands (nibble-coded) only occur where we copy raw bytes (FontMatrix, BlueScale …), so their value is not decoded.</summary>
    private static int RealEnd(ReadOnlySpan<byte> b, int p, int end)
    {
        while (p < end)
        {
            int x = b[p++];
            if ((x & 0xF) == 0xF || (x >> 4) == 0xF) return p;
        }
        throw new FontFormatException("CFF DICT 的实数未结束");
    }
}
