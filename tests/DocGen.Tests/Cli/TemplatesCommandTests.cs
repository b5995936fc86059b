using System.Text.Json;

namespace DocGen.Tests.Cli;

public sealed class TemplatesCommandTests
{
    [Fact]
    public void Lists_installed_templates_with_description_and_version()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "templates");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("gov-info-annual-2021", r.Stdout);
        Assert.Contains("国办公开办函〔2021〕30号", r.Stdout);
        Assert.Contains("1.0.0", r.Stdout);

        var json = CliRunner.Run(dir.Path, "templates", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var t = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("templates").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "gov-info-annual-2021");
        Assert.Equal("1.0.0", t.GetProperty("version").GetString());
        Assert.StartsWith("Government information disclosure annual report", t.GetProperty("descriptionEn").GetString());
    }

    [Fact]
    public void A_folder_without_templates_is_a_template_error()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "templates", "--templates", dir.Path, "--lang", "en");
        Assert.True(r.ExitCode == 3, r.ToString());
        Assert.Contains("no templates in", r.Stderr);
        Assert.Equal("", r.Stdout);
    }
}
