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
        Assert.Equal(0, p.ExitCode);
    }

    private static string Next(BlockingCollection<string> lines, Process p, ConcurrentQueue<string> stderr)
    {
        if (lines.TryTake(out var line, TimeSpan.FromMinutes(1))) return line;
        throw new TimeoutException($"no render line from watch (exited: {p.HasExited})\n{string.Join('\n', stderr)}");
    }
}
