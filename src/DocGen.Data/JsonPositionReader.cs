using System.Text;
using System.Text.Json;
using DocGen.Model;

namespace DocGen.Data;

/// <summary>
/// Reads a data file into <see cref="JNode"/>s with line:column positions (JsonDocument drops them). Accepts a UTF-8 BOM,
/// // and /* */ comments and trailing commas, since clerks edit these files by hand; rejects anything that is not UTF-8.
/// </summary>
public static class JsonPositionReader
{
    /// <summary>Files larger than this are refused before parsing: a report's data is a few tens of KB.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public static JNode Parse(byte[] bytes, string file)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var span = bytes.AsSpan(start);
        CheckUtf8(span, file);
        if (IsBlank(span)) throw Syntax(file, 1, 1, "文件为空，应为一个 JSON 对象 { … }");
        var lines = new LineMap(span);
        var options = new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };
        var reader = new Utf8JsonReader(span, options);
        lines.File = file;
        try
        {
            if (!reader.Read()) throw Syntax(file, 1, 1, "文件为空，应为一个 JSON 对象 { … }");
            var root = ReadValue(ref reader, lines, "");
            if (reader.Read()) { var (l, c) = lines.At((int)reader.TokenStartIndex); throw Syntax(file, l, c, "JSON 对象结束后还有多余的内容"); }
            return root;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            int col = lines.ColumnOf(line, (int)(e.BytePositionInLine ?? 0));
            throw Syntax(file, line, col, Explain(e.Message));
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString refuses a \uD800-style escape without its pair: such text cannot be printed or saved.
            var (l, c) = lines.At((int)reader.TokenStartIndex);
            throw Syntax(file, l, c, $"字符串中有不成对的代理项转义 {LoneSurrogate(reader.ValueSpan)}（U+D800–U+DFFF 不是字符，无法打印），请删除这个 \\u 转义");
        }
    }

    private static string LoneSurrogate(ReadOnlySpan<byte> raw)
    {
        var m = System.Text.RegularExpressions.Regex.Match(Encoding.UTF8.GetString(raw), @"\\u([dD][89a-fA-F][0-9a-fA-F]{2})");
        return m.Success ? $"\\u{m.Groups[1].Value.ToUpperInvariant()}（U+{m.Groups[1].Value.ToUpperInvariant()}）" : "";
    }

    /// <summary>Only whitespace (or nothing): the clerk saved an empty file.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> span)
    {
        foreach (byte b in span)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    private static JNode ReadValue(ref Utf8JsonReader r, LineMap lines, string path)
    {
        var (line, col) = lines.At((int)r.TokenStartIndex);
        switch (r.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var props = new List<JProperty>();
                    while (r.Read() && r.TokenType != JsonTokenType.EndObject)
                    {
                        var (pl, pc) = lines.At((int)r.TokenStartIndex);
                        string name = r.GetString()!;
                        // JSON leaves duplicates undefined and readers disagree on which value wins: never guess for the clerk.
                        if (props.FirstOrDefault(p => p.Name == name) is { } first)
                            throw new DocGenException(FailureKind.InvalidData, [new Diagnostic(Severity.Error, "E-JSON-DUPLICATE",
                                $"字段「{name}」在同一个对象中出现了两次（第一次在第 {first.Line} 行），请只保留一个", lines.File, pl, pc, JNodeText.Child(path, name))]);
                        r.Read();
                        props.Add(new JProperty(name, pl, pc, ReadValue(ref r, lines, JNodeText.Child(path, name))));
                    }
                    return new JObject(line, col, path, props);
                }
            case JsonTokenType.StartArray:
                {
                    var items = new List<JNode>();
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                        items.Add(ReadValue(ref r, lines, JNodeText.Index(path, items.Count)));
                    return new JArray(line, col, path, items);
                }
            case JsonTokenType.String: return new JString(line, col, path, r.GetString()!);
            case JsonTokenType.Number: return new JNumber(line, col, path, Encoding.UTF8.GetString(r.ValueSpan));
            case JsonTokenType.True: return new JBool(line, col, path, true);
            case JsonTokenType.False: return new JBool(line, col, path, false);
            default: return new JNull(line, col, path);
        }
    }

    private static void CheckUtf8(ReadOnlySpan<byte> span, string file)
    {
        if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
            throw Encoding_(file, 1, 1, "文件是 UTF-16 编码（Unicode），请在编辑器中另存为 UTF-8");
        int nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            // Text in UTF-16 without a byte order mark has a zero byte beside every ASCII character; anything else with
            // zero bytes is not a text file at all (a picture, a Word document, a zip).
            bool utf16 = span.Length >= 4 && (span[0] == 0 || span[1] == 0) && (span[2] == 0 || span[3] == 0) && span[..Math.Min(span.Length, 64)].IndexOfAnyExcept((byte)0) >= 0
                && CountZeros(span[..Math.Min(span.Length, 256)]) * 3 >= Math.Min(span.Length, 256);
            throw Encoding_(file, 1, 1, utf16
                ? "文件是 UTF-16 编码（Unicode），请在编辑器中另存为 UTF-8"
                : "文件不是文本文件（含有二进制数据，可能选错了文件），数据文件应为 UTF-8 编码的 JSON");
        }
        var utf8 = new UTF8Encoding(false, true);
        try { utf8.GetCharCount(span); }
        catch (DecoderFallbackException e)
        {
            int bad = e.Index;
            var (l, c) = new LineMap(span).At(Math.Max(0, Math.Min(bad, span.Length - 1)));
            throw Encoding_(file, l, c, "文件不是 UTF-8 编码（可能是 GBK/GB2312），请在编辑器中另存为 UTF-8");
        }
    }

    private static int CountZeros(ReadOnlySpan<byte> s)
    {
        int n = 0;
        foreach (byte b in s) if (b == 0) n++;
        return n;
    }

    private static string Explain(string message) =>
        message.Contains("after a single JSON value", StringComparison.OrdinalIgnoreCase)
            ? $"JSON 对象结束后还有多余的内容（一个数据文件只能有一个 {{ … }}）。原始信息：{message}"
        : message.Contains("does not contain any JSON tokens", StringComparison.OrdinalIgnoreCase)
            ? $"文件为空（或只有注释），应为一个 JSON 对象 {{ … }}。原始信息：{message}"
        : message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? $"JSON 嵌套层数过深（超过 64 层），数据文件不会有这么多层的 {{ }} 或 [ ]。原始信息：{message}"
        : message.Contains("depth to be zero", StringComparison.OrdinalIgnoreCase) ||
        message.Contains("end of data", StringComparison.OrdinalIgnoreCase) || message.Contains("expected end", StringComparison.OrdinalIgnoreCase)
            ? $"JSON 不完整（文件可能被截断，或缺少 }} 或 ]）。原始信息：{message}"
            : message.Contains("invalid start of a property name", StringComparison.OrdinalIgnoreCase)
                ? $"此处应为用双引号括起的字段名。原始信息：{message}"
                : message.Contains("'''", StringComparison.Ordinal) || message.Contains("is an invalid start of a value", StringComparison.OrdinalIgnoreCase)
                    ? $"此处的值无效（字符串须用英文双引号 \"…\"，数字不能带单位）。原始信息：{message}"
                    : $"JSON 语法错误：{message}";

    private static DocGenException Syntax(string file, int line, int col, string msg) =>
        new(FailureKind.InvalidData, [new Diagnostic(Severity.Error, "E-JSON-SYNTAX", msg, file, line, col)]);

    private static DocGenException Encoding_(string file, int line, int col, string msg) =>
        new(FailureKind.InvalidData, [new Diagnostic(Severity.Error, "E-JSON-ENCODING", msg, file, line, col)]);

    /// <summary>Byte offset → (line, column in characters). Built once per file.</summary>
    private sealed class LineMap
    {
        private readonly List<int> _starts = [0];
        private readonly byte[] _bytes;
        public string File { get; set; } = "";

        public LineMap(ReadOnlySpan<byte> bytes)
        {
            _bytes = bytes.ToArray();
            for (int i = 0; i < _bytes.Length; i++)
                if (_bytes[i] == (byte)'\n') _starts.Add(i + 1);
        }

        public (int Line, int Col) At(int offset)
        {
            int idx = _starts.BinarySearch(offset);
            if (idx < 0) idx = ~idx - 1;
            return (idx + 1, Chars(_starts[idx], offset) + 1);
        }

        public int ColumnOf(int line, int bytesInLine)
        {
            if (line < 1 || line > _starts.Count) return bytesInLine + 1;
            int start = _starts[line - 1];
            return Chars(start, Math.Min(_bytes.Length, start + bytesInLine)) + 1;
        }

        // Counts UTF-8 characters (not continuation bytes) so a column matches what an editor shows.
        private int Chars(int from, int to)
        {
            int n = 0;
            for (int i = from; i < to && i < _bytes.Length; i++)
                if ((_bytes[i] & 0xC0) != 0x80) n++;
            return n;
        }
    }
}
