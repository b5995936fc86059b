using DocGen.Tests.Support;
using static DocGen.Tests.Review.Checking;

namespace DocGen.Tests.Review;

/// <summary>
/// W-CHECK-NUMBER: numbers in the text against the tables, one phrase of templates/*/checks.json at a time, each with a case it
/// must catch and a close one it must not. Pingluo 2023: 18 applications received and handled, 0 carried either way, no review,
/// one direct lawsuit, 规范性文件 1 issued / 0 repealed / 5 in force, no fees.
/// </summary>
public sealed class NumberPhraseTests
{
    [Theory]
    [InlineData("今年共收到政府信息公开申请19件。", true)]
    [InlineData("今年共收到政府信息公开申请18件。", false)]
    [InlineData("今年共收到网民留言19件。", false)]
    [InlineData("全年累计办理申请17件，全部按期办结。", true)]
    [InlineData("全年办理中国政府网网民留言17件。", false)]
    [InlineData("结转下年度继续办理2件。", true)]
    [InlineData("结转下年度继续办理0件。", false)]
    [InlineData("上年结转申请3件。", true)]
    [InlineData("上年结转0件。", false)]
    [InlineData("因政府信息公开引发行政复议2件。", true)]
    [InlineData("因政府信息公开引发行政复议0件。", false)]
    [InlineData("因政府信息公开产生行政诉讼2件。", true)]
    [InlineData("因政府信息公开产生行政诉讼1件。", false)]
    [InlineData("因政府信息公开产生行政诉讼两件。", true)]
    [InlineData("因政府信息公开产生行政诉讼一件。", false)]
    [InlineData("未经复议直接起诉2件。", true)]
    [InlineData("未经复议直接起诉1件。", false)]
    [InlineData("复议后起诉1件。", true)]
    [InlineData("复议后起诉0件。", false)]
    [InlineData("全年制发规章1件。", true)]
    [InlineData("全年制发规章0件。", false)]
    [InlineData("全年制发规范性文件2件。", true)]
    [InlineData("全年制发规范性文件1件。", false)]
    [InlineData("废止规范性文件2件。", true)]
    [InlineData("废止规范性文件0件。", false)]
    [InlineData("目前现行有效规范性文件6件。", true)]
    [InlineData("目前现行有效规范性文件5件。", false)]
    [InlineData("全年公开行政文件69件、规范性文件6件。", false)]
    [InlineData("行政事业性收费1.5万元。", true)]
    [InlineData("行政事业性收费0万元。", false)]
    public void A_number_that_contradicts_the_tables_is_found(string paragraph, bool contradicts)
    {
        var findings = Findings(WithParagraph(Pingluo(), "sections.other", paragraph));
        Assert.True(contradicts == findings.Any(f => f.Id == "W-CHECK-NUMBER"), Show(findings));
        Assert.DoesNotContain(findings, f => f.Id != "W-CHECK-NUMBER");
    }

    [Fact]
    public void The_finding_points_at_the_number_and_names_the_table_cells()
    {
        var (findings, path) = Run(WithParagraph(Pingluo(), "sections.other", "经统计，“阳光”专栏之外，因政府信息公开产生行政诉讼3件。"));
        var d = Assert.Single(findings);
        Assert.Equal("3件", TextAt(path, d, 2));
        Assert.Equal("sections.other[21]", d.JsonPath);
        Assert.Contains("表四「政府信息公开行政复议、行政诉讼情况」「行政诉讼 未经复议直接起诉」行「总计」列（1）", d.Message);
        Assert.Contains("= 1", d.Message);
        Assert.Contains("tables.reviewLitigation.directSuit.total + tables.reviewLitigation.suitAfterReview.total", d.Message);
        Assert.Contains("the table says", d.MessageEn);
    }

    [Fact]
    public void Positions_survive_escapes_and_bold_markers()
    {
        var data = WithParagraph(Pingluo(), "sections.other", "**重点**：“\\路径\\”下，收到政府信息公开申请20件。");
        var (findings, path) = Run(data);
        var d = Assert.Single(findings);
        Assert.Equal("20", TextAt(path, d, 2));
    }

    [Fact]
    public void The_2019_format_reads_its_own_table_columns()
    {
        var data = DataFiles.Load("ningxia-gov-office-2020");
        WithParagraph(data, "sections.overview", "全年公开发布文件351件（其中：地方规章7件、规范性文件34件）。");
        var d = Assert.Single(Findings(data));
        Assert.Equal("W-CHECK-NUMBER", d.Id);
        Assert.Contains("本年新制作数量", d.Message);
    }

    [Fact]
    public void The_legacy_format_reads_its_statistics_table()
    {
        var data = DataFiles.Load("ningxia-region-2018");
        WithParagraph(data, "sections.reviewLitigation", "全区各级行政机关受理因信息公开提起的行政诉讼21件。");
        var d = Assert.Single(Findings(data));
        Assert.Contains("五、行政诉讼数量", d.Message);
    }
}
