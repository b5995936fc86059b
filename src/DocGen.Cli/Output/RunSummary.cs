using DocGen.Engine;
using DocGen.Model;
using Spectre.Console;

namespace DocGen.Cli.Output;

/// <summary>The end of a render or validate run: the exit code, the human summary table and the machine-readable JSON.</summary>
public static class RunSummary
{
    /// <summary>0 when every input succeeded, else the code of the first failed input in input order.</summary>
    public static int ExitCode(IReadOnlyList<RenderOutcome> outcomes) => ExitCodes.Of(outcomes.FirstOrDefault(o => !o.Ok)?.Failure);

    /// <param name="verbose">Print acknowledged rule breaks in full; otherwise one count per file: they are known and published
    /// knowingly, and 100 copies of a file would print 200 long lines that hide the warnings that matter.</param>
    public static void PrintDiagnostics(CliContext ctx, IReadOnlyList<RenderOutcome> outcomes, bool verbose)
    {
        foreach (var o in outcomes)
        {
            ctx.PrintDiagnostics(o.Diagnostics.Where(d => verbose || !d.Acknowledged));
            int acknowledged = o.Diagnostics.Count(d => d.Acknowledged);
            if (!verbose && acknowledged > 0)
                ctx.Err.WriteLine(ctx.T($"{o.Input}: 已说明的规则例外 {acknowledged} 项（加 --verbose 查看）",
                    $"{o.Input}: {acknowledged} acknowledged rule exception(s) (--verbose shows them)"));
        }
    }

    public static void PrintTable(CliContext ctx, IReadOnlyList<RenderOutcome> outcomes, TimeSpan total, bool showOutputs)
    {
        var console = Consoles.For(ctx.Out, Console.IsOutputRedirected);
        var table = new Spectre.Console.Table().Border(TableBorder.Rounded);
        table.AddColumn(ctx.T("输入", "input"));
        table.AddColumn(ctx.T("状态", "status"));
        if (showOutputs) table.AddColumn(ctx.T("输出", "outputs"));
        table.AddColumn(new TableColumn(ctx.T("警告", "warnings")).RightAligned());
        table.AddColumn(new TableColumn(ctx.T("错误", "errors")).RightAligned());
        table.AddColumn(new TableColumn(ctx.T("毫秒", "ms")).RightAligned());
        foreach (var o in outcomes)
        {
            var cells = new List<string>
            {
                Markup.Escape(o.Input),
                o.Ok ? "[green]" + ctx.T("成功", "ok") + "[/]" : "[red]" + ctx.T("失败", "failed") + $" ({ExitCodes.Of(o.Failure)})[/]",
            };
            if (showOutputs) cells.Add(Markup.Escape(string.Join(", ", o.Outputs.Select(Path.GetFileName))));
            cells.Add(Warnings(o).ToString());
            cells.Add(Errors(o).ToString());
            cells.Add(((long)o.Elapsed.TotalMilliseconds).ToString());
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
        int failed = outcomes.Count(o => !o.Ok);
        ctx.Out.WriteLine(ctx.T(
            $"共 {outcomes.Count} 个，成功 {outcomes.Count - failed} 个，失败 {failed} 个；用时 {total.TotalSeconds:0.0} 秒",
            $"{outcomes.Count} input(s): {outcomes.Count - failed} succeeded, {failed} failed; {total.TotalSeconds:0.0} s"));
    }

    public static int Warnings(RenderOutcome o) => o.Diagnostics.Count(d => d.Severity == Severity.Warning);
    public static int Errors(RenderOutcome o) => o.Diagnostics.Count(d => d.Severity == Severity.Error);

    public static void WriteJson(TextWriter output, IReadOnlyList<RenderOutcome> outcomes, TimeSpan total, string command)
    {
        var totals = new RunTotalsJson(outcomes.Count, outcomes.Count(o => o.Ok), outcomes.Count(o => !o.Ok), outcomes.Sum(o => o.Outputs.Count),
            outcomes.Sum(Warnings), outcomes.Sum(Errors), (long)total.TotalMilliseconds);
        var inputs = outcomes.Select(o => new InputJson(o.Input, o.Ok ? "ok" : "failed", ExitCodes.Of(o.Failure), o.Outputs,
            DiagnosticJson.Of(o.Diagnostics, Severity.Warning), DiagnosticJson.Of(o.Diagnostics, Severity.Error),
            (long)o.Elapsed.TotalMilliseconds)).ToList();
        output.WriteLine(JsonText.Write(new RunJson(command, ExitCode(outcomes), totals, inputs), CliJsonContext.Output.RunJson));
    }
}
