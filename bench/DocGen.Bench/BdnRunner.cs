using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DocGen.Bench;

/// <summary>
/// The warm in-process figures through BenchmarkDotNet. In-process (emit) toolchain: BenchmarkDotNet 0.14 cannot generate a
/// project for .NET 10, and a separate process would parse the fonts again for nothing.
/// </summary>
internal static class BdnRunner
{
    internal static string DataFile { get; private set; } = "";

    public static int Run(string dataFile)
    {
        DataFile = dataFile;
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(5).WithIterationCount(15).WithLaunchCount(1).WithId("InProcess");
        var config = ManualConfig.CreateMinimumViable().AddJob(job)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.P90)
            .WithArtifactsPath(Path.Combine(Cli.RepoRoot, "bench", "results", "BenchmarkDotNet"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<ReportBenchmarks>(config);
        foreach (var report in summary.Reports)
        {
            if (report.ResultStatistics is null) { Console.Error.WriteLine($"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: no result"); return 1; }
            string name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name.ToLowerInvariant();
            StageBenchmark.Metric($"bdn_{name}_ms", report.ResultStatistics.Median / 1e6, "ms");
        }
        return summary.HasCriticalValidationErrors ? 1 : 0;
    }
}

/// <summary>One report, warm: the whole thing, and its three big parts.</summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private StageBenchmark.Setup _setup = null!;

    [GlobalSetup]
    public void Setup()
    {
        _setup = new StageBenchmark.Setup(BdnRunner.DataFile);
        _setup.Full();
    }

    [Benchmark(Description = "data file → DOCX + PDF")]
    public void Report() => _setup.Full();

    [Benchmark(Description = "data file → Document")]
    public void Build()
    {
        _setup.Bind();
        _setup.Document();
    }

    [Benchmark(Description = "Document → DOCX")]
    public void Docx() => _setup.Docx();

    [Benchmark(Description = "Document → PDF")]
    public void Pdf() => _setup.Pdf();
}
