using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// Broken copies of the 2021 template: every fault is a template error (exit 3) naming the template file and the line of the
/// fault, including the ones Handlebars passes in silence and the markup errors found only after rendering.
/// </summary>
public class TemplateFaultTests
{
    private const string Report = "report.hbs";
    private const string PreambleEach = "{{#each preamble}}\n<p src=\"preamble[{{@index}}]\">{{this}}</p>\n{{/each}}";

    private static string Replace(string s, string from, string to) =>
        s.Contains(from, StringComparison.Ordinal) ? s.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException($"「{from}」 not in template");

    /// <summary>Each fault: how to break the copy, the expected id, the file it must name, a text on the line it must name, a text of the message.</summary>
    private static readonly Dictionary<string, (Action<string> Edit, string Id, string File, string? LineWith, string Text)> Faults = new()
    {
        ["unclosed-block"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "{{/each}}\n<p style=\"heading1\">一、总体情况", "<p style=\"heading1\">一、总体情况")),
            "E-TEMPLATE-SYNTAX", Report, "{{#each preamble}}", "没有闭合"),
        ["mismatched-close"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "{{/if}}", "{{/each}}")), "E-TEMPLATE-SYNTAX", Report, "{{/each}}", "不配对"),
        ["block-without-argument"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "{{#if title.agencyLine}}", "{{#if}}")), "E-TEMPLATE-SYNTAX", Report, "{{#if}}", "缺少参数"),
        ["unterminated-mustache"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "<p src=\"preamble[{{@index}}]\">{{this}}</p>", "<p src=\"preamble[{{@index}}]\">{{this</p>")),
            "E-TEMPLATE-SYNTAX", Report, "{{this</p>", "未闭合"),
        ["unknown-block-helper"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, PreambleEach, PreambleEach.Replace("#each", "#foreach").Replace("/each", "/foreach"))),
            "E-TEMPLATE-HELPER", Report, "{{#foreach preamble}}", "{{#foreach}}"),
        ["unknown-helper"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "<p src=\"sections.overview[{{@index}}]\">{{this}}</p>", "<p src=\"sections.overview[{{@index}}]\">{{upper this}}</p>")),
            "E-TEMPLATE-HELPER", Report, "{{upper this}}", "upper"),
        ["unknown-partial"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "{{#if title.agencyLine}}", "{{> footer}}\n{{#if title.agencyLine}}")),
            "E-TEMPLATE-PARTIAL", Report, "{{> footer}}", "footer"),
        ["indented-partial"] = (t =>
        {
            File.WriteAllText(Path.Combine(t, "item.hbs"), "<p src=\"preamble[{{@index}}]\">{{this}}</p>");
            TemplateCopies.Edit(t, Report, s => Replace(s, PreambleEach, "{{#each preamble}}\n  {{> item}}\n{{/each}}"));
        }, "E-TEMPLATE-PARTIAL", Report, "  {{> item}}", "缩进"),
        ["markup-unknown-style"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "<p style=\"heading1\">一、总体情况</p>", "<p style=\"heading9\">一、总体情况</p>")),
            "E-MARKUP", Report, "heading9", "heading9"),
        ["markup-unknown-element"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "<p style=\"heading1\">二、主动公开政府信息情况</p>", "<para style=\"heading1\">二、主动公开政府信息情况</para>")),
            "E-MARKUP", Report, "<para ", "<para>"),
        ["markup-unclosed-element"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "<p style=\"heading1\">一、总体情况</p>", "<p style=\"heading1\">一、总体情况")),
            "E-MARKUP", Report, "一、总体情况", "漏写了 </p>"),
        ["markup-stray-end-tag"] = (t => TemplateCopies.Edit(t, Report, s => Replace(s, "<p style=\"heading1\">一、总体情况</p>", "<p style=\"heading1\">一、总体情况</p></p>")),
            "E-MARKUP", Report, "一、总体情况</p></p>", "report.hbs 第 2 行"),
        ["markup-error-in-partial"] = (t =>
        {
            File.WriteAllText(Path.Combine(t, "item.hbs"), "{{!-- one preamble paragraph --}}\n<p style=\"nosuch\" src=\"preamble[{{@index}}]\">{{this}}</p>");
            TemplateCopies.Edit(t, Report, s => Replace(s, PreambleEach, "{{#each preamble}}\n{{> item}}\n{{/each}}"));
        }, "E-MARKUP", "item.hbs", "nosuch", "nosuch"),
        ["style-sheet-not-json"] = (t => TemplateCopies.Edit(t, "styles.json", s => Replace(s, "\"page\": {", "\"page\": {{")), "E-TEMPLATE-JSON", "styles.json", "{{", "JSON"),
    };

    public static TheoryData<string> Names => new(Faults.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Fault_is_reported_with_template_file_and_line(string name)
    {
        var (edit, id, file, lineWith, text) = Faults[name];
        string root = TemplateCopies.Make(edit);
        var pipeline = new ReportPipeline(new TemplateLocator(root));

        var result = pipeline.Build(CorpusCase.Load("valid-minimal").Input);

        string all = string.Join("\n", result.Diagnostics.Select(d => d.Format()));
        Assert.True(result.Failure == FailureKind.Template, $"{result.Failure}: {all}");
        var d = result.Diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(d is not null, $"no {id}: {all}");
        Assert.Equal(Path.Combine(root, TemplateCopies.Name, file), d.File);
        int line = DataFiles.LineOf(d.File!, lineWith!);
        Assert.True(d.Line == line, $"line {d.Line}, expected {line}: {d.Format()}");
        Assert.Contains(text, d.Message, StringComparison.Ordinal);
        DiagnosticAssert.IsClear(d);
    }

    [Fact]
    public void Unindented_partial_keeps_escaping_so_xml_special_text_survives()
    {
        string root = TemplateCopies.Make(t =>
        {
            File.WriteAllText(Path.Combine(t, "item.hbs"), "<p src=\"sections.overview[{{@index}}]\">{{this}}</p>");
            TemplateCopies.Edit(t, Report, s => Replace(s, "{{#each sections.overview}}\n<p src=\"sections.overview[{{@index}}]\">{{this}}</p>", "{{#each sections.overview}}\n{{> item}}"));
        });
        var result = new ReportPipeline(new TemplateLocator(root)).Build(CorpusCase.Load("xml-special").Input);

        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        string text = ModelText.Of(result.Document!);
        Assert.Contains("a < b && c > d", text);
        Assert.Contains("结束标记 ]]> 与 <![CDATA[ x ]]> 以及 </p></document> 原样打印。", text);
    }

    [Fact]
    public void Source_markers_do_not_change_the_document()
    {
        // The markers are processing instructions: the model must be exactly what the unmarked template gives.
        var result = Pipelines.Default.Build(Repo.Example("ningxia-gov-office-2023"));
        Assert.True(result.Ok);
        Assert.DoesNotContain("docgen-src", ModelText.Of(result.Document!));
        Assert.DoesNotContain(result.Document!.Blocks.OfType<Paragraph>(), p => p.PlainText.StartsWith('\n') || p.PlainText.EndsWith('\n'));
    }
}
