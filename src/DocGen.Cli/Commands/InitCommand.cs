using System.CommandLine;
using DocGen.Model;

namespace DocGen.Cli.Commands;

/// <summary>`docgen init`: writes a new, complete data file for a template, ready to fill in with VS Code's help.</summary>
public static class InitCommand
{
    public static Command Create(Globals g)
    {
        var template = new Option<string>("--template")
        {
            Description = g.T("模板名（见 docgen templates）", "Template name (see docgen templates)"),
            HelpName = "NAME",
        };
        var agency = new Option<string?>("--agency")
        {
            Description = g.T("机关名称（简称，用于标题和文件名）", "Agency name (short form, used in the title and the file name)"),
            HelpName = g.T("机关", "NAME"),
        };
        var year = new Option<int?>("--year")
        {
            Description = g.T("报告年度（默认：上一年）", "Report year (default: last year)"),
            HelpName = "YYYY",
            // Parsed here: System.CommandLine's own failure names the .NET type (System.Nullable`1[System.Int32]).
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y) && y is >= 1990 and <= 2100)
                    return y;
                r.AddError(g.T($"--year 应为四位年份，如 2024（1990 至 2100），实际为「{text}」", $"--year must be a four-digit year such as 2024 (1990 to 2100), not '{text}'"));
                return null;
            },
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = g.T("写入的数据文件（默认：按标题命名，如 某某局2024年政府信息公开工作年度报告.json；- 表示标准输出）",
                "Data file to write (default: named after the title; - for stdout)"),
            HelpName = "FILE",
        };
        var force = new Option<bool>("--force")
        {
            Description = g.T("覆盖已存在的文件", "Overwrite an existing file"),
        };
        var command = new Command("init", g.T(
            "新建数据文件：所有字段齐全（表格数值为 0，叙述部分为空段落列表），并引用模板的 JSON Schema，在 VS Code 中填写时可自动补全、显示说明。不会覆盖已有文件，除非加 --force。\n\n" +
            "示例：\n  docgen init --template gov-info-annual-2021 --agency 某某县人民政府办公室 --year 2024\n  docgen init --template gov-info-annual-2021 --agency 某某局 --year 2024 -o data/2024.json",
            "Create a data file with every field present (zero in every table cell, empty paragraph lists) and a reference to the template's JSON Schema, so VS Code completes and explains each field. Never overwrites a file unless --force.\n\n" +
            "Examples:\n  docgen init --template gov-info-annual-2021 --agency 某某县人民政府办公室 --year 2024\n  docgen init --template gov-info-annual-2021 --agency 某某局 --year 2024 -o data/2024.json"))
        {
            template, agency, year, output, force,
        };
        g.Require(command, template);
        command.SetAction(p =>
        {
            var ctx = g.Context();
            var package = g.Locator(p).Describe(p.GetValue(template)!);
            string? agencyName = p.GetValue(agency);
            // The report is always about a past year; the clock only supplies the default the clerk would type anyway.
            int reportYear = p.GetValue(year) ?? TimeProvider.System.GetLocalNow().Year - 1;
            if (agencyName is not null && string.IsNullOrWhiteSpace(agencyName)) return ctx.Usage("--agency 不能为空", "--agency must not be empty");
            // The data file would be refused by validate (E-DATA-CONTROL-CHAR), and a control character echoed raw can forge output.
            if (agencyName is not null && agencyName.Any(char.IsControl))
            {
                int code = agencyName!.First(char.IsControl);
                return ctx.Usage($"--agency 含有控制字符 U+{code:X4}，机关名称只能是可见的文字", $"--agency contains the control character U+{code:X4}; an agency name is visible text only");
            }
            string agencyText = agencyName?.Trim() ?? ctx.T("请填写机关名称", "AGENCY NAME");
            string target = p.GetValue(output) ?? package.DefaultDataFileName(agencyName, reportYear);

            if (target == "-")
            {
                ctx.Out.Write(package.NewDataFile(agencyText, reportYear));
                return 0;
            }
            string text = package.NewDataFile(agencyText, reportYear);
            bool overwrite = p.GetValue(force);
            if (File.Exists(target) && !overwrite)
                return ctx.Usage($"{target} 已存在；如要覆盖，请加 --force", $"{target} exists; add --force to overwrite it");
            Write(target, text, overwrite);
            ctx.Err.WriteLine(ctx.T($"已写入 {target}：请填写后运行 docgen validate {Quote(target)}",
                $"wrote {target}: fill it in, then run docgen validate {Quote(target)}"));
            return 0;
        });
        return command;
    }

    private static string Quote(string path) => path.Contains(' ') ? $"\"{path}\"" : path;

    /// <summary>Temporary file then rename, like the report outputs: an interrupted init never leaves half a data file.</summary>
    private static void Write(string target, string text, bool overwrite)
    {
        string full = Path.GetFullPath(target);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.docgen-tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiagnosticCatalog.IoWrite.Fail($"无法写入数据文件：{e.Message}", $"cannot write the data file: {e.Message}", target);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
