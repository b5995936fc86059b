using System.Text.Json;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

public sealed class FontsCommandTests
{
    [Fact]
    public void Shows_the_file_and_fallback_chain_of_every_font_role()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "fonts", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var template = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("templates").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "gov-info-annual-2021");
        var roles = template.GetProperty("roles").EnumerateArray().ToList();
        Assert.Equal(["fangsong", "hei", "kai", "song", "xiaobiaosong"], roles.Select(x => x.GetProperty("role").GetString()));
        foreach (var role in roles)
        {
            string file = role.GetProperty("file").GetString()!;
            Assert.True(File.Exists(file.Split('#')[0]), file);
            Assert.Contains(role.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("status").GetString() == "not found");
        }
        Assert.Equal("仿宋_GB2312", roles[0].GetProperty("officialName").GetString());

        var table = CliRunner.Run(dir.Path, "fonts");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("仿宋_GB2312.ttf：未找到", table.Stdout);
        Assert.Contains("PDF 使用的文件", table.Stdout);
    }

    [Fact]
    public void Given_a_data_file_lists_every_character_no_font_covers_with_exit_code_4()
    {
        using var dir = new TempDir();
        var data = CliData.Example();
        var preamble = data["preamble"]!.AsArray();
        preamble[0] = preamble[0]!.GetValue<string>() + "𓀀";
        CliData.Write(data, dir.File("glyph.json"));
        var r = CliRunner.Run(dir.Path, "fonts", "glyph.json");
        Assert.True(r.ExitCode == 4, r.ToString());
        string line = r.Stdout.Split('\n').Single(l => l.Contains("U+13000"));
        Assert.Contains("[fangsong]", line);
        Assert.Contains("preamble[0]", line);

        var json = CliRunner.Run(dir.Path, "fonts", "glyph.json", "--json");
        Assert.True(json.ExitCode == 4, json.ToString());
        var missing = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("missing").EnumerateArray().Single();
        Assert.Equal("U+13000", missing.GetProperty("codePoint").GetString());

        var clean = CliRunner.Run(dir.Path, "fonts", Repo.Example("pingluo-county-2023"));
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("所有字符都有字体可以显示", clean.Stdout);
    }
}
