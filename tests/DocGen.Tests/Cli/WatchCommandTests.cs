using System.Collections.Concurrent;
using System.Diagnostics;

namespace DocGen.Tests.Cli;

public sealed class WatchCommandTests
{
    [Fact]
    public void Renders_again_when_the_data_file_changes_and_stops_on_sigterm()
    {
        using var dir = new TempDir();
        var data = CliData.Example();
        CliData.Write(data, dir.File("report.json"));
        using var p = CliRunner.Start(dir.Path, "watch", "report.json", "-o", "out", "--format", "docx");
        var lines = new BlockingCollection<string>();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Add(e.Data); };
        var stderr = new ConcurrentQueue<string>();
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) stderr.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            string first = Next(lines, p, stderr);
            Assert.StartsWith("[1] 完成 → report.docx", first);
            Assert.Contains("平罗县人民政府办公室", RenderCommandTests.DocxText(dir.File("out/report.docx")));

            data["agency"] = "监视测试局";
            data.Remove("title");
            CliData.Write(data, dir.File("report.json"));
            string second = Next(lines, p, stderr);
            Assert.StartsWith("[2] 完成 → report.docx", second);
            Assert.Contains("监视测试局", RenderCommandTests.DocxText(dir.File("out/report.docx")));

            File.WriteAllText(dir.File("report.json"), "{ \"template\": ");
            string third = Next(lines, p, stderr);
            Assert.StartsWith("[3] 失败", third);
            Assert.Contains(stderr, l => l.StartsWith("report.json(") && l.Contains("错误 E-JSON"));
        }
        finally
        {
            if (!p.HasExited) CliRunner.Terminate(p);
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(1)), "watch did not stop on SIGTERM");
        }
        // README, exit codes: Ctrl-C and SIGTERM end every command with 130 (watch said 0).
        Assert.Equal(130, p.ExitCode);
    }

    [Fact]
    public void A_data_folder_removed_and_made_again_is_still_watched()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("data"));
        var data = CliData.Example();
        CliData.Write(data, dir.File("data/report.json"));
        using var p = CliRunner.Start(dir.Path, "watch", "data/report.json", "-o", "out", "--format", "docx");
        var lines = new BlockingCollection<string>();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Add(e.Data); };
        var stderr = new ConcurrentQueue<string>();
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) stderr.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        try
        {
            Assert.StartsWith("[1] 完成 → report.docx", Next(lines, p, stderr));
            // What a checkout or a sync tool does: the folder goes away and a new one with the same name appears.
            Directory.Delete(dir.File("data"), recursive: true);
            Thread.Sleep(1500);
            Directory.CreateDirectory(dir.File("data"));
            data["agency"] = "重建文件夹测试局";
            data.Remove("title");
            CliData.Write(data, dir.File("data/report.json"));
            Assert.StartsWith("[2] 完成 → report.docx", Next(lines, p, stderr));
            Assert.Contains("重建文件夹测试局", RenderCommandTests.DocxText(dir.File("out/report.docx")));
            Assert.Contains(stderr, l => l.Contains("已不存在"));
        }
        finally
        {
            if (!p.HasExited) CliRunner.Terminate(p);
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(1)), "watch did not stop on SIGTERM");
        }
        Assert.Equal(130, p.ExitCode);
    }

    private static string Next(BlockingCollection<string> lines, Process p, ConcurrentQueue<string> stderr)
    {
        if (lines.TryTake(out var line, TimeSpan.FromMinutes(1))) return line;
        throw new TimeoutException($"no render line from watch (exited: {p.HasExited})\n{string.Join('\n', stderr)}");
    }
}
