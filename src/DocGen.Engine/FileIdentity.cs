using System.Runtime.InteropServices;

namespace DocGen.Engine;

/// <summary>
/// Which file a path names on disk, seen through symbolic links, hard links and different spellings of the same folder:
/// device and inode on Linux (statx), the fully resolved path elsewhere. Used to refuse an output that would replace an input.
/// </summary>
public static class FileIdentity
{
    /// <summary>True when both paths exist and are the same file (one inode: also two hard links, or a link and its target).</summary>
    public static bool Same(string a, string b)
    {
        if (string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            return File.Exists(a) || IsLink(a);
        if (OperatingSystem.IsLinux() && Inode(a) is { } ia && Inode(b) is { } ib) return ia == ib;
        return Resolved(a) is { } ra && Resolved(b) is { } rb
            && string.Equals(ra, rb, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>
    /// A key that changes when the path comes to name another file or folder (removed and made again): device and inode on Linux,
    /// else the resolved path and creation time; null when nothing is there.
    /// </summary>
    public static string? Key(string path)
    {
        if (OperatingSystem.IsLinux() && Inode(path) is { } id) return $"{id.Device}:{id.Inode}";
        if (!File.Exists(path) && !Directory.Exists(path)) return null;
        try { return $"{Resolved(path) ?? Path.GetFullPath(path)}|{File.GetCreationTimeUtc(path).Ticks}"; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>A symbolic link (live or dangling) stands at this path.</summary>
    public static bool IsLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>The path with every symbolic link of the folders and the file itself followed; null when it does not exist.</summary>
    private static string? Resolved(string path)
    {
        try
        {
            var full = new FileInfo(Path.GetFullPath(path));
            string folder = full.Directory?.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full.DirectoryName ?? "";
            var file = new FileInfo(Path.Combine(folder, full.Name));
            var target = file.ResolveLinkTarget(returnFinalTarget: true);
            if (target is not null) return target.Exists ? target.FullName : null;
            return file.Exists ? file.FullName : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>(device, inode) of the file the path leads to (links followed); null when it cannot be stat'ed.</summary>
    private static (ulong Device, ulong Inode)? Inode(string path)
    {
        // struct statx has one layout on every Linux architecture (include/uapi/linux/stat.h): stx_ino at byte 32,
        // stx_dev_major and stx_dev_minor at bytes 136 and 140 of its 256 bytes.
        var buffer = new byte[256];
        try
        {
            if (statx(AtFdCwd, path, 0, StatxIno, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
        ulong inode = BitConverter.ToUInt64(buffer, 32);
        ulong device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return (device, inode);
    }

    private const int AtFdCwd = -100;
    private const uint StatxIno = 0x100;

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
