using DocGen.Model;

namespace DocGen.Engine;

/// <summary>
/// Writes each output to a hidden temporary file in the target folder, then renames it into place once every format of the
/// report has been written. A failure or kill never leaves a partial file under the real name and never touches an existing one.
/// </summary>
public static class AtomicOutput
{
    public const string TempMarker = ".docgen-tmp";

    /// <param name="formatsInParallel">Write the formats at the same time (a DOCX and a PDF are independent): worth it when cores
    /// would otherwise idle, as for a single report; a batch already keeps every core busy with whole reports.</param>
    public static IReadOnlyList<string> WriteAll(string outDir, string baseName, Document document, IReadOnlyList<IDocumentWriter> writers,
        CancellationToken cancel = default, bool formatsInParallel = false)
    {
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Io("E-IO-OUTDIR", $"无法创建输出文件夹：{e.Message}", outDir);
        }
        var temps = new List<(string Temp, string Final)>();
        var backups = new List<(string Backup, string Final)>();
        var committed = new List<string>();
        try
        {
            foreach (var w in writers)
            {
                string final = Path.Combine(outDir, baseName + w.Extension);
                if (Directory.Exists(final))
                    throw Io("E-IO-WRITE", $"无法写入 {Path.GetFileName(final)}：同名的文件夹已存在", final);
                temps.Add((TempName(outDir, baseName + w.Extension), final));
            }
            void WriteOne(int i)
            {
                cancel.ThrowIfCancellationRequested();
                var (temp, final) = temps[i];
                try
                {
                    using var stream = OpenTemp(temp);
                    writers[i].Write(document, stream);
                    stream.Flush(flushToDisk: true);
                }
                catch (IOException e)
                {
                    throw Io(IsDiskFull(e) ? "E-IO-DISK-FULL" : "E-IO-WRITE", IsDiskFull(e)
                        ? $"磁盘空间不足，无法写完 {Path.GetFileName(final)}；已有的文件保持不变。请清理磁盘后重试（{e.Message}）"
                        : $"写入 {Path.GetFileName(final)} 时出错，已有的文件保持不变：{e.Message}", final);
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
            // Every format is complete on disk. Keep a copy of each file about to be replaced, so that a failure half-way
            // through the renames puts the old set back instead of leaving a new DOCX beside an old PDF.
            foreach (var (_, final) in temps.Where(t => File.Exists(t.Final)))
            {
                string backup = TempName(outDir, Path.GetFileName(final));
                try { File.Copy(final, backup); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw Io(IsDiskFull(e) ? "E-IO-DISK-FULL" : "E-IO-WRITE", $"无法替换 {Path.GetFileName(final)}（无法先保留原文件）：{e.Message}", final);
                }
                backups.Add((backup, final));
            }
            foreach (var (temp, final) in temps)
            {
                try { File.Move(temp, final, overwrite: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Restore(committed, backups);
                    throw Io("E-IO-WRITE", $"无法写入 {Path.GetFileName(final)}（文件可能被其他程序占用或只读）：{e.Message}", final);
                }
                committed.Add(final);
            }
            return temps.Select(t => t.Final).ToList();
        }
        finally
        {
            foreach (var path in temps.Select(t => t.Temp).Concat(backups.Select(b => b.Backup)))
                try { if (File.Exists(path)) File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string TempName(string outDir, string fileName) =>
        Path.Combine(outDir, $".{fileName}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempMarker}");

    /// <summary>Undoes the renames already done: old files come back from their copies, new ones that had none are removed.</summary>
    private static void Restore(List<string> committed, List<(string Backup, string Final)> backups)
    {
        foreach (var final in committed)
        {
            try
            {
                var backup = backups.FirstOrDefault(b => b.Final == final).Backup;
                if (backup is not null) File.Move(backup, final, overwrite: true);
                else File.Delete(final);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>ENOSPC (28) and EDQUOT (122) on Linux, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static bool IsDiskFull(Exception e) =>
        e is IOException && ((OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 0x70 or 0x27 : e.HResult is 28 or 122)
                             || e.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase));

    private static FileStream OpenTemp(string path)
    {
        try { return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Io("E-IO-WRITE", $"无法在输出文件夹中写文件：{e.Message}", path);
        }
    }

    /// <summary>Removes temporary files a killed run left behind (they never carry a real output name).</summary>
    public static void CleanStale(string outDir)
    {
        if (!Directory.Exists(outDir)) return;
        foreach (var f in Directory.EnumerateFiles(outDir, "*" + TempMarker))
        {
            // Only files of processes that are gone: a parallel run in the same folder keeps its own.
            var parts = Path.GetFileName(f).Split('.');
            if (parts.Length >= 3 && int.TryParse(parts[^3], out int pid) && ProcessAlive(pid)) continue;
            try { File.Delete(f); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool ProcessAlive(int pid)
    {
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static DocGenException Io(string id, string msg, string file) =>
        new(FailureKind.Io, [new Diagnostic(Severity.Error, id, msg, file)]);
}
