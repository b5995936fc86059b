using System.Text.Json.Nodes;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Formats;

/// <summary>Each new format's rules fire with their own id and name the table, row and column, as the 2021 rules do.</summary>
public sealed class FormatRuleTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("docgen-rules-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Builds a copy of an example after <paramref name="edit"/> changed its JSON.</summary>
    private IReadOnlyList<Diagnostic> BuildEdited(string example, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(Repo.Example(example)))!.AsObject();
        edit(root);
        string path = Path.Combine(_dir.FullName, example + ".json");
        File.WriteAllText(path, root.ToJsonString());
        return Pipelines.Default.Build(path).Diagnostics;
    }

    private static JsonObject Table(JsonObject root, string id) => root["tables"]![id]!.AsObject();

    [Fact]
    public void F2019_T3_1_names_the_applications_table_and_column()
    {
        var diags = BuildEdited("ningxia-gov-office-2020", r =>
        {
            var apps = Table(r, "applications");
            apps["carriedOver"]!["research"] = 2;
            apps["carriedOver"]!.AsObject().Remove("total");
            apps["newReceived"]!.AsObject().Remove("total");
        });
        // Checked per applicant column; the computed 总计 column balances whenever they do, so it is not reported again.
        var d = Assert.Single(diags, d => d.Severity == Severity.Error);
        Assert.Equal("T3-1", d.Id);
        Assert.Contains("表三「收到和处理政府信息公开申请情况」「科研机构」列", d.Message);
        Assert.Equal("tables.applications.newReceived.research", d.JsonPath);
    }

    [Fact]
    public void F2019_T3_2_checks_the_single_other_handling_row()
    {
        var diags = BuildEdited("ningxia-gov-office-2020", r => Table(r, "applications")["otherHandling"]!["naturalPerson"] = 1);
        var errors = diags.Where(d => d.Severity == Severity.Error).ToList();
        // The typed （七）总计 row no longer adds up (T3-2) and neither does the typed 总计 column of （六）其他处理 (T3-3).
        Assert.Contains(errors, d => d.Id == "T3-2" && d.Message.Contains("「三、本年度办理结果 （七）总计」行「自然人」列") && d.Message.Contains("（六）其他处理（1）"));
        Assert.Contains(errors, d => d.Id == "T3-3" && d.Message.Contains("「三、本年度办理结果 （六）其他处理」行「总计」列"));
    }

    [Fact]
    public void F2019_T4_1_names_the_review_group()
    {
        var diags = BuildEdited("ningxia-gov-office-2020", r => Table(r, "reviewLitigation")["suitAfterReview"]!["pending"] = 1);
        var d = Assert.Single(diags, d => d.Severity == Severity.Error);
        Assert.Equal("T4-1", d.Id);
        Assert.Contains("表四「政府信息公开行政复议、行政诉讼情况」「行政诉讼 复议后起诉」行「总计」列", d.Message);
    }

    [Fact]
    public void F2019_signed_change_must_be_an_integer_and_may_be_negative()
    {
        var diags = BuildEdited("ningxia-gov-office-2020", r =>
        {
            Table(r, "activeDisclosure")["penalty"]!["change"] = -3;
            Table(r, "activeDisclosure")["coercion"]!["change"] = 1.5;
        });
        var d = Assert.Single(diags, d => d.Severity == Severity.Error);
        Assert.Equal("E-DATA-INTEGER", d.Id);
        Assert.Contains("「第二十条第（六）项 行政强制」行「本年增/减」列", d.Message);
    }

    [Fact]
    public void F2019_purchase_amount_is_text_with_its_unit()
    {
        var diags = BuildEdited("ningxia-gov-office-2020", r => Table(r, "activeDisclosure")["procurement"]!["purchaseAmount"] = true);
        var d = Assert.Single(diags, d => d.Severity == Severity.Error);
        Assert.Equal("E-DATA-TYPE", d.Id);
        Assert.Contains("采购总金额", d.Message);
    }

    [Theory]
    [InlineData("receivedByFax", 7, "L3-1", "「三、依申请公开情况 （一）收到申请数」行「统计数」列")]
    [InlineData("concludedLate", 11, "L3-2", "「三、依申请公开情况 （二）申请办结数」行「统计数」列")]
    [InlineData("notExist", 56, "L3-3", "「三、依申请公开情况 （三）申请答复数」行「统计数」列")]
    [InlineData("refusedPrivacy", 4, "L3-4", "「三、依申请公开情况 4.不同意公开答复数」行「统计数」列")]
    [InlineData("reviewOther", 9, "L4-1", "「四、行政复议数量」行「统计数」列")]
    [InlineData("litigationCorrected", 2, "L5-1", "「五、行政诉讼数量」行「统计数」列")]
    [InlineData("staffPartTime", 1300, "L8-1", "「八、机构建设和保障经费情况 （三）从事政府信息公开工作人员数」行「统计数」列")]
    public void Legacy_sum_rules_name_the_total_row(string row, int value, string rule, string cell)
    {
        var diags = BuildEdited("ningxia-region-2018", r => Table(r, "statistics")[row]!["value"] = value);
        var errors = diags.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Contains(errors, d => d.Id == rule && d.Message.Contains("附件「政府信息公开情况统计表」" + cell));
    }

    [Theory]
    [InlineData("disclosedNormative", 706669, "L1-1", "主动公开政府信息数")]
    [InlineData("normativeIssued", 706669, "L1-2", "主动公开政府信息数")]
    [InlineData("pressConferencesByHead", 155, "L2-1", "参加或举办新闻发布会总次数")]
    [InlineData("onlineInterviewsByHead", 127, "L2-2", "政府网站在线访谈次数")]
    public void Legacy_of_which_rows_may_not_exceed_their_parent(string row, int value, string rule, string parent)
    {
        var diags = BuildEdited("ningxia-region-2018", r => Table(r, "statistics")[row]!["value"] = value);
        var d = Assert.Single(diags, d => d.Severity == Severity.Error);
        Assert.Equal(rule, d.Id);
        Assert.Contains("附件「政府信息公开情况统计表」「统计数」列", d.Message);
        Assert.Contains(parent, d.Message);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Message);
    }

    [Fact]
    public void Legacy_channel_rows_need_not_add_up_to_the_published_total()
    {
        // Spec c.5: one item published through several channels counts once in 一(一), so 1–5 may exceed it.
        var diags = BuildEdited("ningxia-region-2018", r => Table(r, "statistics")["gazette"]!["value"] = 900000);
        Assert.DoesNotContain(diags, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Legacy_amounts_take_decimals_and_counts_do_not()
    {
        var diags = BuildEdited("ningxia-region-2018", r =>
        {
            Table(r, "statistics")["fees"]!["value"] = 0.35;
            Table(r, "statistics")["offices"]!["value"] = 382.5;
        });
        var d = Assert.Single(diags, d => d.Severity == Severity.Error);
        Assert.Equal("E-DATA-INTEGER", d.Id);
        Assert.Contains("政府信息公开工作专门机构数", d.Message);
    }
}
