using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Data;

public class ValidationTests
{
    private static BuildResult Build(string path) => Pipelines.Default.Build(path);

    [Fact]
    public void Broken_T3_1_names_table_column_figures_and_json_position()
    {
        var data = DataFiles.Load("pingluo-county-2023");
        data["tables"]!["applications"]!["newReceived"]!["naturalPerson"] = 20;
        string path = DataFiles.Write(data);

        var result = Build(path);

        Assert.False(result.Ok);
        var d = Assert.Single(result.Diagnostics, d => d.Id == "T3-1");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("表三「收到和处理政府信息公开申请情况」", d.Message);
        Assert.Contains("「自然人」列", d.Message);
        Assert.Contains("一、本年新收政府信息公开申请数量（20）", d.Message);
        Assert.Contains("= 20", d.Message);
        Assert.Contains("= 18", d.Message);
        Assert.Equal(path, d.File);
        Assert.Equal(DataFiles.LineOf(path, "\"naturalPerson\": 20"), d.Line);
        Assert.Equal("tables.applications.newReceived.naturalPerson", d.JsonPath);
    }

    [Fact]
    public void Typed_total_that_disagrees_is_an_error_naming_the_cell()
    {
        var data = DataFiles.Load("pingluo-county-2023");
        data["tables"]!["applications"]!["total"] = new System.Text.Json.Nodes.JsonObject { ["naturalPerson"] = 17 };
        var result = Build(DataFiles.Write(data));
        var d = Assert.Single(result.Diagnostics, d => d.Id == "T3-2");
        Assert.Contains("「三、本年度办理结果 （七）总计」行「自然人」列", d.Message);
        Assert.Contains("17", d.Message);
        Assert.Contains("应为 18", d.Message);
    }

    [Fact]
    public void Typed_total_that_agrees_is_accepted()
    {
        var data = DataFiles.Load("pingluo-county-2023");
        data["tables"]!["reviewLitigation"]!["directSuit"]!["total"] = 1;
        Assert.True(Build(DataFiles.Write(data)).Ok);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        var data = DataFiles.Load("pingluo-county-2023");
        var t3 = data["tables"]!["applications"]!;
        t3["disclosed"]!["business"] = -1;
        t3["stateSecret"]!["research"] = 1.5;
        t3["notHeld"]!["other"] = "3";
        data["tables"]!["reviewLitigation"]!["review"]!["upheld"] = 99999999999;
        var result = Build(DataFiles.Write(data));
        var ids = result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Id).ToList();
        Assert.Contains("E-DATA-NEGATIVE", ids);
        Assert.Contains("E-DATA-INTEGER", ids);
        Assert.Contains("E-DATA-NUMBER", ids);
        Assert.Contains("E-DATA-RANGE", ids);
        Assert.Contains(result.Diagnostics, d => d.Id == "E-DATA-NUMBER" && d.Message.Contains("去掉引号"));
    }

    [Fact]
    public void Unknown_field_is_a_warning_with_the_likely_intended_name()
    {
        var data = DataFiles.Load("pingluo-county-2023");
        data["tables"]!["applications"]!["newReceived"]!["naturalPersons"] = 0;
        data["agencyy"] = "x";
        var result = Build(DataFiles.Write(data));
        Assert.True(result.Ok);
        Assert.Contains(result.Diagnostics, d => d.Id == "W-DATA-UNKNOWN-FIELD" && d.Message.Contains("naturalPersons") && d.Message.Contains("naturalPerson」"));
        Assert.Contains(result.Diagnostics, d => d.Id == "W-DATA-UNKNOWN-FIELD" && d.Message.Contains("agencyy") && d.Message.Contains("「agency」"));
    }

    [Fact]
    public void Unacknowledged_published_break_fails_and_acknowledged_one_warns()
    {
        var data = DataFiles.Load("ningxia-gov-office-2023");
        data.Remove("acknowledgements");
        var result = Build(DataFiles.Write(data));
        Assert.False(result.Ok);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "T3-1" && d.Severity == Severity.Error));
        Assert.True(Build(Repo.Example("ningxia-gov-office-2023")).Ok);
    }

    [Fact]
    public void Syntax_error_gives_line_and_column()
    {
        string path = DataFiles.WriteText("{\n  \"template\": \"gov-info-annual-2021\",\n  \"agency\": \"某局\"\n  \"year\": 2023\n}");
        var d = Assert.Single(Build(path).Diagnostics);
        Assert.Equal("E-JSON-SYNTAX", d.Id);
        Assert.Equal((3, 17), (d.Line, d.Column)); // where the missing comma belongs: right after "某局"
    }
}
