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
        using var watch = new Watch(dir.Path, "report.json");
        string first = watch.Next();
        Assert.StartsWith("[1] 完成 → report.docx", first);
        Assert.Contains("平罗县人民政府办公室", RenderCommandTests.DocxText(dir.File("out/report.docx")));

        data["agency"] = "监视测试局";
        data.Remove("title");
        CliData.Write(data, dir.File("report.json"));
        string second = watch.Next();
        Assert.StartsWith("[2] 完成 → report.docx", second);
        Assert.Contains("监视测试局", RenderCommandTests.DocxText(dir.File("out/report.docx")));

        File.WriteAllText(dir.File("report.json"), "{ \"template\": ");
        string third = watch.Next();
        Assert.StartsWith("[3] 失败", third);
        Assert.Contains(watch.Stderr, l => l.StartsWith("report.json(") && l.Contains("错误 E-JSON"));
        // README, exit codes: Ctrl-C and SIGTERM end every command with 130 (watch said 0).
        Assert.Equal(130, watch.Stop());
    }

    [Fact]
    public void A_data_folder_removed_and_made_again_is_still_watched()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("data"));
        var data = CliData.Example();
        CliData.Write(data, dir.File("data/report.json"));
        using var watch = new Watch(dir.Path, "data/report.json");
        Assert.StartsWith("[1] 完成 → report.docx", watch.Next());
        // What a checkout or a sync tool does: the folder goes away and a new one with the same name appears.
        Directory.Delete(dir.File("data"), recursive: true);
        Thread.Sleep(1500);
        Directory.CreateDirectory(dir.File("data"));
        data["agency"] = "重建文件夹测试局";
        data.Remove("title");
        CliData.Write(data, dir.File("data/report.json"));
        Assert.StartsWith("[2] 完成 → report.docx", watch.Next());
        Assert.Contains("重建文件夹测试局", RenderCommandTests.DocxText(dir.File("out/report.docx")));
        Assert.Contains(watch.Stderr, l => l.Contains("已不存在"));
        Assert.Equal(130, watch.Stop());
    }

    /// <summary>A running `docgen watch FILE -o out --format docx`: its stdout lines one by one, its stderr kept; ended by SIGTERM.</summary>
    private sealed class Watch : IDisposable
    {
        private readonly Process _process;
        private readonly BlockingCollection<string> _lines = [];

        public ConcurrentQueue<string> Stderr { get; } = new();

        public Watch(string folder, string dataFile)
        {
            _process = CliRunner.Start(folder, "watch", dataFile, "-o", "out", "--format", "docx");
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _lines.Add(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Stderr.Enqueue(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Next()
        {
            if (_lines.TryTake(out var line, TimeSpan.FromMinutes(1))) return line;
            throw new TimeoutException($"no render line from watch (exited: {_process.HasExited})\n{string.Join('\n', Stderr)}");
        }

        /// <summary>Sends SIGTERM and returns the exit code.</summary>
        public int Stop()
        {
            if (!_process.HasExited) CliRunner.Terminate(_process);
            Assert.True(_process.WaitForExit(TimeSpan.FromMinutes(1)), "watch did not stop on SIGTERM");
            return _process.ExitCode;
        }

        /// <summary>A test that failed half-way still ends its watch process.</summary>
        public void Dispose()
        {
            if (!_process.HasExited) CliRunner.Terminate(_process);
            _process.WaitForExit(TimeSpan.FromMinutes(1));
            _process.Dispose();
        }
    }
}
