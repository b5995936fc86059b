using System.Text.Json;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

/// <summary>`docgen check`, and the same findings printed by validate and render (off with --no-check).</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void Check_prints_the_findings_with_their_place_and_exits_0()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "check", Repo.Examples);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("ningxia-gov-office-2023.json：2 条审读意见", r.Stdout);
        Assert.Contains("pingluo-county-2023.json：审读未发现问题", r.Stdout);
        string number = r.Stderr.Split('\n').Single(l => l.Contains("W-CHECK-NUMBER"));
        Assert.Contains("ningxia-gov-office-2023.json(", number);
        Assert.Contains(": 警告 W-CHECK-NUMBER: 行政诉讼：", number);
        Assert.Contains("JSON 位置：sections.overview[2]", number);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Json_has_the_shape_of_validate_with_the_findings_among_the_warnings_and_english_switches()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "check", Repo.Example("ningxia-gov-office-2023"), "--json", "--lang", "en");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("check", doc.RootElement.GetProperty("command").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("exitCode").GetInt32());
        var input = doc.RootElement.GetProperty("inputs").EnumerateArray().Single();
        var finding = input.GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("id").GetString() == "W-CHECK-NUMBER");
        Assert.True(finding.GetProperty("line").GetInt32() > 0);
        Assert.True(finding.GetProperty("column").GetInt32() > 1);
        Assert.Equal("sections.overview[2]", finding.GetProperty("jsonPath").GetString());
        Assert.Contains("the table says", finding.GetProperty("messageEn").GetString());
        Assert.Contains("warning W-CHECK-NUMBER: lawsuits: the text", r.Stderr);
    }

    [Fact]
    public void Invalid_data_is_exit_2_and_is_not_reviewed()
    {
        using var dir = new TempDir();
        CliData.BrokenT31(dir.Path);
        var r = CliRunner.Run(dir.Path, "check", "broken.json");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("错误 T3-1:", r.Stderr);
        Assert.DoesNotContain("W-CHECK-", r.Stderr);
        Assert.Contains("✗ broken.json：1 个错误，未能审读", r.Stdout);
    }

    [Fact]
    public void Previous_compares_the_carry_over_with_last_years_report()
    {
        using var dir = new TempDir();
        var last = CliData.Example();
        last["year"] = 2022;
        last["title"]!["lines"]![0] = "平罗县人民政府办公室2022年政府信息公开工作年度报告";
        last["tables"]!["applications"]!["newReceived"]!["business"] = 3;
        last["tables"]!["applications"]!["carryForward"]!["business"] = 3;
        CliData.Write(last, dir.File("2022.json"));
        CliData.Write(CliData.Example(), dir.File("2023.json"));
        var r = CliRunner.Run(dir.Path, "check", "2023.json", "--previous", "2022.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        string line = r.Stderr.Split('\n').Single(l => l.Contains("W-CHECK-CARRYOVER"));
        Assert.StartsWith("2023.json(", line);
        Assert.Contains("「商业企业」列（0）", line);
        Assert.Contains("tables.applications.carriedOver.business", line);

        var missing = CliRunner.Run(dir.Path, "check", "2023.json", "--previous", "2021.json");
        Assert.True(missing.ExitCode == 5, missing.ToString());
        Assert.Contains("2021.json: 错误 E-IO-NOT-FOUND", missing.Stderr);
    }

    [Fact]
    public void Validate_and_render_print_the_findings_unless_no_check()
    {
        using var dir = new TempDir();
        string example = Repo.Example("ningxia-gov-office-2023");
        var validate = CliRunner.Run(dir.Path, "validate", example);
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Contains(" W-CHECK-NUMBER:", validate.Stderr);
        Assert.Contains(" W-CHECK-PUNCT-HALFWIDTH:", validate.Stderr);

        var quiet = CliRunner.Run(dir.Path, "validate", example, "--no-check");
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.DoesNotContain("W-CHECK-", quiet.Stderr);

        var render = CliRunner.Run(dir.Path, "render", example, "-o", "out", "--format", "docx", "--json");
        Assert.True(render.ExitCode == 0, render.ToString());
        using var doc = JsonDocument.Parse(render.Stdout);
        var warnings = doc.RootElement.GetProperty("inputs")[0].GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("id").GetString()).ToList();
        Assert.Contains("W-CHECK-NUMBER", warnings);
        var renderQuiet = CliRunner.Run(dir.Path, "render", example, "-o", "out2", "--format", "docx", "--no-check");
        Assert.True(renderQuiet.ExitCode == 0, renderQuiet.ToString());
        Assert.DoesNotContain("W-CHECK-", renderQuiet.Stderr);
    }
}
