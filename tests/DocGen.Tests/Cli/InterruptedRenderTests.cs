using System.Diagnostics;

namespace DocGen.Tests.Cli;

/// <summary>
/// A render stopped part-way (killed outright, or asked to stop with SIGTERM like Ctrl-C) leaves no partial file under a real
/// output name and never damages the output of an earlier run.
/// </summary>
public sealed class InterruptedRenderTests
{
    private const int Inputs = 30;

    [Fact]
    public void Killed_render_leaves_no_partial_output_and_the_previous_output_intact()
    {
        using var dir = new TempDir();
        var (previous, oldBytes) = Prepare(dir);
        using (var p = CliRunner.Start(dir.Path, "render", "batch", "-o", "out", "-j", "1"))
        {
            WaitForFirstOutput(p, dir.File("out"));
            p.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            p.WaitForExit();
        }
        AssertOnlyCompleteOutputs(dir.File("out"), previous, oldBytes);
        // A killed run may leave hidden temporary files (never under a real name); the next run clears them.
        var again = CliRunner.Run(dir.Path, "render", "batch/agency-000.json", "-o", "out", "--format", "docx");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Empty(Directory.EnumerateFiles(dir.File("out"), "*.docgen-tmp"));
    }

    [Fact]
    public async Task Terminated_render_stops_cleanly_with_exit_code_130()
    {
        using var dir = new TempDir();
        var (previous, oldBytes) = Prepare(dir);
        using var p = CliRunner.Start(dir.Path, "render", "batch", "-o", "out", "-j", "1");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        WaitForFirstOutput(p, dir.File("out"));
        CliRunner.Terminate(p);
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(1)), "docgen did not stop after SIGTERM");
        string err = await stderr, output = await stdout;
        Assert.True(p.ExitCode == 130, $"exit {p.ExitCode}\n{output}\n{err}");
        Assert.Contains("已取消", err);
        AssertOnlyCompleteOutputs(dir.File("out"), previous, oldBytes);
        Assert.Empty(Directory.EnumerateFiles(dir.File("out"), "*.docgen-tmp", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(dir.File("out"), ".*"));
    }

    /// <summary>A batch, and the complete output of an earlier run for its last input (which the interrupted run will not reach first).</summary>
    private static (string Previous, byte[] OldBytes) Prepare(TempDir dir)
    {
        CliData.Batch(dir.File("batch"), Inputs);
        string last = $"agency-{Inputs - 1:000}";
        var earlier = CliRunner.Run(dir.Path, "render", $"batch/{last}.json", "-o", "out", "--format", "docx");
        Assert.True(earlier.ExitCode == 0, earlier.ToString());
        string previous = dir.File($"out/{last}.docx");
        return (previous, File.ReadAllBytes(previous));
    }

    private static void WaitForFirstOutput(Process p, string outDir)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (Directory.Exists(outDir) && Directory.EnumerateFiles(outDir, "agency-000.*").Any()) return;
            if (p.HasExited) throw new InvalidOperationException($"docgen finished before it could be interrupted (exit {p.ExitCode})");
            Thread.Sleep(20);
        }
        throw new TimeoutException("no output appeared");
    }

    private static void AssertOnlyCompleteOutputs(string outDir, string previous, byte[] oldBytes)
    {
        foreach (var f in Directory.EnumerateFiles(outDir).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            if (f.EndsWith(".docx")) RenderCommandTests.AssertDocx(f);
            else if (f.EndsWith(".pdf")) RenderCommandTests.AssertPdf(f);
            else Assert.Fail($"unexpected file {f}");
        }
        // The earlier output is either untouched or replaced by a complete new one, never a half-written mix.
        var now = File.ReadAllBytes(previous);
        if (!now.AsSpan().SequenceEqual(oldBytes)) RenderCommandTests.AssertDocx(previous);
        Assert.True(Directory.EnumerateFiles(outDir, "*.docx").Count() < Inputs, "the render was not interrupted");
    }
}
