namespace DocGen.Pdf.Fonts;

/// <summary>
/// Cuts the glyphs one document uses out of a TrueType face into a small stand-alone font program for embedding.
/// The glyphs are renumbered densely (new glyph id = the CID the content streams already use), so the font carries
/// no empty loca/hmtx slots for the tens of thousands of glyphs a CJK face has and the document does not use: that
/// padding was most of what PDFsharp's own subsets weighed (BENCHMARKS.md has the breakdown).
/// Only the tables a PDF viewer reads from an embedded CIDFontType2 program are written:
/// head, hhea, maxp, hmtx, loca, glyf and the hinting tables cvt, fpgm, prep when the face has them and hinting is kept
/// (without them each glyph's own instructions are dropped too).
/// </summary>
internal static class GlyphSubsetter
{
    /// <param name="glyphs">Old glyph ids in the order of the new ids: glyphs[0] must be 0 (.notdef).</param>
    /// <returns>The font program; composite glyphs' components are appended after the given glyphs.</returns>
    public static byte[] Subset(FontFace face, IReadOnlyList<ushort> glyphs, bool keepHinting = true) =>
        FontFormatException.Guard(face.Path, () => SubsetUnchecked(face, glyphs, keepHinting));

    private static byte[] SubsetUnchecked(FontFace face, IReadOnlyList<ushort> glyphs, bool keepHinting)
    {
        var (glyfOff, _) = face.Table("glyf");
        var (headAt, hheaAt, maxpAt, hmtxAt, locaAt) = (face.Table("head"), face.Table("hhea"), face.Table("maxp"), face.Table("hmtx"), face.Table("loca"));
        var hints = new Dictionary<string, (int Off, int Len)>(StringComparer.Ordinal);
        if (keepHinting)
            foreach (var hinting in new[] { "cvt ", "fpgm", "prep" })
                if (face.TryTable(hinting, out var h)) hints[hinting] = h;
        var b = face.Bytes;
        bool longLoca = Be.S16(b, headAt.Off + 50) == 1;
        int locaOff = locaAt.Off;
        int numGlyphs = Be.U16(b, maxpAt.Off + 4);

        // The glyph's bytes within glyf, from loca. (A static local function: the file is a span, which a closure cannot hold.)
        static (int Start, int End) Locate(ReadOnlySpan<byte> b, int gid, int numGlyphs, bool longLoca, int locaOff)
        {
            if (gid >= numGlyphs) return (0, 0);
            return longLoca
                ? ((int)Be.U32(b, locaOff + 4 * gid), (int)Be.U32(b, locaOff + 4 * gid + 4))
                : (2 * Be.U16(b, locaOff + 2 * gid), 2 * Be.U16(b, locaOff + 2 * gid + 2));
        }

        // New ids: the given order, then components of composite glyphs as they are found.
        var order = new List<ushort>(glyphs);
        var newId = new Dictionary<ushort, ushort>(glyphs.Count * 2);
        for (int i = 0; i < order.Count; i++) newId.TryAdd(order[i], (ushort)i);
        for (int i = 0; i < order.Count; i++)
        {
            var (s, e) = Locate(b, order[i], numGlyphs, longLoca, locaOff);
            face.Ensure(glyfOff + (long)s, e - s);
            if (e - s < 10 || Be.S16(b, glyfOff + s) >= 0) continue;
            foreach (var (_, component) in Components(b, glyfOff + s, glyfOff + e))
                if (newId.TryAdd(component, (ushort)order.Count)) order.Add(component);
        }
        if (order.Count > ushort.MaxValue) throw new FontFormatException($"{face.Path}: 子集字形过多");

        // glyf and loca (long offsets), each glyph padded to 4 bytes. Sized up front: a CJK body font's glyf is hundreds of KB,
        // and a growing buffer would leave several large-object-heap arrays behind per report.
        int glyfSize = 0;
        foreach (var gid in order) { var (s0, e0) = Locate(b, gid, numGlyphs, longLoca, locaOff); glyfSize += e0 > s0 ? (e0 - s0 + 3) & ~3 : 0; }
        var glyf = new MemoryStream(glyfSize);
        var loca = new byte[4 * (order.Count + 1)];
        for (int i = 0; i < order.Count; i++)
        {
            Be.W32(loca, 4 * i, (uint)glyf.Length);
            var (s, e) = Locate(b, order[i], numGlyphs, longLoca, locaOff);
            if (e <= s) continue;
            var g = b.Slice(glyfOff + s, e - s).ToArray();
            if (g.Length >= 10 && Be.S16(g, 0) < 0)
                foreach (var (at, component) in Components(g, 0, g.Length))
                    Be.W16(g, at, newId[component]);
            if (!keepHinting) g = WithoutInstructions(g);
            glyf.Write(g);
            while (glyf.Length % 4 != 0) glyf.WriteByte(0);
        }
        Be.W32(loca, 4 * order.Count, (uint)glyf.Length);

        // hmtx: one full metric per glyph.
        int hmtxOff = hmtxAt.Off, numberOfHMetrics = Be.U16(b, hheaAt.Off + 34);
        var hmtx = new byte[4 * order.Count];
        for (int i = 0; i < order.Count; i++)
        {
            int gid = order[i];
            int adv = Be.U16(b, hmtxOff + 4 * Math.Min(gid, numberOfHMetrics - 1));
            int lsb = gid < numberOfHMetrics ? Be.U16(b, hmtxOff + 4 * gid + 2) : Be.U16(b, hmtxOff + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics));
            Be.W16(hmtx, 4 * i, (ushort)adv);
            Be.W16(hmtx, 4 * i + 2, (ushort)lsb);
        }

        var head = Copy(b, headAt);
        Be.W32(head, 8, 0);          // checkSumAdjustment, set below
        Be.W16(head, 50, 1);         // indexToLocFormat: long
        var hhea = Copy(b, hheaAt);
        Be.W16(hhea, 34, (ushort)order.Count);
        var maxp = Copy(b, maxpAt);
        Be.W16(maxp, 4, (ushort)order.Count);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = glyf.Length == glyf.Capacity ? glyf.GetBuffer() : glyf.ToArray(),
            ["head"] = head,
            ["hhea"] = hhea,
            ["hmtx"] = hmtx,
            ["loca"] = loca,
            ["maxp"] = maxp,
        };
        foreach (var (tag, at) in hints) tables[tag] = Copy(b, at);
        return Write(tables);
    }

    /// <summary>The glyph with its hinting instructions cut out (a simple glyph's, or those after a composite's last component).</summary>
    private static byte[] WithoutInstructions(byte[] g)
    {
        if (g.Length < 10) return g;
        int contours = Be.S16(g, 0);
        if (contours >= 0)
        {
            int at = 10 + 2 * contours;
            if (at + 2 > g.Length) return g;
            int length = Be.U16(g, at);
            if (length == 0 || at + 2 + length > g.Length) return g;
            var o = new byte[g.Length - length];
            g.AsSpan(0, at).CopyTo(o);
            g.AsSpan(at + 2 + length).CopyTo(o.AsSpan(at + 2));   // instructionLength is now 0
            return o;
        }
        const int HaveInstructions = 0x100;
        var components = Components(g, 0, g.Length);
        if (components.Count == 0) return g;
        int lastFlagsAt = components[^1].At - 2;
        int flags = Be.U16(g, lastFlagsAt);
        if ((flags & HaveInstructions) == 0) return g;
        Components(g, 0, g.Length, out int end);
        var c = g.AsSpan(0, (end + 1) & ~1).ToArray();
        Be.W16(c, lastFlagsAt, (ushort)(flags & ~HaveInstructions));
        return c;
    }

    /// <summary>(offset of the glyphIndex field, component glyph id) of each component of a composite glyph.</summary>
    private static List<(int At, ushort Glyph)> Components(ReadOnlySpan<byte> g, int start, int end) => Components(g, start, end, out _);

    /// <param name="after">Where the component records end: the composite's instructions, if any, follow.</param>
    private static List<(int At, ushort Glyph)> Components(ReadOnlySpan<byte> g, int start, int end, out int after)
    {
        const int ArgsAreWords = 0x1, HaveScale = 0x8, MoreComponents = 0x20, HaveXYScale = 0x40, HaveTwoByTwo = 0x80;
        var list = new List<(int, ushort)>();
        int p = start + 10;
        while (p + 4 <= end)
        {
            int flags = Be.U16(g, p);
            list.Add((p + 2 - start, (ushort)Be.U16(g, p + 2)));
            p += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            if ((flags & HaveScale) != 0) p += 2;
            else if ((flags & HaveXYScale) != 0) p += 4;
            else if ((flags & HaveTwoByTwo) != 0) p += 8;
            if ((flags & MoreComponents) == 0) break;
        }
        after = p;
        return list;
    }

    private static byte[] Copy(ReadOnlySpan<byte> b, (int Off, int Len) t) => b.Slice(t.Off, t.Len).ToArray();

    /// <summary>An sfnt with the tables in tag order, 4-byte aligned, with correct checksums.</summary>
    private static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        int n = tables.Count, entrySelector = (int)Math.Floor(Math.Log2(n)), searchRange = 16 << entrySelector;
        int size = 12 + 16 * n + tables.Values.Sum(v => (v.Length + 3) & ~3);
        var o = new byte[size];
        Be.W32(o, 0, 0x00010000);
        Be.W16(o, 4, (ushort)n);
        Be.W16(o, 6, (ushort)searchRange);
        Be.W16(o, 8, (ushort)entrySelector);
        Be.W16(o, 10, (ushort)(16 * n - searchRange));
        int pos = 12 + 16 * n, r = 12, headAt = 0;
        foreach (var (tag, data) in tables)
        {
            for (int i = 0; i < 4; i++) o[r + i] = (byte)tag[i];
            Be.W32(o, r + 4, Checksum(data));
            Be.W32(o, r + 8, (uint)pos);
            Be.W32(o, r + 12, (uint)data.Length);
            data.CopyTo(o, pos);
            if (tag == "head") headAt = pos;
            pos += (data.Length + 3) & ~3;
            r += 16;
        }
        Be.W32(o, headAt + 8, 0xB1B0AFBA - Checksum(o));
        return o;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        int i = 0;
        for (; i + 4 <= data.Length; i += 4) sum += Be.U32(data, i);
        if (i < data.Length)
        {
            uint last = 0;
            for (int k = 0; k < 4; k++) last = last << 8 | (i + k < data.Length ? data[i + k] : 0u);
            sum += last;
        }
        return sum;
    }
}
