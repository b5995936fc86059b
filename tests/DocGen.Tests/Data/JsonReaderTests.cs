using System.Text;
using DocGen.Data;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Data;

/// <summary>
/// The data file reader: positions an editor shows whatever the line endings and however long
/// the line, duplicate keys among many, encodings named right, the size limit for devices and pipes, cancellation.
/// Large inputs test correctness only; their speed is measured in bench/ (BENCHMARKS.md), not asserted here.
/// </summary>
public class JsonReaderTests
{
    private static JNode Parse(string json) => JsonPositionReader.Parse(Encoding.UTF8.GetBytes(json), "data.json");

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Lines_end_at_LF_CRLF_or_a_lone_CR(string eol)
    {
        var root = (JObject)Parse(string.Join(eol, "{", "  \"agency\": \"某局\",", "  \"year\": 2023", "}"));
        var year = root.Properties.Single(p => p.Name == "year");
        Assert.Equal((3, 3), (year.Line, year.Column));
        Assert.Equal((3, 11), (year.Value.Line, year.Value.Column));

        var d = JsonSyntaxMessageTests.Error(string.Join(eol, "{", "  \"agency\": \"某局\"", "  \"year\": 20x", "}"));
        Assert.Equal((2, 17), (d.Line, d.Column)); // the missing comma, not line 1 (CR-only files once put every error there)
    }

    [Fact]
    public void Column_counts_UTF16_units_as_editors_do()
    {
        // 𠀀 (U+20000) and 😀 are two UTF-16 units each, as VS Code and Notepad count them; a Chinese character one.
        var root = (JObject)Parse("{\"a\": \"中𠀀😀\", \"b\": 1}");
        Assert.Equal(16, root.Properties[1].Column);
    }

    [Fact]
    public void Position_at_the_end_of_a_5_MB_minified_line_is_exact()
    {
        const string unit = "政府信息公开工作稳步推进，";
        var sb = new StringBuilder("{\"template\":\"gov-info-annual-2021\",\"other\":[");
        int units = 5_000_000 / (Encoding.UTF8.GetByteCount(unit) + 3) + 1;
        for (int i = 0; i < units; i++) sb.Append('"').Append(unit).Append("\",");
        sb.Append("\"end\"");
        int column = sb.Length + 1; // every character here is one UTF-16 unit
        sb.Append(" \"x\"]}");

        var d = JsonSyntaxMessageTests.Error(sb.ToString());
        Assert.Equal((1, column), (d.Line, d.Column)); // the comma belongs right after "end"
        Assert.Contains("缺少英文逗号", d.Message);

        var ok = (JObject)Parse(sb.ToString().Replace("\"end\" \"x\"", "\"end\", \"x\"", StringComparison.Ordinal));
        var last = ((JArray)ok["other"]!).Items[^1];
        Assert.Equal((1, column + 2), (last.Line, last.Column));
    }

    [Fact]
    public void Duplicate_key_among_200000_is_found_with_both_positions()
    {
        var sb = new StringBuilder("{\n");
        for (int i = 0; i < 200_000; i++) sb.Append("  \"k").Append(i).Append("\": ").Append(i).Append(",\n");
        sb.Append("  \"k123456\": 0\n}");
        var e = Assert.Throws<DocGenException>(() => Parse(sb.ToString()));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("E-JSON-DUPLICATE", d.Id);
        Assert.Equal((200_002, 3), (d.Line, d.Column));
        Assert.Equal("k123456", d.JsonPath);
        Assert.Contains("「k123456」", d.Message);
        Assert.Contains("第一次在第 123458 行第 3 列", d.Message);
        Assert.Contains("line 123458, column 3", d.MessageEn);
    }

    [Fact]
    public void Object_with_many_keys_is_looked_up_by_name()
    {
        var root = (JObject)Parse("{" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"k{i}\": {i}")) + "}");
        Assert.Equal("999", ((JNumber)root["k999"]!).Text);
        Assert.Equal("17", ((JNumber)root["k17"]!).Text);
        Assert.Null(root["k1000"]);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'{', 0, 0, 0, (byte)'}', 0, 0, 0 }, "UTF-32")]
    [InlineData(new byte[] { 0, 0, 0xFE, 0xFF, 0, 0, 0, (byte)'{', 0, 0, 0, (byte)'}' }, "UTF-32")]
    [InlineData(new byte[] { (byte)'{', 0, 0, 0, (byte)'"', 0, 0, 0, (byte)'a', 0, 0, 0, (byte)'"', 0, 0, 0, (byte)':', 0, 0, 0, (byte)'1', 0, 0, 0, (byte)'}', 0, 0, 0 }, "UTF-32")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0 }, "UTF-16")]
    [InlineData(new byte[] { (byte)'{', 0, (byte)'"', 0, (byte)'a', 0, (byte)'"', 0, (byte)':', 0, (byte)'1', 0, (byte)'}', 0 }, "UTF-16")]
    public void Encodings_are_named_right(byte[] bytes, string encoding)
    {
        var d = JsonSyntaxMessageTests.Error(bytes);
        Assert.Equal("E-JSON-ENCODING", d.Id);
        Assert.Contains($"是 {encoding} 编码", d.Message);
        Assert.Contains($"{encoding} encoded", d.MessageEn);
    }

    [Fact]
    public void GBK_file_is_refused_at_its_first_GBK_character_on_a_CRLF_line()
    {
        var gbk = new byte[] { 0xCA, 0xFD, 0xBE, 0xDD }; // 数据 in GBK (some GBK pairs happen to be valid UTF-8: not these)
        byte[] bytes = [.. "{\r\n  \"agency\": \""u8.ToArray(), .. gbk, .. "\"\r\n}"u8.ToArray()];
        var d = JsonSyntaxMessageTests.Error(bytes);
        Assert.Equal("E-JSON-ENCODING", d.Id);
        Assert.Contains("GBK", d.Message);
        Assert.Equal((2, 14), (d.Line, d.Column));
    }

    [Fact]
    public void A_cancelled_parse_stops_with_OperationCanceledException()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("1", 100_000)) + "]");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => JsonPositionReader.Parse(bytes, "data.json", cts.Token));
        Assert.NotNull(JsonPositionReader.Parse(bytes, "data.json", CancellationToken.None));
    }

    [Fact]
    public void A_device_without_end_is_refused_at_the_size_limit()
    {
        var e = Assert.Throws<DocGenException>(() => JsonPositionReader.ReadFile("/dev/zero"));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("E-DATA-TOO-LARGE", d.Id);
        Assert.Contains("20 MB", d.Message);
        Assert.Equal(FailureKind.InvalidData, e.Kind);
    }

    [Fact]
    public void A_pipe_larger_than_the_limit_is_refused_without_reading_it_all()
    {
        if (OperatingSystem.IsWindows()) return;
        string fifo = Path.Combine(DataFiles.TempDir(), "pipe.json");
        Assert.Equal(0, ProcessRunner.Run("mkfifo", fifo).ExitCode);
        long written = 0;
        var writer = new Thread(() =>
        {
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            try
            {
                using var w = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                for (int i = 0; i < 100; i++) { w.Write(block); written += block.Length; } // 100 MB if nobody stops reading
            }
            catch (IOException) { } // the reader closed the pipe: what we want
        });
        writer.Start();
        var e = Assert.Throws<DocGenException>(() => JsonPositionReader.ReadFile(fifo));
        Assert.Equal("E-DATA-TOO-LARGE", Assert.Single(e.Diagnostics).Id);
        Assert.True(writer.Join(TimeSpan.FromMinutes(1)), "the writer is still blocked");
        Assert.True(written < 30L << 20, $"{written:N0} bytes went through the pipe");
    }

    [Fact]
    public void A_small_pipe_is_read_like_a_file()
    {
        if (OperatingSystem.IsWindows()) return;
        string fifo = Path.Combine(DataFiles.TempDir(), "pipe.json");
        Assert.Equal(0, ProcessRunner.Run("mkfifo", fifo).ExitCode);
        var writer = new Thread(() => File.WriteAllText(fifo, "{\"a\": [1, 2]}"));
        writer.Start();
        var root = (JObject)JsonPositionReader.ReadFile(fifo);
        Assert.Equal(2, ((JArray)root["a"]!).Items.Count);
        Assert.True(writer.Join(TimeSpan.FromMinutes(1)));
    }
}
