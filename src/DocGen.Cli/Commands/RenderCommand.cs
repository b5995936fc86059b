using System.CommandLine;
using System.Diagnostics;
using DocGen.Cli.Output;
using DocGen.Engine;
using DocGen.Model;
using Spectre.Console;

namespace DocGen.Cli.Commands;

/// <summary>`docgen render`: data files to DOCX and PDF, in parallel, with progress, a summary and documented exit codes.</summary>
public static class RenderCommand
{
    public static Command Create(Globals g)
    {
        var inputs = BatchInputs.Argument(g);
        var output = g.OutputFolder();
        var format = g.Formats();
        var jobs = BatchInputs.Parallelism(g);
        var json = g.Json();
        var noCheck = CheckCommand.NoCheckOption(g);
        var fontsDir = g.FontsDir();
        var force = ForceOption(g);
        var command = new Command("render", g.T(
            "生成报告：把数据文件排版为 DOCX 和 PDF。输出先写入临时文件再改名，中断或出错不会留下不完整的文件，也不会损坏已有文件。\n\n" +
            "示例：\n  docgen render examples/pingluo-county-2023.json -o out\n  docgen render examples -o out --format pdf\n  docgen render \"reports/**/*.json\" -o out -j 4 --json > summary.json",
            "Render reports: lays out data files as DOCX and PDF. Outputs are written to a temporary file and renamed, so a failed or interrupted run never leaves a partial file or damages an existing one.\n\n" +
            "Examples:\n  docgen render examples/pingluo-county-2023.json -o out\n  docgen render examples -o out --format pdf\n  docgen render \"reports/**/*.json\" -o out -j 4 --json > summary.json"))
        {
            inputs, output, format, jobs, json, fontsDir, force, noCheck,
        };
        command.SetAction(p => Run(g, p, p.GetValue(inputs)!, p.GetValue(output)!, p.GetValue(format)!, p.GetValue(jobs),
            p.GetValue(json), p.GetValue(fontsDir) ?? [], p.GetValue(force), p.GetValue(noCheck)));
        return command;
    }

    /// <summary>--force of the commands that write reports: replace read-only outputs and symbolic links at output names.</summary>
    internal static Option<bool> ForceOption(Globals g) => new("--force")
    {
        Description = g.T("替换只读的输出文件，以及输出文件名处的符号链接（链接本身被替换，所指的文件不受影响）",
            "Replace read-only outputs and symbolic links at output names (the link itself is replaced, never the file it points to)"),
    };

    private static int Run(Globals g, ParseResult p, string[] args, string outDir, string formats, int jobs, bool json, string[] fontDirs, bool force, bool noCheck)
    {
        var ctx = g.Context();
        var files = BatchInputs.Expand(ctx, args);
        if (files is null) return ExitCodes.Of(FailureKind.Usage);
        if (NameClash(ctx, files)) return ExitCodes.Of(FailureKind.Usage);

        IReadOnlyList<IDocumentWriter> writers;
        try { writers = OutputFormats.Create(formats.Split(','), fontDirs); }
        catch (DocGenException e) { return ctx.Fail(e); }

        var renderer = new ReportRenderer(new ReportPipeline(g.Locator(p)) { RunChecks = !noCheck }, writers) { Force = force };
        var clock = Stopwatch.StartNew();
        var outcomes = WithProgress(ctx, files.Count, json, report => renderer.RenderAll(files, outDir, jobs, report, ctx.Cancel));
        clock.Stop();

        RunSummary.PrintDiagnostics(ctx, outcomes, g.IsVerbose(p));
        if (g.IsVerbose(p)) PrintInternalDetails(ctx, outcomes);
        if (json) RunSummary.WriteJson(ctx.Out, outcomes, clock.Elapsed, "render");
        else RunSummary.PrintTable(ctx, outcomes, clock.Elapsed, showOutputs: true);
        return RunSummary.ExitCode(outcomes);
    }

    /// <summary>Two inputs with one base name would write the same output file: refuse before writing anything.</summary>
    private static bool NameClash(CliContext ctx, IReadOnlyList<string> files)
    {
        var clash = files.GroupBy(ReportRenderer.OutputName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(gr => gr.Count() > 1);
        if (clash is null) return false;
        ctx.Usage($"{string.Join("、", clash)} 会生成同名的输出文件「{clash.Key}」；请分开运行，或用 -o 指定不同的输出文件夹",
            $"{string.Join(", ", clash)} would write the same output '{clash.Key}'; render them separately or into different -o folders");
        return true;
    }

    /// <summary>A progress bar on a terminal; one plain line per finished input otherwise (logs, pipes).</summary>
    internal static IReadOnlyList<RenderOutcome> WithProgress(CliContext ctx, int count, bool json,
        Func<Action<RenderOutcome>, IReadOnlyList<RenderOutcome>> run)
    {
        if (!Console.IsErrorRedirected && !json)
        {
            IReadOnlyList<RenderOutcome> result = [];
            Consoles.For(ctx.Err, redirected: false).Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(c =>
                {
                    var task = c.AddTask(ctx.T("生成报告", "Rendering"), maxValue: count);
                    result = run(_ => task.Increment(1));
                });
            return result;
        }
        int done = 0;
        var gate = new object();
        return run(o =>
        {
            lock (gate)
            {
                done++;
                string status = o.Ok
                    ? ctx.T("完成", "done") + (o.Outputs.Count > 0 ? " → " + string.Join(", ", o.Outputs.Select(Path.GetFileName)) : "")
                    : ctx.T($"失败（{RunSummary.Errors(o)} 个错误）", $"failed ({RunSummary.Errors(o)} error(s))");
                ctx.Err.WriteLine($"[{done}/{count}] {o.Input}: {status}");
            }
        });
    }

    internal static void PrintInternalDetails(CliContext ctx, IReadOnlyList<RenderOutcome> outcomes)
    {
        foreach (var d in outcomes.SelectMany(o => o.Diagnostics).Where(d => d.Id == DiagnosticCatalog.Internal.Id && (d.Detail ?? d.MessageEn) is not null))
            ctx.Err.WriteLine(d.Detail ?? d.MessageEn);
    }
}
