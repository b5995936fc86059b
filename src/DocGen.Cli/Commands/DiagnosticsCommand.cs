using System.CommandLine;
using DocGen.Model;

namespace DocGen.Cli.Commands;

/// <summary>
/// Hidden `docgen diagnostics`: prints the catalog of diagnostic ids as the README's Markdown table, or rewrites the README's
/// generated tables (exit codes and ids, <see cref="ReadmeTables"/>; scripts/update-readme-ids.sh). A test keeps the README in
/// step; this is how a maintainer updates it.
/// </summary>
public static class DiagnosticsCommand
{
    public static Command Create(Globals g)
    {
        var readme = new Option<string?>("--update-readme")
        {
            Description = g.T("改写这个 README 中的编号表（位于两个标记注释之间）", "Rewrite the id table of this README (between its two marker comments)"),
            HelpName = "FILE",
        };
        var command = new Command("diagnostics", g.T(
            "列出所有诊断编号（严重程度、退出码、含义），格式为 README 中的 Markdown 表格。\n\n示例：\n  docgen diagnostics\n  docgen diagnostics --update-readme README.md",
            "List every diagnostic id (severity, exit code, meaning) as the README's Markdown table.\n\nExamples:\n  docgen diagnostics\n  docgen diagnostics --update-readme README.md"))
        {
            readme,
        };
        command.Hidden = true;
        command.SetAction(p =>
        {
            var ctx = g.Context();
            if (p.GetValue(readme) is not { } file)
            {
                ctx.Out.Write(ReadmeTables.Ids());
                return 0;
            }
            string text;
            try { text = File.ReadAllText(file).ReplaceLineEndings("\n"); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw DiagnosticCatalog.IoRead.Fail($"无法读取：{e.Message}", $"cannot read: {e.Message}", file);
            }
            if (ReadmeTables.Splice(text) is not { } updated)
                return ctx.Usage($"{file} 中缺少退出码表或编号表的标记注释（{ExitCodes.Start} … {ExitCodes.End}，{ReadmeTables.IdsStart} … {ReadmeTables.IdsEnd}）",
                    $"{file} lacks the marker comments around the exit-code table or the id table ({ExitCodes.Start} … {ExitCodes.End}, {ReadmeTables.IdsStart} … {ReadmeTables.IdsEnd})");
            try { File.WriteAllText(file, updated); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw DiagnosticCatalog.IoWrite.Fail($"无法写入：{e.Message}", $"cannot write: {e.Message}", file);
            }
            ctx.Err.WriteLine(updated == text ? ctx.T($"{file} 的退出码表和编号表已是最新", $"{file}: the exit-code and id tables are up to date") : ctx.T($"已更新 {file}", $"updated {file}"));
            return 0;
        });
        return command;
    }
}
