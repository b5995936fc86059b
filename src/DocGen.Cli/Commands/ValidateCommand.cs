using System.CommandLine;
using System.Diagnostics;
using DocGen.Cli.Output;
using DocGen.Engine;
using DocGen.Model;

namespace DocGen.Cli.Commands;

/// <summary>`docgen validate`: every check of render (data, rules, template) without writing any file.</summary>
public static class ValidateCommand
{
    public static Command Create(Globals g)
    {
        var inputs = BatchInputs.Argument(g);
        var jobs = BatchInputs.Parallelism(g);
        var json = g.Json();
        var noCheck = CheckCommand.NoCheckOption(g);
        var fontsDir = g.FontsDir();
        var command = new Command("validate", g.T(
            "检查数据文件：字段、数值、表格规则（如 T3-1）和模板，列出所有问题（文件名(行,列)），不写任何文件。退出码与 render 相同。\n\n" +
            "示例：\n  docgen validate 2024.json\n  docgen validate examples --json",
            "Check data files: fields, numbers, table rules (such as T3-1) and the template; lists every problem (file(line,col)) and writes nothing. Same exit codes as render.\n\n" +
            "Examples:\n  docgen validate 2024.json\n  docgen validate examples --json"))
        {
            inputs, jobs, json, fontsDir, noCheck,
        };
        command.SetAction(p => Run(g, p, p.GetValue(inputs)!, p.GetValue(jobs), p.GetValue(json), p.GetValue(fontsDir) ?? [], p.GetValue(noCheck)));
        return command;
    }

    private static int Run(Globals g, ParseResult p, string[] args, int jobs, bool json, string[] fontDirs, bool noCheck)
    {
        var ctx = g.Context();
        var files = BatchInputs.Expand(ctx, args);
        if (files is null) return ExitCodes.Of(FailureKind.Usage);
        // Render's checks short of writing: the PDF's fonts cover every character, and every table row fits a page.
        var validator = new ReportValidator(new ReportPipeline(g.Locator(p)) { RunChecks = !noCheck }, new PdfOutput(fontDirs));
        var clock = Stopwatch.StartNew();
        var outcomes = new RenderOutcome[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = ctx.Cancel },
            i => outcomes[i] = validator.Validate(files[i], ctx.Cancel));
        clock.Stop();

        RunSummary.PrintDiagnostics(ctx, outcomes, g.IsVerbose(p));
        if (g.IsVerbose(p)) RenderCommand.PrintInternalDetails(ctx, outcomes);
        if (json) RunSummary.WriteJson(ctx.Out, outcomes, clock.Elapsed, "validate");
        else
        {
            foreach (var o in outcomes)
            {
                int e = RunSummary.Errors(o), w = RunSummary.Warnings(o);
                ctx.Out.WriteLine(o.Ok
                    ? ctx.T($"✓ {o.Input}：有效" + (w > 0 ? $"（{w} 个警告）" : ""), $"✓ {o.Input}: valid" + (w > 0 ? $" ({w} warning(s))" : ""))
                    : ctx.T($"✗ {o.Input}：{e} 个错误，{w} 个警告", $"✗ {o.Input}: {e} error(s), {w} warning(s)"));
            }
        }
        return RunSummary.ExitCode(outcomes);
    }
}
