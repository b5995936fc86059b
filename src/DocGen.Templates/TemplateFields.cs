using System.Globalization;
using System.Text.Json;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>Every problem found while loading one template, each at its file(line,col); thrown together as a template failure.</summary>
internal sealed class TemplateProblems
{
    private readonly List<Diagnostic> _list = [];

    public bool Any => _list.Count > 0;

    public void Add(TemplateJson at, DiagnosticKind kind, string zh, string en) => _list.Add(kind.Create(zh, en, at.File, at.Line, at.Column));

    public void Add(string file, int line, int column, DiagnosticKind kind, string zh, string en) => _list.Add(kind.Create(zh, en, file, line, column));

    public void ThrowIfAny()
    {
        if (_list.Count > 0) throw new DocGenException(FailureKind.Template, _list.ToList());
    }
}

/// <summary>
/// Reads one object of a template file strictly: every key the loader asks for is remembered, and <see cref="Done"/> reports the
/// others as unknown (with the likely intended key). A missing required key, a wrong type or a value out of range is an
/// E-TEMPLATE-FIELD at its place; the reader then returns a default so loading goes on and every problem is reported at once.
/// Keys starting with "//" are comments. Adding a key to a format is one call here and one line in the loader that reads it.
/// </summary>
internal sealed class TemplateFields(TemplateJson node, TemplateProblems problems)
{
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    public TemplateJson Node => node;
    public TemplateProblems Problems => problems;

    /// <summary>The value of a key, or null (reported when <paramref name="required"/>).</summary>
    public TemplateJson? Get(string key, bool required = false)
    {
        _asked.Add(key);
        var p = node.Properties.FirstOrDefault(p => p.Name == key);
        if (p is null && required)
            problems.Add(node, Field, $"{Where}缺少必填的键「{key}」", $"{WhereEn}the required key \"{key}\" is missing");
        return p?.Value;
    }

    public string? Str(string key, bool required = true) => Str(Get(key, required));

    public string Str(string key, string fallback) => Str(Get(key)) ?? fallback;

    public string? Str(TemplateJson? v)
    {
        if (v is null) return null;
        if (v.Kind == JsonValueKind.String) return v.Text;
        WrongType(v, "字符串", "a string");
        return null;
    }

    public bool Bool(string key, bool fallback)
    {
        var v = Get(key);
        if (v is null) return fallback;
        if (v.Kind is JsonValueKind.True or JsonValueKind.False) return v.Kind == JsonValueKind.True;
        WrongType(v, "true 或 false", "true or false");
        return fallback;
    }

    /// <summary>A number within [min, max]; anything else (a string "三", 1e9, Infinity written as text) is reported with the range.</summary>
    public double Num(string key, double fallback, double min, double max, bool required = false) =>
        Get(key, required) is { } v ? Num(v, fallback, min, max) : fallback;

    public double Num(TemplateJson v, double fallback, double min, double max)
    {
        if (v.Kind != JsonValueKind.Number) { WrongType(v, "数字", "a number"); return fallback; }
        if (double.IsFinite(v.Number) && v.Number >= min && v.Number <= max) return v.Number;
        OutOfRange(v, v.RawNumber ?? v.Number.ToString(CultureInfo.InvariantCulture), min, max);
        return fallback;
    }

    public int Int(string key, int fallback, int min, int max, bool required = false)
    {
        var v = Get(key, required);
        if (v is null) return fallback;
        double d = Num(v, fallback, min, max);
        if (d == Math.Floor(d)) return (int)d;
        problems.Add(v, Field, $"{At(v)}应为整数，实际为 {v.RawNumber}", $"{AtEn(v)}must be a whole number, found {v.RawNumber}");
        return fallback;
    }

    /// <summary>A font size: a Chinese size name (三号, 小四) or points (16, "10.5pt"), within 4–72 pt (初号 is 42 pt).</summary>
    public double Size(string key, double? fallback = null, double min = 4, double max = 72)
    {
        var v = Get(key, fallback is null);
        if (v is null) return fallback ?? 16;
        string text = v.Kind == JsonValueKind.Number ? v.RawNumber ?? "" : v.Kind == JsonValueKind.String ? v.Text ?? "" : "";
        if (v.Kind is not (JsonValueKind.Number or JsonValueKind.String)) { WrongType(v, "字号（如 \"三号\" 或 \"10.5pt\"）", "a size (\"三号\" or \"10.5pt\")"); return fallback ?? 16; }
        if (Units.ParseFontSize(text) is not { } pt)
        {
            problems.Add(v, Field, $"{At(v)}字号「{text}」无法识别（可用 三号、五号 … 或磅值如 10.5pt）",
                $"{AtEn(v)}size \"{text}\" is not understood (use 三号, 五号 … or points such as 10.5pt)");
            return fallback ?? 16;
        }
        if (pt >= min && pt <= max && double.IsFinite(pt)) return pt;
        OutOfRange(v, text, min, max, "pt");
        return fallback ?? 16;
    }

    public TemplateFields? Obj(string key, bool required = false) => Obj(Get(key, required));

    public TemplateFields? Obj(TemplateJson? v)
    {
        if (v is null) return null;
        if (v.Kind == JsonValueKind.Object) return new TemplateFields(v, problems);
        WrongType(v, "对象 { … }", "an object { … }");
        return null;
    }

    public IReadOnlyList<TemplateJson> Arr(string key, bool required = false, int minItems = 0)
    {
        var v = Get(key, required);
        if (v is null) return [];
        if (v.Kind != JsonValueKind.Array) { WrongType(v, "数组 [ … ]", "an array [ … ]"); return []; }
        if (v.Items.Count < minItems)
            problems.Add(v, Field, $"{At(v)}至少应有 {minItems} 项", $"{AtEn(v)}needs at least {minItems} item(s)");
        return v.Items;
    }

    /// <summary>A list of strings (an array whose every item is a string).</summary>
    public IReadOnlyList<string> Strings(string key, bool required = false, int minItems = 0) =>
        Arr(key, required, minItems).Select(Str).OfType<string>().ToList();

    /// <summary>The entries of an object used as a map (font roles, paragraph styles), comment keys left out.</summary>
    public IEnumerable<(string Name, TemplateJson Value)> Entries() =>
        node.Properties.Where(p => !p.Name.StartsWith("//", StringComparison.Ordinal)).Select(p => (p.Name, p.Value));

    /// <summary>One of a fixed set of words ("left", "center" …), or the fallback after reporting the choices.</summary>
    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices, bool required = false)
    {
        var v = Get(key, required);
        if (v is null) return fallback;
        string? s = Str(v);
        if (s is null) return fallback;
        if (choices.TryGetValue(s, out var c)) return c;
        problems.Add(v, Field, $"{At(v)}「{s}」无法识别（可用：{string.Join("、", choices.Keys)}）{Guess(s, choices.Keys)}",
            $"{AtEn(v)}\"{s}\" is not one of {string.Join(", ", choices.Keys)}");
        return fallback;
    }

    /// <summary>Reports every key nobody asked for: a typo ("linesPerPagee") must not silently fall back to a default.</summary>
    public void Done()
    {
        var known = _asked.ToList();
        foreach (var p in node.Properties.Where(p => !_asked.Contains(p.Name) && !p.Name.StartsWith("//", StringComparison.Ordinal)))
            problems.Add(node.File, p.Line, p.Column, Field, $"{Where}未知的键「{p.Name}」{Guess(p.Name, known)}（可用：{string.Join("、", known)}）",
                $"{WhereEn}unknown key \"{p.Name}\"{GuessEn(p.Name, known)}");
    }

    public void Report(TemplateJson at, string message, string messageEn) => problems.Add(at, Field, $"{At(at)}{message}", $"{AtEn(at)}{messageEn}");

    private void WrongType(TemplateJson v, string expected, string expectedEn) =>
        problems.Add(v, Field, $"{At(v)}应为{expected}，实际为{v.KindName}{(v.Kind == JsonValueKind.String ? $"「{v.Text}」" : "")}",
            $"{AtEn(v)}must be {expectedEn}");

    private void OutOfRange(TemplateJson v, string written, double min, double max, string unit = "") =>
        problems.Add(v, Field, $"{At(v)}{written} 超出允许范围 {F(min)}–{F(max)}{unit}",
            $"{AtEn(v)}{written} is outside the allowed range {F(min)}–{F(max)}{unit}");

    private static DiagnosticKind Field => DiagnosticCatalog.TemplateField;
    private string Where => node.Path.Length == 0 ? "" : $"「{node.Path}」中";
    private string WhereEn => node.Path.Length == 0 ? "" : $"in \"{node.Path}\": ";
    private static string At(TemplateJson v) => $"「{v.Path}」";
    private static string AtEn(TemplateJson v) => $"\"{v.Path}\": ";
    private static string F(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Guess(string name, IEnumerable<string> known) =>
        Suggest.Closest(name, known) is { } g ? $"，是否应为「{g}」？" : "";

    private static string GuessEn(string name, IEnumerable<string> known) =>
        Suggest.Closest(name, known) is { } g ? $" (did you mean \"{g}\"?)" : "";
}
