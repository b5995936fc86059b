using System.Diagnostics;
using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// An output never destroys an input, a full disk never leaves a hidden file, a read-only output
/// or a symbolic link at an output name is refused unless forced, and the leftovers of a killed run are removed by a lock, not by
/// guessing from a process id.
/// </summary>
public class OutputSafetyTests
{
    private static readonly string Valid = CorpusCase.Load("valid-minimal").Input;

    private static ReportRenderer DocxAndPdf(bool force = false) => new(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], [])) { Force = force };

    private static List<string> Leftovers(string dir) =>
        Directory.GetFiles(dir).Select(Path.GetFileName).Where(n => n!.StartsWith('.')).Select(n => n!).ToList();

    [Fact]
    public void Output_that_is_the_input_is_refused_and_the_input_kept()
    {
        string dir = DataFiles.TempDir(), input = Path.Combine(dir, "x.pdf");
        File.Copy(Valid, input);

        var o = DocxAndPdf().RenderAll([input], dir, parallelism: 1).Single();

        Assert.Equal(FailureKind.Io, o.Failure);
        var d = Assert.Single(o.Diagnostics);
        Assert.Equal("E-IO-OUTPUT-IS-INPUT", d.Id);
        Assert.Contains("x.pdf", d.Message);
        Assert.Equal(File.ReadAllBytes(Valid), File.ReadAllBytes(input));
        Assert.Equal(["x.pdf"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("hard")]
    [InlineData("symbolic")]
    [InlineData("folder")]
    public void Output_that_is_the_input_through_a_link_is_refused(string kind)
    {
        string dir = DataFiles.TempDir(), data = Path.Combine(dir, "data.json"), outDir = Path.Combine(dir, "out");
        File.Copy(Valid, data);
        Directory.CreateDirectory(outDir);
        string input;
        if (kind == "folder")
        {
            // `-o` names the input's own folder through a link: out/x.pdf is x.pdf.
            File.Copy(Valid, input = Path.Combine(dir, "x.pdf"));
            Directory.Delete(outDir);
            Directory.CreateSymbolicLink(outDir, dir);
        }
        else
        {
            input = data;
            string output = Path.Combine(outDir, "data.pdf");
            if (kind == "hard") Assert.Equal(0, ProcessRunner.Run("ln", data, output).ExitCode);
            else File.CreateSymbolicLink(output, data);
        }

        var o = DocxAndPdf(force: true).RenderAll([input], outDir, parallelism: 1).Single();

        Assert.Equal("E-IO-OUTPUT-IS-INPUT", Assert.Single(o.Diagnostics).Id);
        Assert.Equal(File.ReadAllBytes(Valid), File.ReadAllBytes(input));
        Assert.Equal(File.ReadAllBytes(Valid), File.ReadAllBytes(data));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Read_only_output_is_refused_unless_forced_and_keeps_its_mode()
    {
        string dir = DataFiles.TempDir(), outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName, input = Path.Combine(dir, "report.json");
        File.Copy(Valid, input);
        string pdf = Path.Combine(outDir, "report.pdf");
        File.WriteAllText(pdf, "old pdf");
        File.SetUnixFileMode(pdf, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var refused = DocxAndPdf().Render(input, outDir);

        Assert.Equal(FailureKind.Io, refused.Failure);
        var d = Assert.Single(refused.Diagnostics);
        Assert.Equal("E-IO-READONLY", d.Id);
        Assert.Contains("--force", d.Message);
        DiagnosticAssert.IsClear(d);
        Assert.Equal("old pdf", File.ReadAllText(pdf));
        Assert.Equal(["report.pdf"], Directory.GetFiles(outDir).Select(Path.GetFileName));

        var forced = DocxAndPdf(force: true).Render(input, outDir);

        Assert.True(forced.Ok, string.Join("\n", forced.Diagnostics));
        Assert.StartsWith("%PDF", File.ReadAllText(pdf));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(pdf));
        Assert.Empty(Leftovers(outDir));
    }

    [Fact]
    public void Dangling_symbolic_link_at_an_output_name_is_named_and_replaced_only_when_forced()
    {
        string dir = DataFiles.TempDir(), outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName, input = Path.Combine(dir, "report.json");
        File.Copy(Valid, input);
        string docx = Path.Combine(outDir, "report.docx"), nowhere = Path.Combine(dir, "gone", "report.docx");
        File.CreateSymbolicLink(docx, nowhere);

        var refused = DocxAndPdf().Render(input, outDir);

        var d = Assert.Single(refused.Diagnostics);
        Assert.Equal("E-IO-SYMLINK", d.Id);
        Assert.Contains("符号链接", d.Message);
        Assert.Contains(nowhere, d.Message);
        Assert.DoesNotContain("Could not find", d.Message);
        Assert.Equal(nowhere, new FileInfo(docx).LinkTarget);

        var forced = DocxAndPdf(force: true).Render(input, outDir);

        Assert.True(forced.Ok, string.Join("\n", forced.Diagnostics));
        Assert.Null(new FileInfo(docx).LinkTarget);
        Assert.False(File.Exists(nowhere));
        Assert.Empty(Leftovers(outDir));
    }

    [Fact]
    public void Leftovers_of_a_writer_that_still_holds_its_lock_are_kept_and_removed_once_it_is_gone()
    {
        string outDir = DataFiles.TempDir();
        // Another render, in another PID namespace or on another machine, sharing this folder: its process id means nothing
        // here. A recycled id of a live process here must not keep a dead writer's files either.
        string id = Guid.NewGuid().ToString("N");
        string lockPath = Path.Combine(outDir, $".{id}{TemporaryFiles.LockMarker}");
        string temp = Path.Combine(outDir, $".report.pdf.{id}{TemporaryFiles.TempMarker}");
        string oldStyle = Path.Combine(outDir, $".report.docx.{Environment.ProcessId}.{Guid.NewGuid():N}{TemporaryFiles.TempMarker}");
        File.WriteAllText(temp, "in progress");
        File.WriteAllText(oldStyle, "left by a killed run whose pid is now ours");
        using (var held = HoldLockInAnotherProcess(lockPath))
        {
            AtomicOutput.CleanStale(outDir);
            Assert.True(File.Exists(temp), "a live writer's temporary file was deleted");
            Assert.True(File.Exists(lockPath));
            Assert.False(File.Exists(oldStyle));
        }
        AtomicOutput.CleanStale(outDir);
        Assert.Empty(Directory.GetFiles(outDir));
    }

    [Fact]
    public void A_kept_old_output_whose_run_died_between_renames_is_put_back()
    {
        string outDir = DataFiles.TempDir();
        string kept = Path.Combine(outDir, $".report.docx.old.{Guid.NewGuid():N}{TemporaryFiles.TempMarker}");
        File.WriteAllText(kept, "old docx");

        AtomicOutput.CleanStale(outDir);

        Assert.Equal(["report.docx"], Directory.GetFiles(outDir).Select(Path.GetFileName));
        Assert.Equal("old docx", File.ReadAllText(Path.Combine(outDir, "report.docx")));
    }

    [Fact]
    public void Io_errors_give_the_reason_in_chinese_without_net_text()
    {
        string dir = DataFiles.TempDir(), input = Path.Combine(dir, "report.json"), file = Path.Combine(dir, "not-a-folder");
        File.Copy(Valid, input);
        File.WriteAllText(file, "x");

        var o = DocxAndPdf().Render(input, Path.Combine(file, "out"));

        var d = Assert.Single(o.Diagnostics);
        Assert.Equal("E-IO-OUTDIR", d.Id);
        Assert.Equal($"无法创建输出文件夹：{file} 是一个文件，不是文件夹", d.Message);
        Assert.Contains("not-a-folder", d.MessageEn);
    }

    /// <summary>`flock -x FILE sleep` in a child process: a lock held by a process this one knows nothing about.</summary>
    private static Holder HoldLockInAnotherProcess(string lockPath)
    {
        var p = Process.Start(new ProcessStartInfo("flock", ["--no-fork", "-x", lockPath, "sh", "-c", "echo held; exec sleep 60"]) { RedirectStandardOutput = true })!;
        Assert.Equal("held", p.StandardOutput.ReadLine());
        return new Holder(p);
    }

    private sealed class Holder(Process p) : IDisposable
    {
        public void Dispose()
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            p.Dispose();
        }
    }
}
