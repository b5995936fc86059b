using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>A structure element as poppler's `pdfinfo -struct-text` prints it: type, /ID, attributes, its own text and its kids.</summary>
internal sealed record StructNode(string Type, string? Id)
{
    public Dictionary<string, string> Attributes { get; } = [];
    public List<StructNode> Kids { get; } = [];
    public List<string> Texts { get; } = [];
    public List<object> Content { get; } = [];   // texts and kids in reading order

    public IEnumerable<StructNode> Descendants() => Kids.SelectMany(k => k.Descendants().Prepend(k));

    /// <summary>All text below this element in reading order.</summary>
    public string Text() => string.Concat(Content.Select(c => c as string ?? ((StructNode)c).Text()));
}

/// <summary>
/// Independent readers of a written PDF: poppler (`pdfinfo -struct-text`) for the structure tree and its text, qpdf
/// (`--json` with stream data) for every object of the file.
/// </summary>
internal static partial class TaggedPdf
{
    /// <summary>The structure tree as poppler reads it; the root is the Document element.</summary>
    public static StructNode Structure(string pdf)
    {
        var (code, output, err) = ProcessRunner.Run("pdfinfo", "-struct-text", pdf);
        if (code != 0) throw new InvalidOperationException("pdfinfo -struct-text failed: " + err);
        Assert.DoesNotContain("Error", err);
        var stack = new List<(int Indent, StructNode Node)>();
        StructNode? root = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.Trim().Length == 0) continue;
            int indent = line.Length - line.TrimStart(' ').Length;
            string body = line.Trim();
            while (stack.Count > 0 && stack[^1].Indent >= indent) stack.RemoveAt(stack.Count - 1);
            var parent = stack.Count > 0 ? stack[^1].Node : null;
            if (body.StartsWith('"'))
            {
                string text = body[1..^1];
                parent!.Texts.Add(text);
                parent.Content.Add(text);
                continue;
            }
            if (body.StartsWith('/'))
            {
                var a = AttributeRegex().Match(body);
                parent!.Attributes[a.Groups[1].Value] = a.Groups[2].Value;
                stack.Add((indent, parent));   // attribute lines sit deeper than the element's text: keep the element open
                continue;
            }
            var m = ElementRegex().Match(body);
            var node = new StructNode(m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null);
            if (parent is null) root = node;
            else { parent.Kids.Add(node); parent.Content.Add(node); }
            stack.Add((indent, node));
        }
        return root ?? throw new InvalidOperationException("no structure tree:\n" + output);
    }

    [GeneratedRegex(@"^(\w+)(?: <([^>]*)>)?")]
    private static partial Regex ElementRegex();

    [GeneratedRegex(@"^/(\w+)\s*(.*)$")]
    private static partial Regex AttributeRegex();

    /// <summary>Every object of the file as qpdf reads it (stream data decoded, base64), keyed "obj:N 0 R" and "trailer".</summary>
    public static JsonElement Objects(string pdf)
    {
        var (code, output, err) = ProcessRunner.Run("qpdf", "--json", "--json-stream-data=inline", "--json-key=qpdf", pdf);
        if (code != 0) throw new InvalidOperationException("qpdf --json failed: " + err);
        return JsonDocument.Parse(output).RootElement.GetProperty("qpdf")[1].Clone();
    }

    /// <summary>The value of an object, following a reference ("12 0 R").</summary>
    public static JsonElement Resolve(JsonElement objects, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && RefRegex().IsMatch(value.GetString()!))
        {
            var obj = objects.GetProperty("obj:" + value.GetString());
            return obj.TryGetProperty("value", out var v) ? v : obj.GetProperty("stream").GetProperty("dict");
        }
        return value;
    }

    public static JsonElement Get(JsonElement objects, JsonElement dict, string key) => Resolve(objects, dict.GetProperty(key));

    /// <summary>A stream's decoded bytes (the value must be a reference to a stream).</summary>
    public static byte[] StreamData(JsonElement objects, JsonElement reference) =>
        Convert.FromBase64String(objects.GetProperty("obj:" + reference.GetString()).GetProperty("stream").GetProperty("data").GetString()!);

    public static JsonElement Catalog(JsonElement objects) => Get(objects, objects.GetProperty("trailer").GetProperty("value"), "/Root");

    /// <summary>The pages in order, from the page tree (one level, as DocGen writes it).</summary>
    public static List<(JsonElement Page, string Ref)> Pages(JsonElement objects)
    {
        var pages = Get(objects, Catalog(objects), "/Pages");
        return pages.GetProperty("/Kids").EnumerateArray().Select(k => (Resolve(objects, k), k.GetString()!)).ToList();
    }

    /// <summary>A qpdf JSON string value without its "u:" (text) or "b:" (bytes) prefix.</summary>
    public static string Str(JsonElement value) => value.GetString()![2..];

    [GeneratedRegex(@"^\d+ 0 R$")]
    private static partial Regex RefRegex();

    /// <summary>Non-whitespace characters with their counts: page text and tagged text come in different orders.</summary>
    public static Dictionary<char, int> Chars(string text)
    {
        var counts = new Dictionary<char, int>();
        foreach (char c in text)
            if (!char.IsWhiteSpace(c)) counts[c] = counts.GetValueOrDefault(c) + 1;
        return counts;
    }

    public static string NoSpace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text) if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }
}
