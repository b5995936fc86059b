using System.CommandLine;
using DocGen.Cli.Output;
using DocGen.Engine;
using DocGen.Model;
using Spectre.Console;

namespace DocGen.Cli.Commands;

/// <summary>
/// `docgen fonts`: which font file the PDF uses for each role and the fallback chain behind it; given a data file, every
/// character that no font of its role covers (it would print as an empty box).
/// </summary>
public static class FontsCommand
{
    public static Command Create(Globals g)
    {
        var data = new Argument<string?>("data")
        {
            Description = g.T("数据文件（可选）：列出其中没有字体能显示的字符", "Data file (optional): list its characters that no font covers"),
            Arity = ArgumentArity.ZeroOrOne,
        };
        var template = new Option<string?>("--template")
        {
            Description = g.T("模板名（默认：数据文件的模板；没有数据文件时为所有已安装的模板）", "Template (default: the data file's; without one, every installed template)"),
            HelpName = "NAME",
        };
        var fontsDir = g.FontsDir();
        var json = g.Json();
        var command = new Command("fonts", g.T(
            "字体检查：PDF 中每个字体角色（仿宋、楷体、黑体、小标宋、宋体）实际使用哪个字体文件，以及依次尝试的候选字体；给出数据文件时，列出没有字体能显示的每个字符。缺字或缺字体时退出码为 4。\n\n" +
            "示例：\n  docgen fonts\n  docgen fonts 2024.json --fonts-dir ~/fonts",
            "Font check: which file the PDF uses for each font role (FangSong, Kai, Hei, XiaoBiaoSong, Song) and the fallback chain tried; with a data file, every character no font covers. Exit code 4 when a font or a glyph is missing.\n\n" +
            "Examples:\n  docgen fonts\n  docgen fonts 2024.json --fonts-dir ~/fonts"))
        {
            data, template, fontsDir, json,
        };
        command.SetAction(p => Run(g, p, p.GetValue(data), p.GetValue(template), p.GetValue(fontsDir) ?? [], p.GetValue(json)));
        return command;
    }

    private static int Run(Globals g, ParseResult p, string? data, string? templateName, string[] fontDirs, bool json)
    {
        var ctx = g.Context();
        var locator = g.Locator(p);
        var fonts = new FontOverview(fontDirs);
        Document? document = null;
        List<string> templates;
        if (data is not null)
        {
            var build = new ReportPipeline(locator).Build(data, templateName);
            ctx.PrintDiagnostics(build.Diagnostics);
            if (!build.Ok) return ExitCodes.Of(build.Failure ?? FailureKind.InvalidData);
            document = build.Document;
            templates = [build.TemplateName!];
        }
        else templates = templateName is null ? [.. locator.Names()] : [templateName];

        var roles = templates.Select(t => (Template: t, Roles: fonts.Describe(locator.Describe(t).Styles))).ToList();
        IReadOnlyList<MissingCharacter> missing = [];
        DocGenException? fontFailure = null;
        if (document is not null)
        {
            try { missing = fonts.FindMissing(document); }
            catch (DocGenException e) { fontFailure = e; }
        }

        if (json) WriteJson(ctx, roles, data, missing);
        else Print(ctx, roles, data, missing);
        if (fontFailure is not null) ctx.PrintDiagnostics(fontFailure.Diagnostics);
        bool problem = fontFailure is not null || missing.Count > 0 || roles.Any(r => r.Roles.Any(x => x.Problem is not null));
        return problem ? ExitCodes.Of(FailureKind.Font) : ExitCodes.Success;
    }

    private static void Print(CliContext ctx, List<(string Template, IReadOnlyList<FontRoleOverview> Roles)> all, string? data, IReadOnlyList<MissingCharacter> missing)
    {
        var console = Consoles.For(ctx.Out, Console.IsOutputRedirected);
        foreach (var (template, roles) in all)
        {
            ctx.Out.WriteLine(ctx.T($"模板 {template} 的字体：", $"fonts of template {template}:"));
            var table = new Spectre.Console.Table().Border(TableBorder.Rounded);
            table.AddColumn(ctx.T("角色", "role"));
            table.AddColumn(ctx.T("DOCX 字体名", "DOCX font name"));
            table.AddColumn(ctx.T("PDF 使用的文件", "file used by the PDF"));
            table.AddColumn(ctx.T("候选（按顺序）", "fallback chain (in order)"));
            foreach (var r in roles)
            {
                string chosen = r.File is null
                    ? "[red]" + Markup.Escape((ctx.English ? r.ProblemEn : r.Problem) ?? ctx.T("无可用字体", "no usable font")) + "[/]"
                    : Markup.Escape(r.File) + (r.LatinFile is null || r.LatinFile == r.File ? "" : Markup.Escape($"\n{ctx.T("西文", "Latin")}：{r.LatinFile}"));
                string chain = string.Join("\n", r.Candidates.Select(c =>
                    Markup.Escape($"{(c.Latin ? ctx.T("西文 ", "Latin ") : "")}{c.File}{(c.Face > 0 ? $"#{c.Face}" : "")}：{Status(ctx, c)}")));
                table.AddRow(Markup.Escape(r.Role), Markup.Escape($"{r.OfficialName} / {r.LatinName}"), chosen, chain);
            }
            console.Write(table);
        }
        if (data is null) return;
        if (missing.Count == 0)
        {
            ctx.Out.WriteLine(ctx.T($"{data}：所有字符都有字体可以显示。", $"{data}: every character is covered by a font."));
            return;
        }
        ctx.Out.WriteLine(ctx.T($"{data}：以下 {missing.Count} 处字符没有字体可以显示（PDF 中会成为空框）：", $"{data}: {missing.Count} character(s) no font covers (they would print as empty boxes):"));
        foreach (var m in missing)
            ctx.Out.WriteLine($"  {m.Character} {m.CodePoint} [{m.Role}] {m.Where}：{m.Context}");
    }

    private static string Status(CliContext ctx, FontCandidateOverview c) => c.Status switch
    {
        "found" when c.Path == c.File => ctx.T("找到", "found") + Why(ctx, c.Match),
        "found" => ctx.T("找到 ", "found ") + c.Path + Why(ctx, c.Match),
        "not found" => ctx.T("未找到", "not found"),
        var other => other,
    };

    /// <summary>Why the file was taken: by its file name, by the family name in its name table, or as the style sheet's stand-in.</summary>
    private static string Why(CliContext ctx, string? match) => match switch
    {
        null => "",
        FontCandidateOverview.ByFileName => ctx.T("（按文件名）", " (by file name)"),
        FontCandidateOverview.AsFallback => ctx.T("（替代字体）", " (fallback)"),
        var m when m.StartsWith(FontCandidateOverview.FamilyNamePrefix, StringComparison.Ordinal) =>
            ctx.T($"（按字体族名「{m[FontCandidateOverview.FamilyNamePrefix.Length..]}」）", $" (by family name \"{m[FontCandidateOverview.FamilyNamePrefix.Length..]}\")"),
        var m => $"（{m}）",
    };

    private static void WriteJson(CliContext ctx, List<(string Template, IReadOnlyList<FontRoleOverview> Roles)> all, string? data, IReadOnlyList<MissingCharacter> missing)
    {
        var templates = all.Select(t => new FontTemplateJson(t.Template, t.Roles)).ToList();
        string json = JsonText.Write(new FontsJson(templates, data, data is null ? null : missing), CliJsonContext.Output.FontsJson);
        ctx.Out.WriteLine(json);
    }
}
