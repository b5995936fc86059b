namespace DocGen.Tests.Cli;

public sealed class HelpAndUsageTests
{
    public static TheoryData<string> Commands => ["render", "validate", "init", "templates", "watch", "fonts", "merge", "schema"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_help_with_examples(string command)
    {
        using var dir = new TempDir();
        var zh = CliRunner.Run(dir.Path, command, "--help");
        Assert.True(zh.ExitCode == 0, zh.ToString());
        Assert.Contains("示例：", zh.Stdout);
        Assert.Contains($"docgen {command}", zh.Stdout);
    }

    [Fact]
    public void Lang_en_switches_help_to_english()
    {
        using var dir = new TempDir();
        var en = CliRunner.Run(dir.Path, "render", "--help", "--lang", "en");
        Assert.True(en.ExitCode == 0, en.ToString());
        Assert.Contains("Examples:", en.Stdout);
        Assert.Contains("Output folder", en.Stdout);
        Assert.DoesNotContain("示例", en.Stdout);
    }

    [Fact]
    public void Unknown_commands_and_options_are_usage_errors_with_a_hint_and_no_stack_trace()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "render", "a.json", "--bogus");
        Assert.True(r.ExitCode == 64, r.ToString());
        Assert.Contains("--bogus", r.Stderr);
        Assert.Contains("docgen render --help", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);

        var lang = CliRunner.Run(dir.Path, "templates", "--lang", "fr");
        Assert.True(lang.ExitCode == 64, lang.ToString());
    }

    [Fact]
    public void Bare_docgen_shows_the_overview()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path);
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var c in new[] { "render", "validate", "init", "templates", "watch", "fonts", "merge" }) Assert.Contains(c, r.Stdout);
        Assert.DoesNotContain("schema", r.Stdout.Split('\n').Where(l => l.StartsWith("  s")));
    }
}
