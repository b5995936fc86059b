using System.Text.Json.Nodes;
using DocGen.Model;
using DocGen.Tests.Robustness;

namespace DocGen.Tests.Cli;

/// <summary>
/// What reaches the terminal: user-written text is escaped so it cannot forge a diagnostic line
/// or reverse the terminal's text direction; Windows paths print as typed; devices are refused at the size limit.
/// </summary>
public sealed class MessageTextTests
{
    private const string ForgedKey = "x\nfake.json(9,9): 错误 T3-1: 表三不平衡";

    [Fact]
    public void Control_and_bidi_characters_in_a_message_are_escaped()
    {
        var d = new Diagnostic(Severity.Warning, "W-DATA-UNKNOWN-FIELD", $"未知字段「{ForgedKey}\u202Eevil\t\r\u0085」", "a\nb.json", 3, 4, "x\ny");
        string line = d.Format();
        Assert.DoesNotContain('\n', line);
        Assert.Equal("a\\nb.json(3,4): 警告 W-DATA-UNKNOWN-FIELD: 未知字段「x\\nfake.json(9,9): 错误 T3-1: 表三不平衡\\u202Eevil\\t\\r\\u0085」（JSON 位置：x\\ny）", line);
    }

    [Fact]
    public void Windows_paths_print_as_typed()
    {
        var d = new Diagnostic(Severity.Error, "E-JSON-SYNTAX", "这里缺少英文逗号 ,", @"C:\Users\张三\2024 报告\数据.json", 12, 5) { MessageEn = "a comma , is missing here" };
        Assert.Equal(@"C:\Users\张三\2024 报告\数据.json(12,5): 错误 E-JSON-SYNTAX: 这里缺少英文逗号 ,", d.Format());
        Assert.Equal(@"C:\Users\张三\2024 报告\数据.json(12,5): error E-JSON-SYNTAX: a comma , is missing here", d.Format(english: true));
        Assert.Equal(@"\\server\share\a.json(1,1): 错误 E-JSON-SYNTAX: x", (d with { File = @"\\server\share\a.json", Line = 1, Column = 1, Message = "x" }).Format());
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void A_field_name_cannot_forge_a_diagnostic_line(string lang)
    {
        using var dir = new TempDir();
        var data = JsonNode.Parse(File.ReadAllText(CorpusCase.Load("valid-minimal").Input))!.AsObject();
        data[ForgedKey] = 1;
        data["\u202Egnp.exe"] = 2;
        File.WriteAllText(Path.Combine(dir.Path, "report.json"), data.ToJsonString());

        var r = CliRunner.Run(dir.Path, "validate", "report.json", "--lang", lang);

        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = (r.Stdout + r.Stderr).Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("fake.json", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('\u202E'));
        Assert.Contains(lines, l => l.StartsWith("report.json(", StringComparison.Ordinal) && l.Contains("x\\nfake.json(9,9)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\\u202Egnp.exe", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_of_dev_zero_is_refused_by_size()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "validate", "/dev/zero");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("/dev/zero: 错误 E-DATA-TOO-LARGE:", r.Stderr);
        Assert.DoesNotContain("E-INTERNAL", r.Stderr);
    }
}
