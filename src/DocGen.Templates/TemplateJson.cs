using System.Text;
using System.Text.Json;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>
/// A value of a template file (template.json, styles.json, tables/*.json) with the file, line and column it was written at, so a
/// strict loader can name the exact place of a wrong key or value. Line and column are 1-based; the column counts characters as
/// an editor shows them, not bytes.
/// </summary>
public sealed class TemplateJson
{
    public required JsonValueKind Kind { get; init; }
    public required string File { get; init; }
    public required int Line { get; init; }
    public required int Column { get; init; }
    /// <summary>Where the value sits in its file, for messages: page.marginsMm.top, layout[3].cells[0].</summary>
    public required string Path { get; init; }
    public string? Text { get; init; }
    public double Number { get; init; }
    /// <summary>The number exactly as written (1e9, 0.5), for messages.</summary>
    public string? RawNumber { get; init; }
    public List<TemplateJsonProperty> Properties { get; } = [];
    public List<TemplateJson> Items { get; } = [];

    public string KindName => Kind switch
    {
        JsonValueKind.Object => "对象 { … }",
        JsonValueKind.Array => "数组 [ … ]",
        JsonValueKind.String => "字符串",
        JsonValueKind.Number => "数字",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };

    /// <summary>The largest template file read: style sheets and tables are a few kilobytes; a device or a huge file is refused before it is read.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    private static readonly JsonReaderOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Reads a template file (already known to lie inside the template folder) into a positioned tree.</summary>
    public static TemplateJson Read(string path)
    {
        byte[] bytes = TemplateFiles.ReadBytes(path);
        int start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var lines = new LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes.AsSpan(start), Options);
        try
        {
            if (!reader.Read()) throw Syntax(path, lines, bytes.Length, "文件是空的", "the file is empty");
            var root = ReadValue(ref reader, path, lines, start, "");
            if (reader.Read()) throw Syntax(path, lines, start + (int)reader.TokenStartIndex, "JSON 结束后还有多余的内容", "there is more after the end of the JSON");
            return root;
        }
        catch (JsonException e)
        {
            // Only the place is taken from the exception: its text is .NET's English, so the problem is named from the bytes there.
            int line = (int)(e.LineNumber ?? 0) + 1;
            int inLine = (int)(e.BytePositionInLine ?? 0) + (line == 1 ? start : 0);
            int col = lines.CharColumn(line, inLine);
            var (zh, en) = lines.CharAt(line, inLine) is { } c
                ? ($"第 {line} 行第 {col} 列的「{c}」不符合 JSON 语法（多余或缺少逗号、引号、括号？）", $"\"{c}\" at line {line}, column {col} breaks the JSON syntax (a comma, quote or bracket too many or missing?)")
                : ("文件在 JSON 结束之前就结束了（缺少右括号或引号？）", "the file ends before the JSON does (a closing bracket or quote missing?)");
            throw Syntax(path, line, col, zh, en);
        }
    }

    private static TemplateJson ReadValue(ref Utf8JsonReader r, string file, LineStarts lines, int start, string path)
    {
        var (line, col) = lines.At(start + (int)r.TokenStartIndex);
        switch (r.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var node = new TemplateJson { Kind = JsonValueKind.Object, File = file, Line = line, Column = col, Path = path };
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    while (r.Read() && r.TokenType != JsonTokenType.EndObject)
                    {
                        string name = r.GetString()!;
                        var (nl, nc) = lines.At(start + (int)r.TokenStartIndex);
                        if (!seen.Add(name)) throw Syntax(file, nl, nc, $"键「{name}」在同一个对象中出现了两次", $"the key \"{name}\" appears twice in the same object");
                        r.Read();
                        node.Properties.Add(new TemplateJsonProperty(name, nl, nc, ReadValue(ref r, file, lines, start, path.Length == 0 ? name : $"{path}.{name}")));
                    }
                    return node;
                }
            case JsonTokenType.StartArray:
                {
                    var node = new TemplateJson { Kind = JsonValueKind.Array, File = file, Line = line, Column = col, Path = path };
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                        node.Items.Add(ReadValue(ref r, file, lines, start, $"{path}[{node.Items.Count}]"));
                    return node;
                }
            case JsonTokenType.String:
                return new TemplateJson { Kind = JsonValueKind.String, File = file, Line = line, Column = col, Path = path, Text = r.GetString() };
            case JsonTokenType.Number:
                {
                    string raw = Encoding.UTF8.GetString(r.ValueSpan);
                    double n = r.TryGetDouble(out var d) ? d : double.NaN;
                    return new TemplateJson { Kind = JsonValueKind.Number, File = file, Line = line, Column = col, Path = path, Number = n, RawNumber = raw };
                }
            case JsonTokenType.True:
                return new TemplateJson { Kind = JsonValueKind.True, File = file, Line = line, Column = col, Path = path };
            case JsonTokenType.False:
                return new TemplateJson { Kind = JsonValueKind.False, File = file, Line = line, Column = col, Path = path };
            default:
                return new TemplateJson { Kind = JsonValueKind.Null, File = file, Line = line, Column = col, Path = path };
        }
    }

    /// <summary>This object with <paramref name="over"/> laid on top: objects merged key by key, anything else replaced (a style sheet's "base").</summary>
    public TemplateJson Overlay(TemplateJson over)
    {
        if (Kind != JsonValueKind.Object || over.Kind != JsonValueKind.Object) return over;
        var merged = new TemplateJson { Kind = JsonValueKind.Object, File = over.File, Line = over.Line, Column = over.Column, Path = over.Path };
        merged.Properties.AddRange(Properties);
        foreach (var p in over.Properties)
        {
            int at = merged.Properties.FindIndex(m => m.Name == p.Name);
            if (at < 0) merged.Properties.Add(p);
            else merged.Properties[at] = p with { Value = merged.Properties[at].Value.Overlay(p.Value) };
        }
        return merged;
    }

    private static DocGenException Syntax(string file, LineStarts lines, int offset, string zh, string en)
    {
        var (line, col) = lines.At(offset);
        return Syntax(file, line, col, zh, en);
    }

    private static DocGenException Syntax(string file, int line, int col, string zh, string en) =>
        DiagnosticCatalog.TemplateJson.Fail($"模板文件不是有效的 JSON：{zh}", $"the template file is not valid JSON: {en}", file, line, col);

    /// <summary>Byte offsets of line starts, to turn a byte offset into a line and a character column.</summary>
    private sealed class LineStarts
    {
        private readonly byte[] _bytes;
        private readonly List<int> _starts = [0];

        public LineStarts(byte[] bytes)
        {
            _bytes = bytes;
            for (int i = 0; i < bytes.Length; i++)
                if (bytes[i] == '\n') _starts.Add(i + 1);
        }

        public (int Line, int Column) At(int offset)
        {
            int index = _starts.BinarySearch(offset);
            if (index < 0) index = ~index - 1;
            return (index + 1, Encoding.UTF8.GetCharCount(_bytes, _starts[index], offset - _starts[index]) + 1);
        }

        /// <summary>The character that starts at a byte of a line, or null at the end of the file.</summary>
        public string? CharAt(int line, int bytesInLine)
        {
            if (line < 1 || line > _starts.Count) return null;
            int at = _starts[line - 1] + Math.Max(0, bytesInLine);
            if (at >= _bytes.Length) return null;
            int length = _bytes[at] < 0x80 ? 1 : _bytes[at] >= 0xF0 ? 4 : _bytes[at] >= 0xE0 ? 3 : 2;
            return Encoding.UTF8.GetString(_bytes, at, Math.Min(length, _bytes.Length - at));
        }

        public int CharColumn(int line, int bytesInLine)
        {
            if (line < 1 || line > _starts.Count) return 1;
            int from = _starts[line - 1];
            return Encoding.UTF8.GetCharCount(_bytes, from, Math.Clamp(bytesInLine, 0, _bytes.Length - from)) + 1;
        }
    }
}

/// <summary>A key of a template-file object, with the place the key itself was written (for "unknown key" messages).</summary>
public sealed record TemplateJsonProperty(string Name, int Line, int Column, TemplateJson Value);
