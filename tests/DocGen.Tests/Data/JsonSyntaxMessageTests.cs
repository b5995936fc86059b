using System.Text;
using DocGen.Data;
using DocGen.Model;

namespace DocGen.Tests.Data;

/// <summary>
/// Every syntax error a clerk meets, explained in Chinese (English with --lang en) at the 1-based line and the
/// column an editor shows, with the characters around the spot and the likely cause; never .NET's wording.
/// </summary>
public class JsonSyntaxMessageTests
{
    public static Diagnostic Error(string json) => Error(Encoding.UTF8.GetBytes(json));

    public static Diagnostic Error(byte[] bytes)
    {
        var e = Assert.Throws<DocGenException>(() => JsonPositionReader.Parse(bytes, "data.json"));
        return Assert.Single(e.Diagnostics);
    }

    // Each hint: the input, where the fix belongs (line, column), words of the Chinese and the English message.
    [Theory]
    [InlineData("straight-quote", "{\n  \"preamble\": [\"他说\"你好\"。\"]\n}", 2, 20, "中文引号 “ ”", "“ ” or \\\"")]
    [InlineData("full-width-comma", "{\n  \"agency\": \"某局\"，\n  \"year\": 2023\n}", 2, 17, "中文全角的「，」", "full-width \"，\"")]
    [InlineData("full-width-comma-after-number", "{\n  \"year\": 2023，\n  \"agency\": \"某局\"\n}", 2, 15, "中文全角的「，」", "full-width \"，\"")]
    [InlineData("full-width-comma-after-true", "{\"a\": [true，false]}", 1, 12, "中文全角的「，」", "full-width \"，\"")]
    [InlineData("full-width-brace-after-number", "{\"a\": 1｝", 1, 8, "中文全角的「｝」", "full-width \"｝\"")]
    [InlineData("full-width-colon", "{\n  \"agency\"：\"某局\"\n}", 2, 11, "中文全角的「：」", "full-width \"：\"")]
    [InlineData("full-width-quotes", "{\n  \"agency\": “某局”\n}", 2, 13, "中文全角的「“」", "full-width \"“\"")]
    [InlineData("missing-comma-fields", "{\n  \"agency\": \"某局\"\n  \"year\": 2023\n}", 2, 17, "缺少英文逗号", "comma , is missing")]
    [InlineData("missing-comma-items", "{\"a\": [1\n 2]}", 1, 9, "缺少英文逗号", "comma , is missing")]
    [InlineData("windows-path", "{\n  \"file\": \"C:\\Users\\张三\\a.docx\"\n}", 2, 14, "C:\\\\报告\\\\2024.docx", "C:\\\\reports\\\\2024.docx")]
    [InlineData("string-open", "{\n  \"agency\": \"某局,\n  \"year\": 2023\n}", 2, 17, "第 2 行第 13 列的 \" 到行尾", "the \" at (line 2, column 13)")]
    [InlineData("string-open-at-end", "{\"agency\": \"某局", 1, 15, "到文件末尾", "end of the file")]
    [InlineData("bracket-open", "{\n  \"tables\": {\n    \"a\": 1\n", 4, 1, "第 2 行第 13 列的 { 没有对应的 }", "the { at (line 2, column 13) has no matching }")]
    [InlineData("bracket-mismatch", "{\"a\": [1, 2}", 1, 12, "第 1 行第 7 列的 [ 应以 ] 结束", "the [ at (line 1, column 7) must end with ]")]
    [InlineData("text-after-end", "{\"a\": 1}\n}", 2, 1, "多余的内容", "text after it is not allowed")]
    [InlineData("single-quotes", "{\"agency\": '某局'}", 1, 12, "不能用单引号", "not single quotes")]
    [InlineData("unquoted-text", "{\"agency\": 某局}", 1, 12, "要用英文双引号括起来，如 \"某局\"", "must be in double quotes, e.g. \"某局\"")]
    [InlineData("number-with-unit", "{\"count\": 5件}", 1, 11, "数字「5件」", "the number \"5件\"")]
    [InlineData("capital-true", "{\"a\": True}", 1, 7, "全小写", "lower case")]
    [InlineData("empty", "  \n", 1, 1, "文件为空", "the file is empty")]
    [InlineData("comment-open", "{\"a\": 1 /* 说明\n}", 2, 2, "注释 /* 没有结束", "comment /* at (line 1, column 9) is not closed")]
    [InlineData("tab-in-string", "{\"a\": \"甲\t乙\"}", 1, 9, "U+0009（制表符）", "U+0009 (tab)")]
    public void Each_cause_gets_its_hint_in_both_languages(string name, string json, int line, int column, string zh, string en)
    {
        var d = Error(json);
        Assert.True(d.Id == "E-JSON-SYNTAX", $"{name}: {d.Format()}");
        Assert.True((line, column) == (d.Line, d.Column), $"{name}: at ({d.Line},{d.Column}), expected ({line},{column}): {d.Format()}");
        Assert.True(d.Message.Contains(zh, StringComparison.Ordinal), $"{name}: no 「{zh}」 in {d.Message}");
        Assert.True(d.MessageEn!.Contains(en, StringComparison.Ordinal), $"{name}: no \"{en}\" in {d.MessageEn}");
        NoDotNetWording(d);
    }

    [Fact]
    public void Message_shows_the_characters_around_the_spot()
    {
        var d = Error("{\n  \"agency\": \"某局\"，\n  \"year\": 2023\n}");
        Assert.Contains("附近：「\"agency\": \"某局\"▶，」", d.Message);
        Assert.Contains("near: 「\"agency\": \"某局\"▶，」", d.MessageEn);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_refused_at_the_65th_bracket()
    {
        Assert.NotNull(JsonPositionReader.Parse(Encoding.UTF8.GetBytes(new string('[', 64) + new string(']', 64)), "data.json"));
        var d = Error(new string('[', 65) + new string(']', 65));
        Assert.Equal((1, 65), (d.Line, d.Column));
        Assert.Contains("嵌套层数过深", d.Message);
        Assert.Contains("nested too deep", d.MessageEn);
    }

    [Fact]
    public void Lone_surrogate_escape_names_its_code()
    {
        var d = Error("{\"a\": \"x\\uD800y\"}");
        Assert.Contains("U+D800", d.Message);
        Assert.Contains("U+D800", d.MessageEn);
        Assert.Equal((1, 9), (d.Line, d.Column));
    }

    [Theory]
    [InlineData("{\"a\": 1,,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\": }")]
    [InlineData("{\"a\": -}")]
    [InlineData("{\"a\": 01}")]
    [InlineData("{\"a\": 1.}")]
    [InlineData("{\"a\": \"\\x\"}")]
    [InlineData("{\"a\": \"\\u12\"}")]
    [InlineData("{\"a\": nul}")]
    [InlineData("{a: 1}")]
    [InlineData("[1 2")]
    [InlineData("{\"a\": 1} {\"b\": 2}")]
    public void Every_syntax_error_is_explained_without_dotnet_wording(string json)
    {
        var d = Error(json);
        Assert.Equal("E-JSON-SYNTAX", d.Id);
        Assert.True(d.Line >= 1 && d.Column >= 1);
        NoDotNetWording(d);
    }

    private static void NoDotNetWording(Diagnostic d)
    {
        foreach (string text in new[] { d.Message, d.MessageEn! })
        {
            Assert.DoesNotContain("LineNumber", text);
            Assert.DoesNotContain("BytePositionInLine", text);
            Assert.DoesNotContain("0x", text);
            Assert.DoesNotContain("Expected", text);
            Assert.DoesNotContain("is invalid", text);
        }
        Assert.Contains(d.Message, c => c is >= '\u4e00' and <= '\u9fff');
    }
}
