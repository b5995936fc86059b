using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// A font file's bytes, addressed by their offsets in the file. Small files outside the system-wide font folders, such as the
/// licensed 仿宋_GB2312.ttf a user copies into a font folder (perhaps over an older copy, while `docgen watch` runs), are read
/// whole: no later change to the file can disturb them. The others, the 4–30 MB CJK faces of the distribution, are read
/// sparsely: only the pages of the tables and glyphs a report uses are read (<see cref="Ensure"/>), into memory reserved for the
/// whole file but never touched elsewhere, so it costs nothing. Mapping the file instead made a cold report resident with
/// about 18 MB of font pages, because the kernel maps 64 KB around every page touched (BENCHMARKS.md, fifth round). The file
/// stays open, so a package update that renames a new file into place leaves this one readable; a file truncated in place is
/// a clear error (<see cref="FontFormatException"/>), where a mapping would have crashed the process.
/// Faces are cached for the life of the process, so neither the handle nor the memory is ever released.
/// </summary>
internal sealed unsafe class FontFile
{
    /// <summary>Files up to this size outside the system-wide font folders are read whole.</summary>
    private const long ReadWholeUpTo = 16 << 20;

    private const int PageShift = 12;

    private readonly byte[]? _bytes;
    private readonly byte* _sparse;
    private readonly SafeFileHandle? _handle;
    private readonly long[]? _loaded;
    private readonly string _path;
    private readonly Lock _reading = new();

    public int Length { get; }

    /// <summary>The file's bytes; in a sparse file only the ranges passed to <see cref="Ensure"/> hold them, the rest reads as zero.</summary>
    public ReadOnlySpan<byte> Span => _bytes ?? new ReadOnlySpan<byte>(_sparse, Length);

    private FontFile(string path, byte[]? bytes, SafeFileHandle? handle, int length)
    {
        _path = path;
        _bytes = bytes;
        Length = length;
        if (handle is null) return;
        _handle = handle;
        _sparse = (byte*)NativeMemory.Alloc((nuint)length);
        _loaded = new long[((length >> PageShift) + 64) / 64];
    }

    public static FontFile Open(string path)
    {
        long length = new FileInfo(path).Length;
        if (length is 0 or > int.MaxValue) throw new FontFormatException($"{path}: 文件大小不对（{length} 字节）");
        if (length <= ReadWholeUpTo && !SystemFontFolders.IsSystemWide(path))
        {
            var bytes = File.ReadAllBytes(path);
            return new FontFile(path, bytes, null, bytes.Length);
        }
        return new FontFile(path, null, File.OpenHandle(path), (int)length);
    }

    /// <summary>Makes [offset, offset + length) of <see cref="Span"/> hold the file's bytes (whole pages are read); thread-safe.</summary>
    public void Ensure(long offset, long length)
    {
        if (_loaded is null || length <= 0) return;
        if (offset < 0 || offset + length > Length) throw new FontFormatException($"{_path}: 表或字形超出文件范围，文件已损坏");
        int first = (int)(offset >> PageShift), last = (int)((offset + length - 1) >> PageShift);
        if (AllLoaded(first, last)) return;
        lock (_reading)
        {
            for (int page = first; page <= last;)
            {
                if (IsLoaded(page)) { page++; continue; }
                int run = page;
                while (run + 1 <= last && !IsLoaded(run + 1)) run++;
                long from = (long)page << PageShift, to = Math.Min(Length, ((long)run + 1) << PageShift);
                var target = new Span<byte>(_sparse + from, (int)(to - from));
                for (int done = 0; done < target.Length;)
                {
                    int n = RandomAccess.Read(_handle!, target[done..], from + done);
                    if (n <= 0) throw new FontFormatException($"{_path} 读取不完整（文件在使用中被截短？）");
                    done += n;
                }
                for (int p = page; p <= run; p++) Volatile.Write(ref _loaded[p >> 6], _loaded[p >> 6] | 1L << (p & 63));
                page = run + 1;
            }
        }
    }

    private bool IsLoaded(int page) => (Volatile.Read(ref _loaded![page >> 6]) & 1L << (page & 63)) != 0;

    private bool AllLoaded(int first, int last)
    {
        for (int page = first; page <= last; page++)
            if (!IsLoaded(page)) return false;
        return true;
    }
}
