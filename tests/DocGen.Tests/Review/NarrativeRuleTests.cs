using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;
using static DocGen.Tests.Review.Checking;

namespace DocGen.Tests.Review;

/// <summary>W-CHECK-YEAR, W-CHECK-AGENCY and W-CHECK-REQUIRED, and what the example reports raise (only what is really wrong in them).</summary>
public sealed class NarrativeRuleTests
{
    [Fact]
    public void Examples_raise_only_what_the_published_reports_really_get_wrong()
    {
        foreach (var name in new[] { "pingluo-county-2023", "ningxia-gov-office-2020", "ningxia-region-2018" })
        {
            var clean = Findings(DataFiles.Load(name));
            Assert.True(clean.Count == 0, name + ":\n" + Show(clean));
        }
        // 自治区人民政府办公厅 2023: 表四 has 4 direct suits and 1 after review, the text says 行政诉讼 8 件; and one ")" closes a "（".
        var (findings, path) = Run(DataFiles.Load("ningxia-gov-office-2023"));
        Assert.Equal(["W-CHECK-NUMBER", "W-CHECK-PUNCT-HALFWIDTH"], findings.Select(f => f.Id));
        Assert.Equal("8件", TextAt(path, findings[0], 2));
        Assert.Equal("sections.overview[2]", findings[0].JsonPath);
        Assert.Contains("= 5", findings[0].Message);
        Assert.Equal(")", TextAt(path, findings[1], 1));
        Assert.Equal("sections.overview[5]", findings[1].JsonPath);
    }

    [Fact]
    public void A_statistics_period_of_another_year_is_found_but_last_year_mentioned_in_passing_is_not()
    {
        var data = Pingluo();
        var preamble = Part(data, "preamble");
        preamble[0] = preamble[0]!.GetValue<string>().Replace("本报告统计数据从2023年1月1日至12月31日", "本报告统计数据从2022年1月1日至2022年12月31日");
        WithParagraph(data, "sections.other", "全年申请量是2022年申请量的2倍，针对2022年全国政务公开评估结果整改。");
        var (findings, path) = Run(data);
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("W-CHECK-YEAR", f.Id));
        Assert.All(findings, f => Assert.Equal("2022", TextAt(path, f, 4)));
        Assert.All(findings, f => Assert.Equal("preamble[0]", f.JsonPath));
    }

    [Fact]
    public void The_year_in_the_title_and_of_the_work_points_must_be_the_report_year()
    {
        var data = Pingluo();
        data["title"]!["lines"]![0] = "平罗县人民政府办公室2022年政府信息公开工作年度报告";
        Part(data, "sections.other")[0] = "（一）2022年政务公开工作要点落实情况。";
        var findings = Findings(data);
        Assert.Equal(["title.lines[0]", "sections.other[0]"], findings.Select(f => f.JsonPath));
        Assert.All(findings, f => Assert.Equal("W-CHECK-YEAR", f.Id));
    }

    [Theory]
    [InlineData("title", "惠农区人民政府办公室2023年政府信息公开工作年度报告", true)]
    [InlineData("title", "石嘴山市平罗县人民政府办公室2023年政府信息公开工作年度报告", false)]
    [InlineData("closing", "如有疑问，请与惠农区人民政府办公室联系。电话：0952-6095358。", true)]
    [InlineData("closing", "如有疑问，请与平罗县政务公开办公室联系。电话：0952-6095358。", false)]
    [InlineData("preamble", "现发布《惠农区人民政府办公室2023年政府信息公开工作年度报告》，本报告统计数据从2023年1月1日至12月31日。", true)]
    [InlineData("preamble", "现发布《平罗县人民政府办公室2023年政府信息公开工作年度报告》，本报告统计数据从2023年1月1日至12月31日。", false)]
    public void The_agency_in_title_preamble_and_closing_agrees(string place, string text, bool disagrees)
    {
        var data = Pingluo();
        if (place == "title") data["title"]!["lines"]![0] = text;
        else Part(data, place)[^1] = text;
        var findings = Findings(data);
        Assert.True(disagrees == findings.Any(f => f.Id == "W-CHECK-AGENCY"), Show(findings));
        Assert.DoesNotContain(findings, f => f.Id != "W-CHECK-AGENCY");
    }

    [Fact]
    public void The_2021_format_requires_the_information_processing_fee_statement_and_the_2019_format_does_not()
    {
        var data = Pingluo();
        Part(data, "sections.other").RemoveAt(20);
        var d = Assert.Single(Findings(data));
        Assert.Equal("W-CHECK-REQUIRED", d.Id);
        Assert.Contains("信息处理费收取情况", d.Message);
        Assert.Equal("sections.other", d.JsonPath);

        var reworded = WithParagraph(Pingluo(), "sections.other", "本年度未向申请人收取信息处理费。");
        Part(reworded, "sections.other").RemoveAt(20);
        Assert.Empty(Findings(reworded));
        Assert.Empty(Findings(DataFiles.Load("ningxia-gov-office-2020")));
    }

    [Fact]
    public void Problems_without_improvements_are_found()
    {
        var data = WithPart(Pingluo(), "sections.problems", "主要问题是培训形式单一，督查力度不够。");
        var d = Assert.Single(Findings(data));
        Assert.Contains("改进情况", d.Message);
    }

    [Fact]
    public void Contact_details_inside_六_satisfy_the_format_and_raise_no_narrative_warning()
    {
        // The contact paragraphs typed at the end of 六 with closing empty, or without the closing key at all.
        var data = Pingluo();
        foreach (var p in Part(data, "closing").Select(n => n!.GetValue<string>()).ToList()) WithParagraph(data, "sections.other", p);
        WithPart(data, "closing");
        var built = new ReportPipeline(new TemplateLocator(Repo.Templates)) { RunChecks = true }.Build(DataFiles.Write(data));
        Assert.True(built.Ok);
        Assert.Empty(built.Diagnostics);
        data.Remove("closing");
        built = new ReportPipeline(new TemplateLocator(Repo.Templates)) { RunChecks = true }.Build(DataFiles.Write(data));
        Assert.Empty(built.Diagnostics);
    }

    [Fact]
    public void A_report_that_says_nowhere_where_to_read_it_and_whom_to_contact_is_found()
    {
        var findings = Findings(WithPart(Pingluo(), "closing"));
        Assert.Equal(2, findings.Count(f => f.Id == "W-CHECK-REQUIRED"));
        Assert.Contains(findings, f => f.Message.Contains("报告的查阅途径"));
        Assert.Contains(findings, f => f.Message.Contains("联系方式"));
    }

    [Fact]
    public void An_empty_part_without_a_heading_is_not_said_to_print_its_heading()
    {
        var data = WithPart(Pingluo(), "preamble");
        var d = Assert.Single(Pipelines.Default.Build(DataFiles.Write(data)).Diagnostics);
        Assert.Equal("W-DATA-NARRATIVE-EMPTY", d.Id);
        Assert.DoesNotContain("标题", d.Message);
        Assert.Contains("报告中将没有这一部分", d.Message);

        var section = Assert.Single(Pipelines.Default.Build(DataFiles.Write(WithPart(Pingluo(), "sections.problems"))).Diagnostics);
        Assert.Contains("该部分将只印标题", section.Message);
        Assert.Equal(Severity.Warning, section.Severity);
    }
}
