using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using DocGen.Engine;
using DocGen.Serve;

namespace DocGen.Bench;

/// <summary>
/// `docgen serve` as the browser uses it, over HTTP on 127.0.0.1: a cell edit's validation round trip (POST /api/check with the
/// whole form, the answer read to its end) and a preview (POST /api/preview, then GET the PDF). Targets: 50 ms and 500 ms.
/// </summary>
internal static partial class ServeBenchmark
{
    public static int Run(string dataFile, int iterations)
    {
        string folder = Path.Combine(Path.GetTempPath(), "docgen-bench-serve-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "report.json");
        File.Copy(dataFile, file);
        try { return Measure(file, iterations).GetAwaiter().GetResult(); }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static async Task<int> Measure(string file, int iterations)
    {
        await using var host = await ServeHost.StartAsync(new ServeOptions
        {
            DataFile = file,
            Templates = new TemplateLocator(Path.Combine(Cli.RepoRoot, "templates")),
            Writers = OutputFormats.Create(OutputFormats.Names, []),
        });
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        string html = await client.GetStringAsync(host.Url); // sets the token cookie, as the browser's first request does
        var fields = FormFieldsOf(html);
        int cell = fields.FindIndex(f => f.Key == "tables.applications.newReceived.research");

        var checks = new List<double>();
        var cpu = TimeSpan.Zero;
        for (int i = 0; i < iterations + 5; i++)
        {
            if (i == 5) cpu = Process.GetCurrentProcess().TotalProcessorTime;
            // Alternately break and fix T3-1, as a clerk typing a wrong figure and correcting it.
            fields[cell] = new(fields[cell].Key, (i % 2).ToString());
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync(host.BaseUrl + "/api/check", new FormUrlEncodedContent(fields));
            string body = await response.Content.ReadAsStringAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode || !body.Contains("\"totals\"")) throw new InvalidOperationException(body);
            if (i >= 5) checks.Add(clock.Elapsed.TotalMilliseconds); // the first calls compile the code paths
        }
        // CPU time per request (server and client together, this process): what the wall time would be on an idle machine.
        double checkCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / iterations;
        fields[cell] = new(fields[cell].Key, "0");
        var previews = new List<double>();
        int previewCount = Math.Max(5, iterations / 4);
        for (int i = 0; i < previewCount + 2; i++)
        {
            if (i == 2) cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using var response = await client.PostAsync(host.BaseUrl + "/api/preview", new FormUrlEncodedContent(fields));
            string body = await response.Content.ReadAsStringAsync();
            string url = PreviewUrl().Match(body).Groups[1].Value;
            byte[] pdf = await client.GetByteArrayAsync(host.BaseUrl + url);
            clock.Stop();
            if (pdf.Length < 1000) throw new InvalidOperationException(body);
            if (i >= 2) previews.Add(clock.Elapsed.TotalMilliseconds);
        }
        double previewCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / previewCount;
        Report("serve_check_ms", checks);
        Console.WriteLine($"METRIC serve_check_cpu_ms {checkCpu:0.0} ms");
        Report("serve_preview_ms", previews);
        Console.WriteLine($"METRIC serve_preview_cpu_ms {previewCpu:0.0} ms");
        return 0;
    }

    private static void Report(string name, List<double> ms)
    {
        Console.WriteLine($"METRIC {name} {Stats.Median(ms):0.0} ms");
        Console.WriteLine($"METRIC {name}_p90 {Stats.Percentile(ms, 0.9):0.0} ms");
        Console.Error.WriteLine($"{name}: median {Stats.Median(ms):0.0} ms, P90 {Stats.Percentile(ms, 0.9):0.0} ms, min {ms.Min():0.0} ms over {ms.Count}");
    }

    /// <summary>The fields a browser would post: every named input and textarea with its value, from the server's own HTML.</summary>
    private static List<KeyValuePair<string, string>> FormFieldsOf(string html) =>
        Field().Matches(html).Select(m => new KeyValuePair<string, string>(
            WebUtility.HtmlDecode(m.Groups["name"].Value),
            WebUtility.HtmlDecode(m.Groups["value"].Success ? m.Groups["value"].Value : m.Groups["text"].Value))).ToList();

    [GeneratedRegex("<input[^>]* name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"|<textarea name=\"(?<name>[^\"]+)\"[^>]*>(?<text>[^<]*)</textarea>")]
    private static partial Regex Field();

    [GeneratedRegex("\"url\":\"([^\"]+)\"")]
    private static partial Regex PreviewUrl();
}
