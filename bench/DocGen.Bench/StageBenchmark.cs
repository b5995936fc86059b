using System.Diagnostics;
using DocGen.Engine;
using DocGen.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Bench;

/// <summary>
/// A Stopwatch harness over the real pipeline, stage by stage, writing to memory (disk speed is the batch run's business).
/// The first call of each stage in this fresh process is reported separately: it carries the JIT, template compilation and
/// font parsing that a cold CLI run pays once. Warm figures are medians after a warm-up.
/// </summary>
internal static class StageBenchmark
{
    private const int WarmUp = 5;

    public static int Run(string dataFile, int iterations)
    {
        var process = Stopwatch.StartNew();
        var s = new Setup(dataFile);

        // First calls, in pipeline order: each one pays its own JIT and one-time loading.
        var first = new Dictionary<string, double>
        {
            ["bind"] = Time(() => s.Bind()),
            ["document"] = Time(() => s.Document()),
            ["docx"] = Time(() => s.Docx()),
            ["pdf_layout"] = Time(() => s.Layout()),
            ["pdf_render"] = Time(() => s.Pdf()),
        };
        double firstReport = process.Elapsed.TotalMilliseconds;

        var samples = Stages.ToDictionary(n => n, _ => new List<double>());
        var total = new List<double>();
        long allocated = 0;
        var cpu = TimeSpan.Zero;
        for (int i = 0; i < WarmUp + iterations; i++)
        {
            if (i == WarmUp) cpu = Process.GetCurrentProcess().TotalProcessorTime;
            long before = GC.GetAllocatedBytesForCurrentThread();
            var t = Stopwatch.StartNew();
            s.Full();
            double ms = t.Elapsed.TotalMilliseconds;
            if (i >= WarmUp) { total.Add(ms); allocated += GC.GetAllocatedBytesForCurrentThread() - before; }
        }
        // CPU time of the whole process per report: less disturbed than wall time when other work shares the cores.
        double cpuPerReport = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / iterations;
        for (int i = 0; i < WarmUp + iterations; i++)
        {
            var times = new[] { Time(() => s.Bind()), Time(() => s.Document()), Time(() => s.Docx()), Time(() => s.Layout()), Time(() => s.Pdf()) };
            if (i < WarmUp) continue;
            for (int k = 0; k < Stages.Length; k++) samples[Stages[k]].Add(times[k]);
        }

        Console.WriteLine($"# {Path.GetFileName(dataFile)}: {s.PdfBytes / 1024.0:F1} KB PDF, {s.DocxBytes / 1024.0:F1} KB DOCX, {s.Pages} pages; " +
                          $"{iterations} iterations after {WarmUp} warm-up; load average {LoadAverage()}");
        Console.WriteLine($"{"stage",-26}{"first call ms",14}{"warm median ms",16}{"warm min ms",13}");
        foreach (var name in Stages)
            Console.WriteLine($"{name,-26}{first[name],14:F1}{Stats.Median(samples[name]),16:F2}{samples[name].Min(),13:F2}");
        double paintSave = Stats.Median(samples["pdf_render"]) - Stats.Median(samples["pdf_layout"]);
        Console.WriteLine($"{"pdf_paint+save (derived)",-26}{first["pdf_render"] - first["pdf_layout"],14:F1}{paintSave,16:F2}");
        Console.WriteLine($"{"report DOCX+PDF",-26}{firstReport,14:F1}{Stats.Median(total),16:F2}{total.Min(),13:F2}");

        Metric("inproc_first_report_ms", firstReport, "ms");
        Metric("inproc_warm_report_ms", Stats.Median(total), "ms");
        Console.WriteLine($"{"report CPU time (process)",-26}{"",14}{cpuPerReport,16:F2}");
        Metric("inproc_warm_report_cpu_ms", cpuPerReport, "ms");
        Metric("inproc_warm_report_p90_ms", Stats.Percentile(total, 0.9), "ms");
        foreach (var name in Stages) Metric($"stage_{name}_ms", Stats.Median(samples[name]), "ms");
        Metric("stage_pdf_paint_save_ms", paintSave, "ms");
        Metric("alloc_per_report_mb", allocated / (double)iterations / (1 << 20), "MB");
        Metric("pdf_size_kb", s.PdfBytes / 1024.0, "KB");
        return 0;
    }

    /// <summary>Renders DOCX + PDF over and over, so a sampling profiler sees the warm steady state.</summary>
    public static int Loop(string dataFile, int seconds)
    {
        var s = new Setup(dataFile);
        s.Full();
        Console.WriteLine($"pid {Environment.ProcessId}: rendering for {seconds} s");
        var clock = Stopwatch.StartNew();
        int n = 0;
        while (clock.Elapsed.TotalSeconds < seconds) { s.Full(); n++; }
        Console.WriteLine($"{n} reports, {clock.Elapsed.TotalMilliseconds / n:F2} ms each");
        return 0;
    }

    private static readonly string[] Stages = ["bind", "document", "docx", "pdf_layout", "pdf_render"];

    private static double Time(Action a)
    {
        var t = Stopwatch.StartNew();
        a();
        return t.Elapsed.TotalMilliseconds;
    }

    public static void Metric(string name, double value, string unit) => Console.WriteLine($"METRIC {name} {value:F2} {unit}");

    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    /// <summary>The objects a run shares (pipeline, compiled templates, writers and their fonts) and the stages over them.</summary>
    internal sealed class Setup(string dataFile)
    {
        private readonly ReportPipeline _pipeline = new(new TemplateLocator(Path.Combine(Cli.RepoRoot, "templates")));
        private readonly DocxOutput _docx = new();
        private readonly PdfOutput _pdf = new(FontSettings.Default);
        private readonly PdfRenderer _layout = new(FontSettings.Default);
        private Data.BoundReport? _bound;
        private Document? _doc;

        public long PdfBytes { get; private set; }
        public long DocxBytes { get; private set; }
        public int Pages { get; private set; }

        public void Bind()
        {
            var bound = _pipeline.Bind(dataFile);
            if (bound.HasErrors) throw new InvalidOperationException($"{dataFile} has errors: {string.Join("; ", bound.Diagnostics.Select(d => d.Id))}");
            _bound = bound;
        }

        public void Document() => _doc = ReportPipeline.BuildDocument(_bound ?? throw new InvalidOperationException("bind first"));

        public void Docx()
        {
            var ms = new MemoryStream();
            _docx.Write(Doc, ms);
            DocxBytes = ms.Length;
        }

        public void Layout() => Pages = _layout.Layout(Doc).Pages.Count;

        public void Pdf()
        {
            var ms = new MemoryStream();
            _pdf.Write(Doc, ms);
            PdfBytes = ms.Length;
        }

        /// <summary>One whole report as the CLI makes it: data file to DOCX and PDF bytes.</summary>
        public void Full()
        {
            var build = _pipeline.Build(dataFile);
            if (!build.Ok) throw new InvalidOperationException($"{dataFile} did not build: {string.Join("; ", build.Diagnostics.Select(d => d.Id))}");
            _doc = build.Document;
            Docx();
            Pdf();
        }

        private Document Doc => _doc ?? throw new InvalidOperationException("build the document first");
    }
}
