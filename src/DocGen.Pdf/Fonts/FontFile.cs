using System.IO.MemoryMappedFiles;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// A font file mapped read-only into memory. CJK faces are 20–30 MB and a report touches a few MB of them (cmap, hmtx,
/// the glyphs it draws): mapping instead of reading the whole file saves the copy at every cold start and keeps the
/// untouched pages out of the process's memory (BENCHMARKS.md). Faces are cached for the life of the process, so the
/// view is never released. A font file truncated in place while DocGen runs would fault; packages and font folders
/// replace files by renaming, which leaves the mapped copy intact.
/// </summary>
internal sealed unsafe class FontFile
{
    private readonly MemoryMappedViewAccessor _view;

    public int Length { get; }

    public ReadOnlySpan<byte> Span => new((byte*)_view.SafeMemoryMappedViewHandle.DangerousGetHandle() + _view.PointerOffset, Length);

    private FontFile(MemoryMappedViewAccessor view, int length)
    {
        _view = view;
        Length = length;
    }

    public static FontFile Open(string path)
    {
        long length = new FileInfo(path).Length;
        if (length is 0 or > int.MaxValue) throw new FontFormatException($"{path}: 文件大小不对（{length} 字节）");
        // The view stays valid after the mapping object is closed.
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        return new FontFile(map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), (int)length);
    }
}
