using System.Text.Json;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

/// <summary>`docgen fonts` reads every font file of every chain, so these tests keep to three runs.</summary>
public sealed class FontsCommandTests
{
    [Fact]
    public void Shows_the_file_and_fallback_chain_of_every_font_role_and_a_fully_covered_example()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "fonts", Repo.Example("pingluo-county-2023"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("PDF 使用的文件", r.Stdout);
        foreach (var role in new[] { "fangsong", "hei", "kai", "song", "xiaobiaosong" }) Assert.Contains(role, r.Stdout);
        Assert.Contains("仿宋_GB2312.ttf：未找到", r.Stdout);
        Assert.Contains("所有字符都有字体可以显示", r.Stdout);
    }

    [Fact]
    public void Given_a_data_file_lists_every_character_no_font_covers_with_exit_code_4()
    {
        using var dir = new TempDir();
        WriteWithUncoveredCharacter(dir);
        var r = CliRunner.Run(dir.Path, "fonts", "glyph.json");
        Assert.True(r.ExitCode == 4, r.ToString());
        string line = r.Stdout.Split('\n').Single(l => l.Contains("U+13000"));
        Assert.Contains("[fangsong]", line);
        Assert.Contains("glyph.json(", line);
        Assert.Contains("preamble[0]", line);
    }

    [Fact]
    public void Json_report_has_roles_with_their_chains_and_the_missing_characters()
    {
        using var dir = new TempDir();
        WriteWithUncoveredCharacter(dir);
        var r = CliRunner.Run(dir.Path, "fonts", "glyph.json", "--json");
        Assert.True(r.ExitCode == 4, r.ToString());
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        var roles = root.GetProperty("templates").EnumerateArray().Single().GetProperty("roles").EnumerateArray().ToList();
        Assert.Equal(["fangsong", "hei", "kai", "song", "xiaobiaosong"], roles.Select(x => x.GetProperty("role").GetString()));
        Assert.Equal("仿宋_GB2312", roles[0].GetProperty("officialName").GetString());
        foreach (var role in roles)
        {
            string file = role.GetProperty("file").GetString()!;
            Assert.True(File.Exists(file.Split('#')[0]), file);
            Assert.Contains(role.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("status").GetString() == "not found");
        }
        var missing = root.GetProperty("missing").EnumerateArray().Single();
        Assert.Equal("U+13000", missing.GetProperty("codePoint").GetString());
        Assert.Equal("fangsong", missing.GetProperty("role").GetString());
    }

    /// <summary>An Egyptian hieroglyph in the preamble: no Chinese font has it.</summary>
    private static void WriteWithUncoveredCharacter(TempDir dir)
    {
        var data = CliData.Example();
        var preamble = data["preamble"]!.AsArray();
        preamble[0] = preamble[0]!.GetValue<string>() + "𓀀";
        CliData.Write(data, dir.File("glyph.json"));
    }
}
