using DocGen.Model;

namespace DocGen.Engine;

/// <summary>
/// Writes each output to a hidden temporary file in the target folder, then renames it into place once every format of the
/// report has been written. A failure or kill never leaves a partial file under the real name and never touches an existing one.
/// </summary>
public static class AtomicOutput
{
    public const string TempMarker = TemporaryFiles.TempMarker;

    /// <param name="formatsInParallel">Write the formats at the same time (a DOCX and a PDF are independent): worth it when cores
    /// would otherwise idle, as for a single report; a batch already keeps every core busy with whole reports.</param>
    /// <param name="force">Replace a read-only output or a symbolic link standing at an output name (--force).</param>
    public static IReadOnlyList<string> WriteAll(string outDir, string baseName, Document document, IReadOnlyList<IDocumentWriter> writers,
        CancellationToken cancel = default, bool formatsInParallel = false, bool force = false)
    {
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Io(DiagnosticCatalog.IoOutDir, $"无法创建输出文件夹：{OutDirReason(outDir, e)}", $"cannot create the output folder: {e.Message}", outDir);
        }
        var finals = writers.Select(w => Path.Combine(outDir, baseName + w.Extension)).ToList();
        foreach (var final in finals) OutputTarget.Check(final, force);
        cancel.ThrowIfCancellationRequested();

        TemporaryFiles files;
        try { files = TemporaryFiles.Begin(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Io(DiagnosticCatalog.IoWrite, $"无法在输出文件夹中写文件：{IoReason.Chinese(e)}", $"cannot write files in the output folder: {e.Message}", outDir);
        }
        using (files)
        {
            var temps = finals.Select(f => files.Temp(Path.GetFileName(f))).ToList();
            var observed = document with { Blocks = new CancellableBlocks(document.Blocks, cancel) };
            void WriteOne(int i)
            {
                cancel.ThrowIfCancellationRequested();
                string temp = temps[i], final = finals[i];
                try
                {
                    using (var stream = new CancellableStream(OpenTemp(temp, final), cancel))
                    {
                        writers[i].Write(observed, stream);
                        stream.Flush(flushToDisk: true);
                    }
                    OutputTarget.KeepMode(final, temp);
                }
                catch (IOException e)
                {
                    string reason = OutputTarget.Reason(e, temp, final), name = Path.GetFileName(final);
                    throw IsDiskFull(e)
                        ? Io(DiagnosticCatalog.IoDiskFull, $"磁盘空间不足，无法写完 {name}；已有的文件保持不变。请清理磁盘后重试",
                            $"the disk is full: {name} could not be written; existing files are unchanged. Free some space and retry ({reason})", final)
 : Io(DiagnosticCatalog.IoWrite, $"写入 {name} 时出错，已有的文件保持不变：{IoReason.Chinese(e)}", $"writing {name} failed; existing files are unchanged: {reason}", final);
                }
            }
            if (formatsInParallel && writers.Count > 1)
            {
                // Every format runs to its end (so no writer still holds a temporary file when they are cleaned up); the first
                // failure in format order is the one reported, as in the sequential case.
                var failures = new Exception?[writers.Count];
                Parallel.For(0, writers.Count, i =>
                {
                    try { WriteOne(i); }
                    catch (Exception e) { failures[i] = e; }
                });
                if (failures.FirstOrDefault(f => f is not null) is { } failure)
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
            else
            {
                for (int i = 0; i < writers.Count; i++) WriteOne(i);
            }
            cancel.ThrowIfCancellationRequested();
            Commit(files, temps, finals);
            return finals;
        }
    }

    /// <summary>
    /// Renames every temporary file into place. Replacing a file by rename needs no copy of it; only when a later rename of the
    /// same report could still fail is the file it replaces kept, as a hard link (no bytes copied, so a full disk cannot leave a
    /// partial copy), to put the old set back. Where hard links are not supported the old file is renamed aside instead.
    /// </summary>
    private static void Commit(TemporaryFiles files, List<string> temps, List<string> finals)
    {
        lock (TemporaryFiles.CommitGate)
        {
            var kept = new string?[finals.Count];
            var movedAside = new bool[finals.Count];
            for (int i = 0; i < finals.Count - 1; i++)
            {
                if (!File.Exists(finals[i]) && !FileIdentity.IsLink(finals[i])) continue;
                kept[i] = files.Backup(Path.GetFileName(finals[i]));
                if (TemporaryFiles.TryHardLink(finals[i], kept[i]!)) continue;
                try { File.Move(finals[i], kept[i]!); movedAside[i] = true; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Undo(finals, kept, movedAside, committed: 0);
                    throw RenameFailed(finals[i], e, OutputTarget.Reason(e, kept[i]!, finals[i]));
                }
            }
            for (int i = 0; i < finals.Count; i++)
            {
                try { File.Move(temps[i], finals[i], overwrite: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Undo(finals, kept, movedAside, committed: i);
                    throw RenameFailed(finals[i], e, OutputTarget.Reason(e, temps[i], finals[i]));
                }
            }
        }
    }

    /// <summary>Puts the old files back: the first <paramref name="committed"/> outputs were replaced, later ones may have been moved aside.</summary>
    private static void Undo(List<string> finals, string?[] kept, bool[] movedAside, int committed)
    {
        for (int i = 0; i < finals.Count; i++)
        {
            try
            {
                if (kept[i] is { } old && (i < committed || movedAside[i])) File.Move(old, finals[i], overwrite: true);
                else if (i < committed) File.Delete(finals[i]);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static DocGenException RenameFailed(string final, Exception e, string reason)
    {
        string name = Path.GetFileName(final);
        return Io(DiagnosticCatalog.IoWrite, $"无法写入 {name}（文件可能被其他程序占用或只读），已有的文件保持不变：{IoReason.Chinese(e)}",
            $"cannot write {name} (it may be open in another program or read-only); existing files are unchanged: {reason}", final);
    }

    /// <summary>The usual cause said plainly: a part of the path is a file (the system only says the folder does not exist).</summary>
    private static string OutDirReason(string outDir, Exception e)
    {
        for (string? d = Path.GetFullPath(outDir); d is not null; d = Path.GetDirectoryName(d))
            if (File.Exists(d)) return $"{d} 是一个文件，不是文件夹";
        return IoReason.Chinese(e);
    }

    /// <summary>ENOSPC (28) and EDQUOT (122) on Linux, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows: decided by the error
    /// code .NET puts in HResult (the raw errno on Unix), never by the English text of the message.</summary>
    private static bool IsDiskFull(Exception e) =>
        e is IOException && (OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 0x70 or 0x27 : e.HResult is 28 or 122);

    private static FileStream OpenTemp(string temp, string final)
    {
        try { return new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Io(DiagnosticCatalog.IoWrite, $"无法在输出文件夹中写文件：{IoReason.Chinese(e)}", $"cannot write files in the output folder: {OutputTarget.Reason(e, temp, final)}", final);
        }
    }

    /// <summary>Removes temporary files killed runs left behind (see <see cref="TemporaryFiles.CleanStale"/>).</summary>
    public static void CleanStale(string outDir) => TemporaryFiles.CleanStale(outDir);

    internal static DocGenException Io(DiagnosticKind kind, string zh, string en, string file) => kind.Fail(zh, en, file);
}
