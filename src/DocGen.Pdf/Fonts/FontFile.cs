using System.IO.MemoryMappedFiles;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// A font file's bytes. Large files (the 20–30 MB CJK faces of the distribution) are mapped read-only: a report touches a
/// few MB of them (cmap, hmtx, the glyphs it draws), so mapping saves copying the rest at every cold start and keeps it out
/// of the process's memory (BENCHMARKS.md). Faces are cached for the life of the process, so a view is never released.
/// A mapped file truncated in place would fault when read; packages replace files by renaming, which leaves the mapped copy
/// intact, so every file in a system-wide font folder (<see cref="SystemFontFolders.IsSystemWide"/>, the package manager's) is mapped
/// whatever its size: reading the 4–5 MB stand-ins of the 楷体 and 黑体 roles whole cost a cold report about 10 MB of memory and 4 % of its
/// time (BENCHMARKS.md). Smaller files elsewhere, such as the licensed 仿宋_GB2312.ttf a user copies into a font folder (perhaps
/// over an older copy, while `docgen watch` runs), are read into memory instead, which no later change to the file can disturb.
/// </summary>
internal sealed unsafe class FontFile
{
    /// <summary>Files up to this size outside the system-wide font folders are read, larger ones mapped.</summary>
    private const long MapAbove = 16 << 20;

    private readonly byte[]? _bytes;
    private readonly MemoryMappedViewAccessor? _view;

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _bytes ?? new ReadOnlySpan<byte>((byte*)_view!.SafeMemoryMappedViewHandle.DangerousGetHandle() + _view.PointerOffset, Length);

    private FontFile(byte[]? bytes, MemoryMappedViewAccessor? view, int length)
    {
        _bytes = bytes;
        _view = view;
        Length = length;
    }

    public static FontFile Open(string path)
    {
        long length = new FileInfo(path).Length;
        if (length is 0 or > int.MaxValue) throw new FontFormatException($"{path}: 文件大小不对（{length} 字节）");
        if (length <= MapAbove && !SystemFontFolders.IsSystemWide(path))
        {
            var bytes = File.ReadAllBytes(path);
            return new FontFile(bytes, null, bytes.Length);
        }
        // The view stays valid after the mapping object is closed.
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        return new FontFile(null, map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), (int)length);
    }
}
