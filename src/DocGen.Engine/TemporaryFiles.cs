using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace DocGen.Engine;

/// <summary>
/// The hidden files of a write in progress and the rule that removes those a killed run left behind.
/// Each write holds a lock file (an exclusive flock, taken by FileShare.None on Unix) for as long as it has temporary files;
/// a leftover is removed only when its lock can be taken, i.e. when its writer is gone. A lock, unlike a process id, means the
/// same thing to renders in other PID namespaces (containers sharing a folder) and on other machines (NFS forwards locks).
/// </summary>
public sealed class TemporaryFiles : IDisposable
{
    public const string TempMarker = ".docgen-tmp";
    public const string LockMarker = ".docgen-lock";
    private const string BackupTag = ".old";

    /// <summary>Where locks do not bind (some network file systems), leftovers older than this are removed: no report takes an hour.</summary>
    private static readonly TimeSpan FallbackAge = TimeSpan.FromHours(1);

    /// <summary>Every temporary file of this process not yet removed, for <see cref="DeleteAllNow"/>.</summary>
    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);

    /// <summary>Held while outputs are being renamed into place: a forced exit waits for it, so a report's files are replaced all or none.</summary>
    public static readonly object CommitGate = new();

    private readonly string _folder;
    private readonly string _id;
    private readonly FileStream _lock;
    private readonly List<string> _files = [];

    private TemporaryFiles(string folder, string id, FileStream held)
    {
        _folder = folder;
        _id = id;
        _lock = held;
    }

    /// <summary>Takes a fresh lock in <paramref name="folder"/>; throws IOException when the folder is not writable.</summary>
    public static TemporaryFiles Begin(string folder)
    {
        for (int attempt = 0; ; attempt++)
        {
            string id = Guid.NewGuid().ToString("N");
            string path = Path.Combine(folder, "." + id + LockMarker);
            try
            {
                Live[path] = 0;
                return new TemporaryFiles(folder, id, new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (attempt < 3 && !File.Exists(path))
            {
                // A cleaner took the fresh file's lock for an instant before we could: try another name.
                Live.TryRemove(path, out _);
            }
            catch
            {
                Live.TryRemove(path, out _);
                throw;
            }
        }
    }

    /// <summary>A hidden name in the same folder (renames stay on one file system) that no real output can have.</summary>
    public string Temp(string fileName) => Track(Path.Combine(_folder, $".{fileName}.{_id}{TempMarker}"));

    /// <summary>The name under which an output about to be replaced is kept until the whole report is in place.</summary>
    public string Backup(string fileName) => Track(Path.Combine(_folder, $".{fileName}{BackupTag}.{_id}{TempMarker}"));

    private string Track(string path)
    {
        _files.Add(path);
        Live[path] = 0;
        return path;
    }

    /// <summary>Removes this write's temporary files, then its lock.</summary>
    public void Dispose()
    {
        foreach (var f in _files) Delete(f);
        string lockPath = _lock.Name;
        _lock.Dispose();
        Delete(lockPath);
    }

    private static void Delete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        Live.TryRemove(path, out _);
    }

    /// <summary>
    /// For a forced exit (a second signal, or a stage that does not stop in time): waits for a rename in progress to finish, then
    /// removes every temporary file of this process. The gate stays held so that no new rename starts before the process ends.
    /// </summary>
    public static void DeleteAllNow(TimeSpan waitForCommit)
    {
        Monitor.TryEnter(CommitGate, waitForCommit);
        foreach (var path in Live.Keys) Delete(path);
    }

    /// <summary>Removes what killed writers left in <paramref name="folder"/>; never a file of a write still running anywhere.</summary>
    public static void CleanStale(string folder)
    {
        if (!Directory.Exists(folder)) return;
        bool locksBind;
        try { locksBind = LocksBind(folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (var f in Directory.EnumerateFiles(folder, "*" + TempMarker))
        {
            string name = Path.GetFileName(f);
            var parts = name.Split('.');
            if (parts.Length < 4) continue;
            string lockPath = Path.Combine(folder, "." + parts[^2] + LockMarker);
            if (Live.ContainsKey(lockPath)) continue; // a write of this process
            if (locksBind ? IsHeld(lockPath) : DateTime.UtcNow - File.GetLastWriteTimeUtc(f) < FallbackAge) continue;
            // A kept copy whose output is missing is the old output itself (the run died between its renames): put it back.
            string stem = name[1..^(parts[^2].Length + 1 + TempMarker.Length)];
            string final = Path.Combine(folder, stem.EndsWith(BackupTag, StringComparison.Ordinal) ? stem[..^BackupTag.Length] : "");
            if (stem.EndsWith(BackupTag, StringComparison.Ordinal) && !File.Exists(final) && !FileIdentity.IsLink(final))
            {
                try { File.Move(f, final); continue; } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
            Delete(f);
        }
        foreach (var l in Directory.EnumerateFiles(folder, "*" + LockMarker))
        {
            if (Live.ContainsKey(l)) continue;
            if (locksBind ? !IsHeld(l) : DateTime.UtcNow - File.GetLastWriteTimeUtc(l) >= FallbackAge) Delete(l);
        }
    }

    /// <summary>Whether an exclusive lock on a file of this folder stops a second one: true on local disks and NFS with locking.</summary>
    private static bool LocksBind(string folder)
    {
        using var probe = Begin(folder);
        return IsHeld(probe._lock.Name);
    }

    /// <summary>The lock file exists and its lock is taken (by another process, or another handle of this one).</summary>
    private static bool IsHeld(string lockPath)
    {
        try
        {
            using var _ = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException) { return false; }
        catch (IOException) { return true; }
        catch (UnauthorizedAccessException) { return true; }
    }

    /// <summary>Links <paramref name="existing"/> under a second name without copying a byte (no disk space needed, never partial).</summary>
    internal static bool TryHardLink(string existing, string newName)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return link(existing, newName) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
}
