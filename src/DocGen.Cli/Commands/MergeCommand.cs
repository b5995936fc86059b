using System.CommandLine;
using System.Diagnostics;
using DocGen.Cli.Output;
using DocGen.Engine;
using DocGen.Engine.Merge;
using DocGen.Model;

namespace DocGen.Cli.Commands;

/// <summary>`docgen merge`: adds up the data files of several agencies into one regional data file (ReportMerger).</summary>
public static class MergeCommand
{
    public static Command Create(Globals g)
    {
        var inputs = BatchInputs.Argument(g);
        var output = new Option<string>("--output", "-o")
        {
            Description = g.T("写入的汇总数据文件", "Regional data file to write"),
            HelpName = "FILE",
        };
        var narrative = new Option<string?>("--narrative")
        {
            Description = g.T("提供机关名称、标题和正文的数据文件（通常是本地区自己的数据文件，可以就是 -o 的文件）",
                "Data file whose agency, title and narrative are copied (usually the region's own file; may be the -o file itself)"),
            HelpName = "FILE",
        };
        var json = g.Json();
        var command = new Command("merge", g.T(
            "汇总：把多个机关的数据文件（同一格式、同一年度）的表格数值相加，写成一个地区的数据文件；合计由程序重新计算。每个输入都须先通过检查。\n\n" +
            "示例：\n  docgen merge counties/*.json -o region.json\n  docgen merge counties -o region.json --narrative region.json\n  docgen render region.json -o out",
            "Merge: adds up the table values of several agencies' data files (same format, same year) into one regional data file; totals are recomputed. Every input must validate first.\n\n" +
            "Examples:\n  docgen merge counties/*.json -o region.json\n  docgen merge counties -o region.json --narrative region.json\n  docgen render region.json -o out"))
        {
            inputs, output, narrative, json,
        };
        g.Require(command, output);
        command.SetAction(p => Run(g, p, p.GetValue(inputs)!, p.GetValue(output)!, p.GetValue(narrative), p.GetValue(json)));
        return command;
    }

    private static int Run(Globals g, ParseResult p, string[] args, string output, string? narrative, bool json)
    {
        var ctx = g.Context();
        var clock = Stopwatch.StartNew();
        var expanded = BatchInputs.Expand(ctx, args);
        if (expanded is null) return ExitCodes.Of(FailureKind.Usage);
        // `docgen merge data/*.json -o data/region.json` would otherwise add the previous result into the new one.
        string target = Path.GetFullPath(output);
        var files = expanded.Where(f => Path.GetFullPath(f) != target).ToList();
        if (files.Count < expanded.Count)
            ctx.Err.WriteLine(ctx.T($"（跳过输出文件 {output} 本身）", $"(skipping the output file {output} itself)"));
        if (files.Count == 0) return ctx.Usage("没有要汇总的数据文件", "no data files to merge");

        var result = ReportMerger.Merge(files, new ReportPipeline(g.Locator(p)), narrative);
        // The merger names its result "（汇总结果）"; here it has a name, and one line more for "$schema".
        var diagnostics = result.Diagnostics.Select(d => d.File == ReportMerger.MergedFileName
            ? d with { File = output, Line = d.Line > 0 ? d.Line + 1 : 0 }
            : d).ToList();
        ctx.PrintDiagnostics(diagnostics);
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        int code = 0;
        if (!result.Ok || errors.Count > 0)
        {
            ctx.Err.WriteLine(ctx.T($"汇总失败：{errors.Count} 个错误，没有写出 {output}", $"merge failed: {errors.Count} error(s); {output} was not written"));
            code = ExitCode(errors);
        }
        else
        {
            try { Write(output, WithSchema(result.Json!, output, g.Locator(p), files[0])); }
            catch (DocGenException e) { code = ctx.Fail(e); diagnostics.AddRange(e.Diagnostics); }
        }
        int warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        if (json) WriteJson(ctx.Out, code, code == 0 ? output : null, files, diagnostics, clock.Elapsed);
        else if (code == 0)
            ctx.Out.WriteLine(ctx.T($"已汇总 {files.Count} 个数据文件 → {output}" + (warnings > 0 ? $"（{warnings} 个警告）" : ""),
                $"merged {files.Count} data file(s) → {output}" + (warnings > 0 ? $" ({warnings} warning(s))" : "")));
        return code;
    }

    /// <summary>The machine-readable result for pipelines: the file written (null when none was), the inputs summed, every diagnostic.</summary>
    private static void WriteJson(TextWriter stdout, int code, string? written, IReadOnlyList<string> inputs, IReadOnlyList<Diagnostic> diagnostics, TimeSpan elapsed)
    {
        var json = new MergeJson("merge", code, written, inputs, DiagnosticJson.Of(diagnostics, Severity.Warning),
            DiagnosticJson.Of(diagnostics, Severity.Error), (long)elapsed.TotalMilliseconds);
        stdout.WriteLine(JsonText.Write(json, CliJsonContext.Output.MergeJson));
    }

    /// <summary>The failure kind the first error stands for: an unreadable file is an I/O error, a broken template a template error.</summary>
    private static int ExitCode(IReadOnlyList<Diagnostic> errors)
    {
        var first = errors.FirstOrDefault(e => e.Id != DiagnosticCatalog.MergeInput.Id) ?? errors.FirstOrDefault();
        return ExitCodes.Of(first is null ? FailureKind.InvalidData : DiagnosticCatalog.Find(first.Id)?.Failure ?? FailureKind.InvalidData);
    }

    /// <summary>Adds the "$schema" reference (as `docgen init` writes it) so the regional file gets the editor's help too.</summary>
    private static string WithSchema(string json, string output, TemplateLocator locator, string firstInput)
    {
        if (!json.StartsWith("{\n", StringComparison.Ordinal)) return json;
        if (ReportPipeline.TemplateNameOf(firstInput) is not { } template) return json;
        string reference = locator.Describe(template).SchemaReference();
        return "{\n  \"$schema\": " + JsonOutput.Quote(reference) + ",\n" + json[2..];
    }

    private static void Write(string target, string text)
    {
        string full = Path.GetFullPath(target);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.docgen-tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiagnosticCatalog.IoWrite.Fail($"无法写入汇总数据文件：{e.Message}", $"cannot write the merged data file: {e.Message}", target);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
