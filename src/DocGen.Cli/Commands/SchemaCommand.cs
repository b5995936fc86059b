using System.CommandLine;
using DocGen.Model;

namespace DocGen.Cli.Commands;

/// <summary>Hidden `docgen schema`: regenerates templates/NAME/schema.json from the template, for template maintainers.</summary>
public static class SchemaCommand
{
    public static Command Create(Globals g)
    {
        var template = new Option<string?>("--template")
        {
            Description = g.T("模板名（不指定则为所有已安装的模板生成）", "Template name (default: every installed template)"),
            HelpName = "NAME",
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = g.T("输出文件（默认：模板文件夹中的 schema.json；- 表示标准输出）", "Output file (default: the template's schema.json; - for stdout)"),
            HelpName = "FILE",
        };
        var command = new Command("schema", g.T(
            "根据模板生成数据文件的 JSON Schema（供 VS Code 等编辑器自动补全和提示）。修改模板的表格或叙述字段后运行。\n\n示例：\n  docgen schema\n  docgen schema --template gov-info-annual-2021 -o -",
            "Generate the data file's JSON Schema from the template (for completion in editors such as VS Code). Run after changing a template's tables or narrative fields.\n\nExamples:\n  docgen schema\n  docgen schema --template gov-info-annual-2021 -o -"))
        {
            template, output,
        };
        command.Hidden = true;
        command.SetAction(p =>
        {
            var ctx = g.Context();
            var locator = g.Locator(p);
            string? name = p.GetValue(template);
            string? target = p.GetValue(output);
            var names = name is null ? locator.Names() : [name];
            if (names.Count == 0) return ctx.Usage($"在 {locator.Root} 中没有找到模板", $"no templates in {locator.Root}");
            if (names.Count > 1 && target is not null) return ctx.Usage("-o 只能与 --template 一起使用", "-o needs --template");
            foreach (var n in names)
            {
                var package = locator.Describe(n);
                string text = package.Schema();
                if (target == "-") { ctx.Out.Write(text); continue; }
                string file = target ?? package.SchemaFile;
                try { File.WriteAllText(file, text); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw DiagnosticCatalog.IoWrite.Fail($"无法写入：{e.Message}", $"cannot write: {e.Message}", file);
                }
                ctx.Err.WriteLine(ctx.T($"已写入 {file}", $"wrote {file}"));
            }
            return 0;
        });
        return command;
    }
}
