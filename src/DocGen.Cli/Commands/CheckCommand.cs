using System.CommandLine;
using System.Diagnostics;
using DocGen.Cli.Output;
using DocGen.Engine;
using DocGen.Model;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen check`: the 审读 before publication. Validates like validate, then reads the text as an evaluator does (numbers against
/// the tables, years, agency, required content, numbering, typography, duplicates; with --previous, last year's carry-over).
/// Findings are warnings W-CHECK-…: the exit code is 0 unless the data (or the template) is broken.
/// </summary>
public static class CheckCommand
{
    public static Command Create(Globals g)
    {
        var inputs = BatchInputs.Argument(g);
        var jobs = BatchInputs.Parallelism(g);
        var json = g.Json();
        var previous = new Option<string?>("--previous")
        {
            Description = g.T("上一年度报告的数据文件：核对「上年结转」与上年「结转下年度继续办理」、现行有效件数的增减",
                "Last year's data file: checks this year's carry-over against last year's and the change of the documents in force"),
            HelpName = "FILE",
        };
        var command = new Command("check", g.T(
            "审读：像评估者那样检查报告正文——正文中的数字与表格是否一致、年度和机关名称、格式要求的内容、编号、标点、重复段落；" +
            "用 --previous 再与上一年度的报告核对。发现的问题是警告 W-CHECK-…（文件名(行,列)），数据有效时退出码为 0。validate 和 render 也会打印这些警告（--no-check 关闭）。\n\n" +
            "示例：\n  docgen check 2024.json\n  docgen check 2024.json --previous 2023.json\n  docgen check examples --json",
            "Review the text as an evaluator does: numbers in the text against the tables, years and agency names, the content the format " +
            "requires, numbering, punctuation, duplicated paragraphs; with --previous, against last year's report. Findings are warnings " +
            "W-CHECK-… (file(line,col)); the exit code is 0 when the data is valid. validate and render print them too (--no-check turns them off).\n\n" +
            "Examples:\n  docgen check 2024.json\n  docgen check 2024.json --previous 2023.json\n  docgen check examples --json"))
        {
            inputs, previous, jobs, json,
        };
        command.SetAction(p => Run(g, p, p.GetValue(inputs)!, p.GetValue(previous), p.GetValue(jobs), p.GetValue(json)));
        return command;
    }

    /// <summary>--no-check of validate and render: leave out the 审读 findings.</summary>
    public static Option<bool> NoCheckOption(Globals g) => new("--no-check")
    {
        Description = g.T("不做审读（不打印 W-CHECK-… 警告）", "Skip the review of the text (no W-CHECK-… warnings)"),
    };

    private static int Run(Globals g, ParseResult p, string[] args, string? previousFile, int jobs, bool json)
    {
        var ctx = g.Context();
        var files = BatchInputs.Expand(ctx, args);
        if (files is null) return ExitCodes.Of(FailureKind.Usage);
        var review = new ReportReview(new ReportPipeline(g.Locator(p)));
        var clock = Stopwatch.StartNew();

        PreviousYearReport? previous = null;
        if (previousFile is not null)
        {
            var (report, failure) = review.ReadPrevious(previousFile, ctx.Cancel);
            if (failure is not null)
            {
                // Without a readable, valid last-year report the comparison means nothing: say why and stop, as for a bad input.
                RunSummary.PrintDiagnostics(ctx, [failure], g.IsVerbose(p));
                if (json) RunSummary.WriteJson(ctx.Out, [failure], clock.Elapsed, "check");
                return ExitCodes.Of(failure.Failure);
            }
            previous = report;
        }

        var outcomes = new RenderOutcome[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = ctx.Cancel },
            i => outcomes[i] = review.Check(files[i], previous, ctx.Cancel));
        clock.Stop();

        RunSummary.PrintDiagnostics(ctx, outcomes, g.IsVerbose(p));
        if (json) RunSummary.WriteJson(ctx.Out, outcomes, clock.Elapsed, "check");
        else
        {
            foreach (var o in outcomes)
            {
                int e = RunSummary.Errors(o), w = o.Diagnostics.Count(d => d.Id.StartsWith(DiagnosticCatalog.CheckPrefix, StringComparison.Ordinal));
                ctx.Out.WriteLine(o.Ok
                    ? ctx.T($"✓ {o.Input}：" + (w > 0 ? $"{w} 条审读意见" : "审读未发现问题"), $"✓ {o.Input}: " + (w > 0 ? $"{w} finding(s)" : "no findings"))
                    : ctx.T($"✗ {o.Input}：{e} 个错误，未能审读", $"✗ {o.Input}: {e} error(s), not reviewed"));
            }
        }
        return RunSummary.ExitCode(outcomes);
    }
}
