using System.CommandLine;
using DocGen.Cli.Output;
using DocGen.Model;
using Spectre.Console;

namespace DocGen.Cli.Commands;

/// <summary>`docgen templates`: the installed templates with description and version.</summary>
public static class TemplatesCommand
{
    public static Command Create(Globals g)
    {
        var json = g.Json();
        var command = new Command("templates", g.T(
            "列出已安装的模板（名称、说明、版本）。\n\n示例：\n  docgen templates\n  docgen templates --json",
            "List the installed templates (name, description, version).\n\nExamples:\n  docgen templates\n  docgen templates --json"))
        {
            json,
        };
        command.SetAction(p =>
        {
            var ctx = g.Context();
            var locator = g.Locator(p);
            var packages = locator.Names().Select(locator.Describe).ToList();
            if (packages.Count == 0)
            {
                ctx.Err.WriteLine(ctx.T($"在 {locator.Root} 中没有找到模板（可用 --templates 或环境变量 DOCGEN_TEMPLATES 指定模板文件夹）",
                    $"no templates in {locator.Root} (use --templates or DOCGEN_TEMPLATES to name the templates folder)"));
                return ExitCodes.Of(FailureKind.Template);
            }
            if (p.GetValue(json))
            {
                var templates = packages.Select(t => new TemplateJson(t.Name, t.Description, t.DescriptionEn, t.Version, t.Folder)).ToList();
                string json = JsonText.Write(new TemplatesJson(locator.Root, templates), CliJsonContext.Output.TemplatesJson);
                ctx.Out.WriteLine(json);
                return 0;
            }
            var table = new Spectre.Console.Table().Border(TableBorder.Rounded);
            table.AddColumn(ctx.T("模板", "template"));
            table.AddColumn(ctx.T("说明", "description"));
            table.AddColumn(ctx.T("版本", "version"));
            foreach (var t in packages)
                table.AddRow(Markup.Escape(t.Name), Markup.Escape(ctx.English ? t.DescriptionEn : t.Description), Markup.Escape(t.Version));
            Consoles.For(ctx.Out, Console.IsOutputRedirected).Write(table);
            ctx.Out.WriteLine(ctx.T($"模板文件夹：{locator.Root}", $"templates folder: {locator.Root}"));
            return 0;
        });
        return command;
    }
}
