using DocGen.Model;

namespace DocGen.Engine;

/// <summary>
/// Writes each output to a hidden temporary file in the target folder, then renames it into place once every format of the
/// report has been written. A failure or kill never leaves a partial file under the real name and never touches an existing one.
/// </summary>
public static class AtomicOutput
{
    public const string TempMarker = ".docgen-tmp";

    public static IReadOnlyList<string> WriteAll(string outDir, string baseName, Document document, IReadOnlyList<IDocumentWriter> writers,
        CancellationToken cancel = default)
    {
        try { Directory.CreateDirectory(outDir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Io("E-IO-OUTDIR", $"无法创建输出文件夹：{e.Message}", outDir);
        }
        var temps = new List<(string Temp, string Final)>();
        try
        {
            foreach (var w in writers)
            {
                cancel.ThrowIfCancellationRequested();
                string final = Path.Combine(outDir, baseName + w.Extension);
                string temp = Path.Combine(outDir, $".{baseName}{w.Extension}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempMarker}");
                temps.Add((temp, final));
                using (var stream = OpenTemp(temp))
                {
                    w.Write(document, stream);
                    stream.Flush(flushToDisk: true);
                }
            }
            cancel.ThrowIfCancellationRequested();
            foreach (var (temp, final) in temps)
            {
                try { File.Move(temp, final, overwrite: true); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw Io("E-IO-WRITE", $"无法写入 {Path.GetFileName(final)}（文件可能被其他程序占用或只读）：{e.Message}", final);
                }
            }
            return temps.Select(t => t.Final).ToList();
        }
        finally
        {
            foreach (var (temp, _) in temps)
                try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

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
