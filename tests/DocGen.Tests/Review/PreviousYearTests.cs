using System.Text.Json.Nodes;
using static DocGen.Tests.Review.Checking;

namespace DocGen.Tests.Review;

/// <summary>--previous: this year's 二、上年结转 against last year's 四、结转下年度继续办理, and 现行有效 against last year's plus 制发 − 废止.</summary>
public sealed class PreviousYearTests
{
    /// <summary>Pingluo's data as last year's report: 2022, with <paramref name="carryForward"/> natural-person applications left for 2023.</summary>
    private static JsonObject LastYear(int carryForward = 0, int normativeInForce = 4)
    {
        var data = Pingluo();
        data["year"] = 2022;
        data["title"]!["lines"]![0] = "平罗县人民政府办公室2022年政府信息公开工作年度报告";
        var apps = data["tables"]!["applications"]!;
        apps["newReceived"]!["naturalPerson"] = 18 + carryForward; // keeps T3-1 balanced
        apps["carryForward"]!["naturalPerson"] = carryForward;
        data["tables"]!["activeDisclosure"]!["normativeDocuments"]!["inForce"] = normativeInForce;
        return data;
    }

    [Fact]
    public void Carry_over_that_does_not_continue_last_year_is_found_per_applicant_column()
    {
        var (findings, path) = Run(Pingluo(), LastYear(carryForward: 2));
        var d = Assert.Single(findings);
        Assert.Equal("W-CHECK-CARRYOVER", d.Id);
        Assert.Equal("tables.applications.carriedOver.naturalPerson", d.JsonPath);
        Assert.Equal(path, d.File);
        Assert.Contains("「二、上年结转政府信息公开申请数量」行「自然人」列（0）", d.Message);
        Assert.Contains("上年报告表三", d.Message);
        Assert.Contains("= 2", d.Message);
    }

    [Fact]
    public void Matching_carry_over_and_documents_in_force_raise_nothing()
    {
        Assert.Empty(Findings(Pingluo(), LastYear()));
    }

    [Fact]
    public void Documents_in_force_that_do_not_move_with_issued_and_repealed_are_a_soft_finding()
    {
        var d = Assert.Single(Findings(Pingluo(), LastYear(normativeInForce: 3)));
        Assert.Equal("W-CHECK-INFORCE", d.Id);
        Assert.Equal("tables.activeDisclosure.normativeDocuments.inForce", d.JsonPath);
        Assert.Contains("= 4", d.Message);
        Assert.Contains("如本年对存量做过清理或重新统计", d.Message);
    }

    [Fact]
    public void A_previous_report_of_another_year_is_said_and_not_compared()
    {
        var last = LastYear(carryForward: 2);
        last["year"] = 2021;
        last["title"]!["lines"]![0] = "平罗县人民政府办公室2021年政府信息公开工作年度报告";
        var d = Assert.Single(Findings(Pingluo(), last));
        Assert.Equal("W-CHECK-PREVIOUS", d.Id);
        Assert.EndsWith("previous.json", d.File);
    }
}
