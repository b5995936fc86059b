using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// Broken copies of the 2021 template's entry template (Scriban) and of the markup it produces: every fault is a template error
/// (exit 3) naming the template file and the line of the fault, including the ones found only while rendering. The faults of the
/// manifest, style sheet and tables are in <see cref="TemplateFileFaultTests"/>; both use <see cref="TemplateFault"/>.
/// </summary>
public class TemplateFaultTests
{
    public const string Report = "report.scriban-html";
    private const string OverviewLine = "<p src=\"sections.overview[{{ for.index }}]\">{{ paragraph }}</p>";

    private static readonly Dictionary<string, TemplateFault> Faults = new()
    {
        ["unclosed-for"] = new(t => TemplateFault.Edit(t, Report, "{{~ end ~}}\n<p style=\"heading1\">一、总体情况</p>", "<p style=\"heading1\">一、总体情况</p>"),
            "E-TEMPLATE-SYNTAX", Report, "</document>", "end"),
        ["stray-end"] = new(t => TemplateFault.Edit(t, Report, "<p style=\"heading1\">二、主动公开政府信息情况</p>", "<p style=\"heading1\">二、主动公开政府信息情况</p>\n{{ end }}"),
            "E-TEMPLATE-SYNTAX", Report, "{{ end }}", "end"),
        ["unterminated-tag"] = new(t => TemplateFault.Edit(t, Report, OverviewLine, "<p src=\"sections.overview[{{ for.index }}]\">{{ paragraph </p>"),
            "E-TEMPLATE-SYNTAX", Report, "{{ paragraph </p>", "语法错误"),
        ["if-without-condition"] = new(t => TemplateFault.Edit(t, Report, "{{~ if title.agencyLine ~}}", "{{~ if ~}}"),
            "E-TEMPLATE-SYNTAX", Report, "{{~ if ~}}", "语法错误"),
        ["undefined-variable"] = new(t => TemplateFault.Edit(t, Report, "author=\"{{ agency }}\"", "author=\"{{ agencyy }}\""),
            "E-TEMPLATE-RUNTIME", Report, "{{ agencyy }}", "agencyy"),
        ["undefined-member"] = new(t => TemplateFault.Edit(t, Report, "for paragraph in sections.problems", "for paragraph in sections.problem"),
            "E-TEMPLATE-RUNTIME", Report, "sections.problem ", "problem"),
        ["unknown-function"] = new(t => TemplateFault.Edit(t, Report, OverviewLine, OverviewLine.Replace("{{ paragraph }}", "{{ upper paragraph }}", StringComparison.Ordinal)),
            "E-TEMPLATE-RUNTIME", Report, "{{ upper paragraph }}", "upper"),
        ["include-is-not-available"] = new(t => TemplateFault.Edit(t, Report, "<spacer lines=\"1\"/>", "<spacer lines=\"1\"/>\n{{ include \"/etc/passwd\" }}"),
            "E-TEMPLATE-RUNTIME", Report, "{{ include", "include"),
        ["dotnet-member-is-not-available"] = new(t => TemplateFault.Edit(t, Report, "author=\"{{ agency }}\"", "author=\"{{ agency.GetType }}\""),
            "E-TEMPLATE-RUNTIME", Report, "agency.GetType", "GetType"),
        ["clock-is-not-available"] = new(t => TemplateFault.Edit(t, Report, "author=\"{{ agency }}\"", "author=\"{{ date.now }}\""),
            "E-TEMPLATE-RUNTIME", Report, "date.now", "date"),
        ["endless-loop"] = new(t => TemplateFault.Edit(t, Report, "<spacer lines=\"1\"/>", "<spacer lines=\"1\"/>\n{{ while true; end }}"),
            "E-TEMPLATE-LIMIT", Report, "while true", "上限"),
        ["endless-recursion"] = new(t => TemplateFault.Edit(t, Report, "<spacer lines=\"1\"/>", "<spacer lines=\"1\"/>\n{{ func again; again; end; again }}"),
            "E-TEMPLATE-LIMIT", Report, "func again", "上限"),
        ["markup-unknown-style"] = new(t => TemplateFault.Edit(t, Report, "<p style=\"heading1\">一、总体情况</p>", "<p style=\"heading9\">一、总体情况</p>"),
            "E-MARKUP", Report, "heading9", "heading9"),
        ["markup-unknown-element"] = new(t => TemplateFault.Edit(t, Report, "<p style=\"heading1\">二、主动公开政府信息情况</p>", "<para style=\"heading1\">二、主动公开政府信息情况</para>"),
            "E-MARKUP", Report, "<para ", "<para>"),
        ["markup-unclosed-element"] = new(t => TemplateFault.Edit(t, Report, "<p style=\"heading1\">一、总体情况</p>", "<p style=\"heading1\">一、总体情况"),
            "E-MARKUP", Report, "一、总体情况", "漏写了 </p>"),
        ["markup-stray-end-tag"] = new(t => TemplateFault.Edit(t, Report, "<p style=\"heading1\">一、总体情况</p>", "<p style=\"heading1\">一、总体情况</p></p>"),
            "E-MARKUP", Report, "一、总体情况</p></p>", $"{Report} 第 2 行"),
        ["markup-spacer-infinity"] = new(t => TemplateFault.Edit(t, Report, "<spacer lines=\"1\"/>", "<spacer lines=\"Infinity\"/>"),
            "E-MARKUP", Report, "Infinity", "Infinity"),
        ["markup-spacer-huge"] = new(t => TemplateFault.Edit(t, Report, "<spacer lines=\"1\"/>", "<spacer lines=\"1e9\"/>"),
            "E-MARKUP", Report, "1e9", "1e9"),
        ["markup-table-missing"] = new(t => TemplateFault.Edit(t, Report, "<table ref=\"reviewLitigation\"/>", ""),
            "E-MARKUP", Report, "</document>", "reviewLitigation"),
    };

    public static TheoryData<string> Names => new(Faults.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Fault_is_reported_with_template_file_and_line(string name) => Faults[name].Check();

    [Fact]
    public void Data_values_stay_escaped_whatever_they_contain()
    {
        var result = Pipelines.Default.Build(CorpusCase.Load("xml-special").Input);

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

/// <summary>One broken template: how to break a copy, the id expected, the file it must name, a text on the line it must name (null:
/// no line), a text of the message. Checked through the whole pipeline, as a render would meet it.</summary>
public sealed record TemplateFault(Action<string> Break, string Id, string File, string? LineWith, string Text)
{
    public static void Edit(string folder, string file, string from, string to) =>
        TemplateCopies.Edit(folder, file, s => s.Contains(from, StringComparison.Ordinal)
            ? s.Replace(from, to, StringComparison.Ordinal)
            : throw new InvalidOperationException($"「{from}」 not in {file}"));

    public void Check()
    {
        string root = TemplateCopies.Make(Break);
        var result = new ReportPipeline(new TemplateLocator(root)).Build(CorpusCase.Load("valid-minimal").Input);

        string all = string.Join("\n", result.Diagnostics.Select(d => d.Format()));
        Assert.True(result.Failure == FailureKind.Template, $"{result.Failure}: {all}");
        string file = Path.Combine(root, TemplateCopies.Name, File);
        int line = LineWith is null ? 0 : DataFiles.LineOf(file, LineWith);
        var d = result.Diagnostics.FirstOrDefault(d => d.Id == Id && d.File == file && d.Line == line);
        Assert.True(d is not null, $"no {Id} at {file}({line}): {all}");
        Assert.Contains(Text, d.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("root:", all, StringComparison.Ordinal);
        DiagnosticAssert.IsClear(d);
    }
}
