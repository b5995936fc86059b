using System.Runtime.InteropServices;

namespace DocGen.Engine;

/// <summary>
/// Which file a path names on disk, seen through symbolic links, hard links and different spellings of the same folder:
/// device and inode on Linux (statx), the fully resolved path elsewhere. Used to refuse an output that would replace an input.
/// </summary>
public static class FileIdentity
{
    /// <summary>True when both paths exist and are the same file (one inode: also two hard links, or a link and its target).</summary>
    public static bool Same(string a, string b) => Of(a).Same(Of(b));

    /// <summary>What <see cref="Same"/> compares of a path, each piece read from the disk at most once, when first needed.</summary>
    public static PathIdentity Of(string path) => new(path);

    /// <summary>
    /// A path's full spelling, inode and resolved path, each looked up once: a batch compares every output with every input,
    /// and looking both up again for each pair made the check quadratic (9 % of a 200-report batch's CPU in stat calls, perf).
    /// One thread at a time, except once <see cref="Settle"/> has looked everything up: then it only reads, and may be shared.
    /// </summary>
    public sealed class PathIdentity(string path)
    {
        private string? _full;
        private (ulong Device, ulong Inode)? _inode;
        private string? _resolved;
        private int _looked;   // bits: 1 inode, 2 resolved, 4 exists-or-link, 8 its value

        public string Path => path;

        /// <summary>How many of the lookups that touch the disk this identity has made (at most three).</summary>
        public int DiskLookups { get; private set; }

        private string Full => _full ??= System.IO.Path.GetFullPath(path);

        private (ulong Device, ulong Inode)? InodeOnce()
        {
            if ((_looked & 1) == 0) { _inode = Inode(path); DiskLookups++; _looked |= 1; }
            return _inode;
        }

        private string? ResolvedOnce()
        {
            if ((_looked & 2) == 0) { _resolved = Resolved(path); DiskLookups++; _looked |= 2; }
            return _resolved;
        }

        private bool ExistsOrLink()
        {
            if ((_looked & 4) == 0) { _looked |= (File.Exists(path) || IsLink(path) ? 8 : 0) | 4; DiskLookups++; }
            return (_looked & 8) != 0;
        }

        /// <summary>Looks every piece up now (a batch's inputs, before the renders that compare with them start).</summary>
        public PathIdentity Settle()
        {
            _ = Full;
            InodeOnce();
            ResolvedOnce();
            ExistsOrLink();
            return this;
        }

        public bool Same(PathIdentity other)
        {
            if (string.Equals(Full, other.Full, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                return ExistsOrLink();
            if (OperatingSystem.IsLinux() && InodeOnce() is { } ia && other.InodeOnce() is { } ib) return ia == ib;
            return ResolvedOnce() is { } ra && other.ResolvedOnce() is { } rb
                && string.Equals(ra, rb, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
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
