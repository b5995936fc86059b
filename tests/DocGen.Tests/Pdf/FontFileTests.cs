using DocGen.Pdf.Fonts;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>Large and system-wide font files are read page by page, only where a report needs them.</summary>
public class FontFileTests
{
    private const string Noto = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";

    [Fact]
    public void A_sparse_file_holds_the_files_bytes_wherever_they_were_ensured_and_reads_nothing_else()
    {
        Assert.True(File.Exists(Noto), $"this test needs {Noto} (scripts/ensure-deps.sh)");
        var file = FontFile.Open(Noto);
        var whole = File.ReadAllBytes(Noto);
        Assert.Equal(whole.Length, file.Length);
        var random = new Random(3);
        var ranges = Enumerable.Range(0, 200).Select(_ => (Offset: random.Next(whole.Length - 5000), Length: random.Next(1, 5000)))
            .Append((Offset: 0, Length: 12)).Append((Offset: whole.Length - 7, Length: 7)).ToList();
        Parallel.ForEach(ranges, r => file.Ensure(r.Offset, r.Length));
        foreach (var (offset, length) in ranges)
            Assert.True(file.Span.Slice(offset, length).SequenceEqual(whole.AsSpan(offset, length)), $"bytes {offset}+{length}");
        // Pages never asked for were never read: the process does not hold the 20 MB file.
        int untouched = Enumerable.Range(0, whole.Length >> 12)
            .Count(page => !ranges.Any(r => r.Offset >> 12 <= page && page <= (r.Offset + r.Length - 1) >> 12) && file.Span.Slice(page << 12, 4096).IndexOfAnyExcept((byte)0) < 0);
        Assert.True(untouched > (whole.Length >> 12) * 9 / 10, $"{untouched} of {whole.Length >> 12} pages");
    }

    [Fact]
    public void Every_table_reached_through_the_face_holds_the_files_bytes_and_the_outlines_are_not_read_whole()
    {
        var face = FontFace.Load(Noto, 2);
        var whole = File.ReadAllBytes(Noto);
        // Tables no reader of DocGen uses today (GSUB, vmtx, VORG…) too: a new reader gets the bytes, never zeros.
        foreach (string tag in new[] { "BASE", "GPOS", "GSUB", "OS/2", "VORG", "cmap", "head", "hhea", "hmtx", "maxp", "name", "post", "vhea", "vmtx" })
        {
            Assert.True(face.TryTable(tag, out var at), tag);
            Assert.True(face.Bytes.Slice(at.Off, at.Len).SequenceEqual(whole.AsSpan(at.Off, at.Len)), $"table {tag}");
        }
        Assert.False(face.TryTable("glyf", out _));
        Assert.Throws<FontFormatException>(() => face.Table("kern"));
        var (cff, length) = face.Table("CFF ");
        int zeroPages = Enumerable.Range(0, length >> 12).Count(i => face.Bytes.Slice(cff + (i << 12), 4096).IndexOfAnyExcept((byte)0) < 0);
        Assert.True(zeroPages > (length >> 12) * 9 / 10, $"the CFF table was read whole: {zeroPages} of {length >> 12} pages unread");
    }

    [Fact]
    public void A_large_font_file_truncated_while_open_is_a_font_error_not_a_crash()
    {
        string path = Path.Combine(DataFiles.TempDir(), "big.ttf");
        var bytes = new byte[17 << 20];
        new Random(5).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var file = FontFile.Open(path);
        file.Ensure(0, 4096);
        using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(1 << 20);
        var e = Assert.Throws<FontFormatException>(() => file.Ensure(10 << 20, 100));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.True(file.Span[..4096].SequenceEqual(bytes.AsSpan(0, 4096)), "what was read before stays");
    }

    [Fact]
    public void A_range_outside_the_file_is_a_font_error()
    {
        var file = FontFile.Open(Noto);
        Assert.Throws<FontFormatException>(() => file.Ensure(file.Length - 10, 20));
        Assert.Throws<FontFormatException>(() => file.Ensure(-1, 20));
    }
}
