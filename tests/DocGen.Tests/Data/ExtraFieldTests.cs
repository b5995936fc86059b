using System.Text.Json.Nodes;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Data;

/// <summary>The legacy format's "attachment" is typed like every other field.</summary>
public class ExtraFieldTests
{
    private static Engine.BuildResult WithAttachment(JsonNode? attachment)
    {
        var data = DataFiles.Load("ningxia-region-2018");
        data["attachment"] = attachment;
        return Pipelines.Default.Build(DataFiles.Write(data));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("12")]
    [InlineData("\"统计表\"")]
    [InlineData("[\"统计表\"]")]
    public void An_attachment_that_is_not_an_object_is_a_type_error_at_its_place(string json)
    {
        var result = WithAttachment(JsonNode.Parse(json));
        Assert.False(result.Ok);
        var d = Assert.Single(result.Diagnostics, d => d.Id == "E-DATA-TYPE");
        Assert.Equal("attachment", d.JsonPath);
        Assert.True(d.Line > 1);
        Assert.Contains("「attachment」应为对象", d.Message);
    }

    [Fact]
    public void A_title_that_is_not_text_is_a_type_error_and_never_printed_as_its_keys()
    {
        var result = WithAttachment(new JsonObject { ["title"] = new JsonObject { ["a"] = 1 } });
        Assert.False(result.Ok);
        var d = Assert.Single(result.Diagnostics, d => d.Id == "E-DATA-TYPE");
        Assert.Equal("attachment.title", d.JsonPath);
        Assert.Contains("应为文字", d.Message);
    }

    [Fact]
    public void An_unknown_key_is_a_warning_at_its_place_and_the_default_title_is_used()
    {
        var result = WithAttachment(new JsonObject { ["titel"] = "某统计表" });
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var d = Assert.Single(result.Diagnostics, d => d.Id == "W-DATA-UNKNOWN-FIELD");
        Assert.Equal("attachment.titel", d.JsonPath);
        Assert.Contains("「titel」", d.Message);
        Assert.DoesNotContain(result.Document!.Blocks.OfType<Paragraph>(), p => p.PlainText.Contains("某统计表"));
        Assert.Contains(result.Document.Blocks.OfType<Paragraph>(), p => p.Style == "attachmentTitle" && p.PlainText.EndsWith("年度政府信息公开情况统计表", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_title_is_printed()
    {
        var result = WithAttachment(new JsonObject { ["title"] = "某某统计表" });
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.Contains(result.Document!.Blocks.OfType<Paragraph>(), p => p.Style == "attachmentTitle" && p.PlainText == "某某统计表");
    }
}
