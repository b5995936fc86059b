using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using DocGen.Data;
using DocGen.Engine;
using DocGen.Model;

namespace DocGen.Bench;

/// <summary>
/// The JSON reader on inputs no clerk writes but a careless or hostile one sends (issue 12.2): minified reports of 1, 5 and
/// 20 MB (one line each: the old reader rescanned the line per token) and an object with 1,000,000 keys (the old duplicate
/// check compared each key with every earlier one), valid and with a duplicate key at the end. For each: the parse alone and
/// the whole validation (read, parse, bind, rules), median of a few runs after one warm-up. Inputs are generated, not stored.
/// </summary>
internal static class JsonReaderBenchmark
{
    public static int Run(int iterations)
    {
        string dir = Directory.CreateTempSubdirectory("docgen-json-bench").FullName;
        try
        {
            var pipeline = new ReportPipeline(new TemplateLocator(Path.Combine(Cli.RepoRoot, "templates")));
            Console.WriteLine($"# load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {Environment.ProcessorCount} cores, {iterations} runs each");
            foreach (int mb in new[] { 1, 5, 20 })
                Measure($"minified_{mb}mb", MinifiedReport(mb * 1_000_000), dir, pipeline, iterations);
            Measure("keys_1m", ManyKeys(1_000_000, duplicateAtEnd: false), dir, pipeline, iterations);
            Measure("keys_1m_duplicate", ManyKeys(1_000_000, duplicateAtEnd: true), dir, pipeline, iterations);
            Measure("keys_1m_in_report", ManyKeysInReport(1_000_000), dir, pipeline, iterations);
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Measure(string name, byte[] bytes, string dir, ReportPipeline pipeline, int iterations)
    {
        string path = Path.Combine(dir, name + ".json");
        File.WriteAllBytes(path, bytes);
        string outcome = "";
        var parse = Samples(iterations, () =>
        {
            try { JsonPositionReader.Parse(bytes, path); outcome = "parsed"; }
            catch (DocGenException e) { outcome = e.Id; }
        });
        var validate = Samples(iterations, () =>
        {
            var r = pipeline.Build(path);
            outcome = r.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Id ?? $"valid, {r.Diagnostics.Count} warnings";
        });
        Console.WriteLine($"METRIC json_{name}_bytes {bytes.Length} B");
        Console.WriteLine($"METRIC json_{name}_parse_ms {Stats.Median(parse.Wall):F0} ms   (CPU {Stats.Median(parse.Cpu):F0} ms)");
        Console.WriteLine($"METRIC json_{name}_validate_ms {Stats.Median(validate.Wall):F0} ms   (CPU {Stats.Median(validate.Cpu):F0} ms; {outcome})");
    }

    /// <summary>Wall-clock and process CPU milliseconds per run (the CPU figure moves less with the machine's load).</summary>
    private static (List<double> Wall, List<double> Cpu) Samples(int iterations, Action run)
    {
        run(); // warm-up: JIT, template loading
        var wall = new List<double>();
        var cpu = new List<double>();
        for (int i = 0; i < iterations; i++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            run();
            wall.Add(sw.Elapsed.TotalMilliseconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
        }
        return (wall, cpu);
    }

    /// <summary>The ningxia-gov-office-2023 example, minified, with 六 grown to about <paramref name="size"/> bytes of paragraphs.</summary>
    private static byte[] MinifiedReport(int size)
    {
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(Cli.RepoRoot, "examples", "ningxia-gov-office-2023.json")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        data.Remove("$schema");
        int baseSize = Encoding.UTF8.GetByteCount(data.ToJsonString()) / 2; // roughly: the escaped form is about twice as long
        const string paragraph = "（一）政务公开工作要点落实情况。全年围绕“放管服”改革，推进决策、执行、管理、服务、结果公开，回应社会关切。";
        int count = Math.Max(0, (size - baseSize) / (Encoding.UTF8.GetByteCount(paragraph) + 3));
        var other = new JsonArray(Enumerable.Range(0, count).Select(_ => (JsonNode)JsonValue.Create(paragraph)!).ToArray());
        data["sections"]!["other"] = other;
        // Chinese as UTF-8 bytes, as a clerk's editor saves it (the default encoder would write \uXXXX escapes).
        return Encoding.UTF8.GetBytes(data.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>The example report with a million unknown fields beside its own (each one a warning).</summary>
    private static byte[] ManyKeysInReport(int keys)
    {
        string report = Encoding.UTF8.GetString(MinifiedReport(0));
        var sb = new StringBuilder(report.Length + keys * 14).Append(report, 0, report.Length - 1);
        for (int i = 0; i < keys; i++) sb.Append(",\"k").Append(i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).Append("\":0");
        return Encoding.UTF8.GetBytes(sb.Append('}').ToString());
    }

    /// <summary>{"k0000000":0, …} with a million keys, optionally the first key again at the end.</summary>
    private static byte[] ManyKeys(int keys, bool duplicateAtEnd)
    {
        var sb = new StringBuilder(keys * 14).Append('{');
        for (int i = 0; i < keys; i++) sb.Append(i == 0 ? "" : ",").Append("\"k").Append(i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).Append("\":0");
        if (duplicateAtEnd) sb.Append(",\"k0000000\":1");
        return Encoding.UTF8.GetBytes(sb.Append('}').ToString());
    }
}
