using System.Collections.Concurrent;
using System.Net;

namespace DocGen.Tests.Cli;

/// <summary>`docgen serve` as a process: prints the address with its token, starts a new file from init's skeleton, stops from the
/// page's button and on SIGTERM (what Ctrl-C does to it too). The form itself is tested in a browser (Serve/ServeFormTests).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task A_missing_file_starts_from_inits_skeleton_and_the_stop_button_ends_the_server()
    {
        using var dir = new TempDir();
        using var p = CliRunner.Start(dir.Path, "serve", "new.json", "--no-browser");
        var (url, stderr) = Address(p);
        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
            string first = await client.GetStringAsync(url);
            Assert.Contains("新建数据文件 new.json", first);
            Assert.Contains("gov-info-annual-2021", first);
            string origin = new Uri(url).GetLeftPart(UriPartial.Authority);
            var created = await client.PostAsync(origin + "/new", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["template"] = "gov-info-annual-2021",
                ["agency"] = "某某局",
                ["year"] = "2024",
            }));
            Assert.Equal(HttpStatusCode.OK, created.StatusCode); // redirected to the form
            string form = await created.Content.ReadAsStringAsync();
            Assert.Contains("name=\"tables.applications.newReceived.naturalPerson\" value=\"0\"", form);
            // init's skeleton explains itself in // comments; they describe what the form shows, so saving it asks nothing.
            Assert.DoesNotContain("保存时删除注释", form);

            var init = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--agency", "某某局", "--year", "2024", "-o", "init.json");
            Assert.Equal(0, init.ExitCode);
            Assert.Equal(File.ReadAllText(dir.File("init.json")), File.ReadAllText(dir.File("new.json")));

            var stop = await client.PostAsync(origin + "/stop", new FormUrlEncodedContent([]));
            Assert.Contains("已停止", await stop.Content.ReadAsStringAsync());
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), string.Join("\n", stderr));
            Assert.Equal(0, p.ExitCode);
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Sigterm_stops_the_server()
    {
        using var dir = new TempDir();
        CliData.Write(CliData.Example(), dir.File("report.json"));
        using var p = CliRunner.Start(dir.Path, "serve", "report.json", "--no-browser");
        var (url, stderr) = Address(p);
        try
        {
            Assert.Matches(@"^http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]{40,}$", url);
            CliRunner.Terminate(p);
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), string.Join("\n", stderr));
            // WaitForExit with a timeout does not wait for the redirected streams to reach their end; without one it does, so the
            // last stderr line is read before it is looked for (on a loaded machine it arrived after the check).
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            Assert.Contains(stderr, l => l.Contains("表单服务已停止"));
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The address the server prints on its first line of output.</summary>
    private static (string Url, ConcurrentQueue<string> Stderr) Address(System.Diagnostics.Process p)
    {
        var lines = new BlockingCollection<string>();
        var stderr = new ConcurrentQueue<string>();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Add(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) stderr.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!lines.TryTake(out var line, TimeSpan.FromSeconds(60)))
            throw new TimeoutException("serve printed no address: " + string.Join("\n", stderr));
        int at = line.IndexOf("http://", StringComparison.Ordinal);
        Assert.True(at >= 0, line + "\n" + string.Join("\n", stderr));
        return (line[at..], stderr);
    }
}
