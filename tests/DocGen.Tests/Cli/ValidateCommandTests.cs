using System.Text.Json;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Fact]
    public void Examples_are_valid_and_the_acknowledged_rule_is_a_warning()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "validate", Repo.Examples);
        Assert.True(r.ExitCode == 0, r.ToString());
        // two acknowledged T3-1 breaks and two 审读 findings (行政诉讼 8 件 against 5 in 表四, a half-width ")")
        Assert.Contains("ningxia-gov-office-2023.json：有效（4 个警告）", r.Stdout);
        Assert.Contains("pingluo-county-2023.json：有效", r.Stdout);
        // Acknowledged: a count per file, not the full warning.
        Assert.Contains("ningxia-gov-office-2023.json: 已说明的规则例外 2 项", r.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_broken_rule_names_rule_table_row_column_and_place_and_writes_nothing()
    {
        using var dir = new TempDir();
        var (file, line) = CliData.BrokenT31(dir.Path);
        var r = CliRunner.Run(dir.Path, "validate", "broken.json");
        Assert.True(r.ExitCode == 2, r.ToString());
        string error = r.Stderr.Split('\n').Single(l => l.Contains(" T3-1:"));
        Assert.StartsWith($"broken.json({line},", error);
        Assert.Contains("错误 T3-1:", error);
        Assert.Contains("表三「收到和处理政府信息公开申请情况」", error);
        Assert.Contains("一、本年新收政府信息公开申请数量", error);
        Assert.Contains("JSON 位置：tables.applications.newReceived.naturalPerson", error);
        Assert.Contains("✗ broken.json：1 个错误", r.Stdout);
        Assert.Equal(["broken.json"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
        _ = file;
    }

    [Fact]
    public void Json_summary_lists_every_error_with_its_place_and_english_messages_switch()
    {
        using var dir = new TempDir();
        var (_, line) = CliData.BrokenT31(dir.Path);
        File.Copy(Repo.Example("pingluo-county-2023"), dir.File("good.json"));
        var r = CliRunner.Run(dir.Path, "validate", "*.json", "--json", "--lang", "en");
        Assert.True(r.ExitCode == 2, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(2, root.GetProperty("totals").GetProperty("inputs").GetInt32());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("failed").GetInt32());
        var inputs = root.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(["broken.json", "good.json"], inputs.Select(i => i.GetProperty("input").GetString()));
        var error = inputs[0].GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("T3-1", error.GetProperty("id").GetString());
        Assert.Equal("broken.json", error.GetProperty("file").GetString());
        Assert.Equal(line, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 0);
        Assert.Equal("tables.applications.newReceived.naturalPerson", error.GetProperty("jsonPath").GetString());
        Assert.Equal("ok", inputs[1].GetProperty("status").GetString());
        Assert.Contains("error T3-1:", r.Stderr);
    }

    [Fact]
    public void A_missing_file_is_an_io_error_and_a_pattern_matching_nothing_is_a_usage_error()
    {
        using var dir = new TempDir();
        var missing = CliRunner.Run(dir.Path, "validate", "nope.json");
        Assert.True(missing.ExitCode == 5, missing.ToString());
        Assert.Contains("nope.json: 错误 E-IO-NOT-FOUND", missing.Stderr);

        var nothing = CliRunner.Run(dir.Path, "validate", "reports/**/*.json");
        Assert.True(nothing.ExitCode == 64, nothing.ToString());
        Assert.Contains("没有匹配到任何 .json 文件", nothing.Stderr);
    }
}
