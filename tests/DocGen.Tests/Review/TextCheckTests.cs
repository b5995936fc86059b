using static DocGen.Tests.Review.Checking;

namespace DocGen.Tests.Review;

/// <summary>Numbering, typography and duplicated paragraphs: each check with a case it must catch and a close one it must not.</summary>
public sealed class TextCheckTests
{
    [Theory]
    [InlineData("W-CHECK-NUMBERING", new[] { "（一）甲项工作。", "1.第一件事。", "3.第三件事。" }, "跳过了「2.」")]
    [InlineData("W-CHECK-NUMBERING", new[] { "1.第一件事。", "2.第二件事。", "2.又一件事。" }, "重复")]
    [InlineData("W-CHECK-NUMBERING", new[] { "（一）甲项工作。", "（三）丙项工作。" }, "跳过了「（二）」")]
    [InlineData("W-CHECK-NUMBERING", new[] { "（二）乙项工作。" }, "应从「（一）」开始")]
    [InlineData("W-CHECK-NUMBERING", new[] { "（一）甲项工作。", "（三）丙项工作。", "（二）乙项工作。" }, "顺序不对")]
    [InlineData(null, new[] { "（一）甲项工作。", "1.第一件事。", "2.第二件事。", "(二)乙项工作。", "1.第一件事。", "2、第二件事。" }, null)]
    [InlineData(null, new[] { "1.3万条信息已公开。", "2023年全年无追责。" }, null)]
    public void Numbering_that_skips_or_repeats_within_a_part(string? id, string[] paragraphs, string? says)
    {
        // 五 without its problems and improvements draws W-CHECK-REQUIRED too: only the numbering matters here.
        var findings = Findings(WithPart(Pingluo(), "sections.problems", paragraphs)).Where(f => f.Id == "W-CHECK-NUMBERING").ToList();
        if (id is null) { Assert.Empty(findings); return; }
        Assert.NotEmpty(findings);
        Assert.Contains(findings, d => d.Id == id && d.Message.Contains(says!));
    }

    [Theory]
    [InlineData("编发公报24期,免费赠阅16.9万本。", "W-CHECK-PUNCT-HALFWIDTH")]
    [InlineData("下发通知(宁政办发〔2023〕24号)，督促整改。", "W-CHECK-PUNCT-HALFWIDTH")]
    [InlineData("有疑问吗?请来电。", "W-CHECK-PUNCT-HALFWIDTH")]
    [InlineData("网址：https://www.nx.gov.cn/zwgk/zc/，累计1,000条，采用HTTPS(TLS 1.3)协议。", null)]
    [InlineData("打造\"阳光财政\"品牌。", "W-CHECK-QUOTES")]
    [InlineData("打造“阳光财政品牌。", "W-CHECK-QUOTES")]
    [InlineData("打造「阳光财政」品牌。", "W-CHECK-QUOTES")]
    [InlineData("打造“阳光财政”“法治政府”品牌，策划“惠民政策和‘十四五’规划”专题。", null)]
    [InlineData("全面落实，，确保实效。", "W-CHECK-PUNCT-DOUBLED")]
    [InlineData("全面落实。。", "W-CHECK-PUNCT-DOUBLED")]
    [InlineData("试点经验——《宁夏经验》等等……确保实效。", null)]
    [InlineData("推进政务 公开工作。", "W-CHECK-SPACE")]
    [InlineData("推进政务\u3000公开工作。", "W-CHECK-SPACE")]
    [InlineData("通过微博、微信、APP 等政务新媒体发布 2023 年信息。", null)]
    public void Typography_of_the_text(string paragraph, string? id)
    {
        var findings = Findings(WithParagraph(Pingluo(), "sections.other", paragraph));
        if (id is null) { Assert.True(findings.Count == 0, Show(findings)); return; }
        var d = Assert.Single(findings);
        Assert.Equal(id, d.Id);
        Assert.Equal("sections.other[21]", d.JsonPath);
    }

    [Fact]
    public void Half_width_punctuation_is_one_finding_per_paragraph_at_the_first_place()
    {
        var (findings, path) = Run(WithParagraph(Pingluo(), "sections.other", "编发公报(半月刊)24期,免费赠阅16.9万本;比上年增加。"));
        var d = Assert.Single(findings);
        Assert.Equal("(", TextAt(path, d, 1));
        Assert.Contains("共 4 处", d.Message);
    }

    [Fact]
    public void A_paragraph_printed_twice_is_found_at_its_second_copy()
    {
        var data = Pingluo();
        string copy = Part(data, "sections.other")[2]!.GetValue<string>();
        var (findings, path) = Run(WithParagraph(data, "sections.problems", copy));
        var d = Assert.Single(findings);
        Assert.Equal("W-CHECK-DUPLICATE", d.Id);
        // 五 is printed before 六: the copy in 六 is the second one a reader meets.
        Assert.Equal("sections.other[2]", d.JsonPath);
        Assert.Contains("sections.problems[4]", d.Message);
        Assert.Equal(copy[..4], TextAt(path, d, 4));
    }

    [Fact]
    public void Short_lines_may_recur()
    {
        var data = WithParagraph(WithParagraph(Pingluo(), "sections.other", "围绕重点推进公开。"), "sections.problems", "围绕重点推进公开。");
        Assert.Empty(Findings(data));
    }
}
