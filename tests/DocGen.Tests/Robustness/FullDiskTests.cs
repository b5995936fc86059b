using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// A real full disk (a small tmpfs), not a simulated one: replacing existing outputs when the new files just fit must neither
/// leave a hidden file behind nor damage the old outputs (a backup copy of the old output used to fill the disk and stay behind,
/// partial and hidden).
/// </summary>
public sealed class FullDiskTests
{
    private static readonly string Valid = CorpusCase.Load("valid-minimal").Input;

    [TmpfsFact]
    public void Replacing_outputs_on_a_nearly_full_disk_leaves_no_temporary_file()
    {
        string dir = DataFiles.TempDir(), input = Path.Combine(dir, "report.json");
        File.Copy(Valid, input);
        var renderer = new ReportRenderer(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], []));
        var first = renderer.Render(input, Path.Combine(dir, "sizes"));
        Assert.True(first.Ok, string.Join("\n", first.Diagnostics));
        long newBytes = first.Outputs.Sum(f => new FileInfo(f).Length);

        using var disk = new Tmpfs(Path.Combine(dir, "disk"), 4 * 1024 * 1024);
        // The old DOCX is large (a report with many pictures, say); after it, just room for the new files and a little more:
        // no room for a second copy of the old DOCX.
        const long oldDocx = 1024 * 1024;
        File.WriteAllBytes(Path.Combine(disk.Path, "report.docx"), new byte[oldDocx]);
        File.WriteAllText(Path.Combine(disk.Path, "report.pdf"), "old pdf");
        long free = new DriveInfo(disk.Path).AvailableFreeSpace;
        long filler = free - newBytes - 256 * 1024;
        Assert.True(filler > 0, $"tmpfs too small: {free} free for {newBytes} bytes");
        using (var fs = new FileStream(Path.Combine(disk.Path, "filler"), FileMode.CreateNew)) fs.Write(new byte[filler]);

        var o = renderer.Render(input, disk.Path);

        Assert.DoesNotContain(Directory.GetFiles(disk.Path), f => Path.GetFileName(f).StartsWith('.'));
        if (o.Ok)
        {
            Assert.Equal("PK"u8.ToArray(), File.ReadAllBytes(Path.Combine(disk.Path, "report.docx"))[..2]);
            Assert.StartsWith("%PDF", File.ReadAllText(Path.Combine(disk.Path, "report.pdf")));
        }
        else
        {
            Assert.Equal("E-IO-DISK-FULL", o.Diagnostics.Single(d => d.Severity == Severity.Error).Id);
            Assert.Equal(oldDocx, new FileInfo(Path.Combine(disk.Path, "report.docx")).Length);
            Assert.Equal("old pdf", File.ReadAllText(Path.Combine(disk.Path, "report.pdf")));
        }
        // Replacement by rename needs no second copy of the old file: with room for the new files, the render succeeds.
        Assert.True(o.Ok, string.Join("\n", o.Diagnostics));
    }

    [TmpfsFact]
    public void Disk_full_while_writing_leaves_old_outputs_and_no_temporary_file()
    {
        string dir = DataFiles.TempDir(), input = Path.Combine(dir, "report.json");
        File.Copy(Valid, input);
        using var disk = new Tmpfs(Path.Combine(dir, "disk"), 48 * 1024);
        File.WriteAllText(Path.Combine(disk.Path, "report.docx"), "old docx");
        File.WriteAllText(Path.Combine(disk.Path, "report.pdf"), "old pdf");

        var o = new ReportRenderer(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], [])).Render(input, disk.Path);

        var d = Assert.Single(o.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("E-IO-DISK-FULL", d.Id);
        Assert.DoesNotContain(TemporaryFiles.TempMarker, d.Message);
        Assert.Equal(["report.docx", "report.pdf"], Directory.GetFiles(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("old docx", File.ReadAllText(Path.Combine(disk.Path, "report.docx")));
    }
}

/// <summary>A fact that needs to mount a tmpfs (root, or CAP_SYS_ADMIN as in this project's containers); skipped elsewhere.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly string? Reason = Probe();

    public TmpfsFactAttribute()
    {
        if (Reason is { } r) Skip = r;
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "tmpfs is Linux only";
        try
        {
            using var t = new Tmpfs(Path.Combine(DataFiles.TempDir(), "probe"), 64 * 1024);
            return null;
        }
        catch (InvalidOperationException e) { return e.Message; }
    }
}

/// <summary>A small RAM disk of a fixed size, unmounted when disposed.</summary>
public sealed class Tmpfs : IDisposable
{
    public string Path { get; }

    public Tmpfs(string path, long bytes)
    {
        Path = Directory.CreateDirectory(path).FullName;
        if (ProcessRunner.Run("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", Path).ExitCode != 0)
            throw new InvalidOperationException("cannot mount a tmpfs here (needs root)");
    }

    public void Dispose() => ProcessRunner.Run("umount", Path);
}
