using DocGen.Model;
using DocGen.Templates;
using DocGen.Tests.Support;

namespace DocGen.Tests.TemplateTests;

/// <summary>Numbering heads typed another way are printed in the standard form the style sheet's rules expect, with a warning.</summary>
public class NumberingHeadTests
{
    private static readonly IReadOnlyList<NumberingRule> Rules =
        StyleSheetLoader.Load(Path.Combine(Repo.Templates, "gov-info-annual-2021", "styles.json")).Numbering;

    private static readonly SourceRef At = new("x") { File = "data.json", Line = 7, Column = 9, JsonPath = "sections.overview[1]" };

    [Theory]
    [InlineData("(二)政府信息管理情况。全年……", "（二）政府信息管理情况。", "（二）")]
    [InlineData("（二)政府信息管理情况。全年……", "（二）政府信息管理情况。", "（二）")]
    [InlineData("(2)政府信息管理情况。全年……", "（二）政府信息管理情况。", "（二）")]
    [InlineData("（2）政府信息管理情况。全年……", "（二）政府信息管理情况。", "（二）")]
    [InlineData("**(三)平台建设。**全年……", "（三）平台建设。", "（三）")]
    [InlineData("1、制度建设。全年……", "1.制度建设。", "1.")]
    [InlineData("１．制度建设。全年……", "1.制度建设。", "1.")]
    public void A_run_in_head_typed_another_way_is_standardised_with_a_warning(string typed, string head, string standard)
    {
        var warnings = new List<Diagnostic>();
        var p = new ParagraphClassifier(Rules, warnings).Classify(typed, At);

        Assert.Equal("body", p.Style);
        Assert.Equal(head, string.Concat(p.Inlines.Where(i => i.CharacterStyle is not null).Select(i => i.Text)));
        var w = Assert.Single(warnings);
        Assert.Equal(("W-DATA-NUMBERING", Severity.Warning, "data.json", 7, 9, "sections.overview[1]"), (w.Id, w.Severity, w.File, w.Line, w.Column, w.JsonPath));
        Assert.Contains(standard, w.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("一.总体情况", "一、总体情况")]
    [InlineData("二，主动公开政府信息情况", "二、主动公开政府信息情况")]
    public void A_heading_typed_another_way_becomes_the_heading(string typed, string printed)
    {
        var warnings = new List<Diagnostic>();
        var p = new ParagraphClassifier(Rules, warnings).Classify(typed, At);

        Assert.Equal(("heading1", printed), (p.Style, p.PlainText));
        Assert.Single(warnings);
    }

    [Theory]
    [InlineData("（二）政府信息管理情况。全年……")]
    [InlineData("2023年，本局共办理……")]
    [InlineData("一是加强组织领导。")]
    [InlineData("(注：本表数据截至12月31日)")]
    public void Standard_heads_and_ordinary_text_give_no_warning(string text)
    {
        var warnings = new List<Diagnostic>();
        new ParagraphClassifier(Rules, warnings).Classify(text, At);
        Assert.Empty(warnings);
    }

    [Fact]
    public void The_warning_reaches_the_report_with_the_data_file_position()
    {
        string dir = DataFiles.TempDir();
        string data = Path.Combine(dir, "d.json");
        string text = File.ReadAllText(Repo.Example("pingluo-county-2023"));
        int first = text.IndexOf("\"（", text.IndexOf("\"overview\"", StringComparison.Ordinal), StringComparison.Ordinal);
        int close = text.IndexOf('）', first);
        text = text[..(first + 1)] + "(" + text[(first + 2)..close] + ")" + text[(close + 1)..];
        File.WriteAllText(data, text);

        var result = Pipelines.Default.Build(data);

        Assert.True(result.Ok, string.Join("\n", result.Diagnostics));
        var w = Assert.Single(result.Diagnostics, d => d.Id == "W-DATA-NUMBERING");
        Assert.Equal((data, DataFiles.LineOf(data, "\"(")), (w.File, w.Line));
        Assert.True(w.JsonPath?.StartsWith("sections.overview[", StringComparison.Ordinal), w.Format());
    }
}
