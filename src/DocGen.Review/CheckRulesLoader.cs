using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DocGen.Data;
using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Review;

/// <summary>
/// Reads checks.json strictly: unknown keys, a pattern that does not compile (or lacks its named group), a cell the format does not
/// have, a text place the template does not know, each is E-TEMPLATE-CHECKS with checks.json(line,col), every one of them at once.
/// Patterns are compiled by <see cref="TemplatePattern"/>: a maintainer's pattern cannot make a check take exponential time.
/// </summary>
public static class CheckRulesLoader
{

    private static readonly ConditionalWeakTable<TemplatePackage, Lazy<CheckRules>> Cache = [];

    /// <summary>
    /// The rules of a template (loaded once per loaded template, however many threads ask at once: compiling the patterns is
    /// most of a cold check's time); none when template.json names no checks file.
    /// </summary>
    public static CheckRules For(TemplatePackage template)
    {
        if (template.ChecksFile is null) return CheckRules.None;
        var rules = Cache.GetValue(template, t => new Lazy<CheckRules>(() => Load(t.ChecksFile!, t), LazyThreadSafetyMode.ExecutionAndPublication));
        try { return rules.Value; }
        catch (Exception)
        {
            // A broken checks.json is read again next time (a maintainer fixing it while `docgen watch` runs), not remembered.
            if (Cache.TryGetValue(template, out var current) && ReferenceEquals(current, rules)) Cache.Remove(template);
            throw;
        }
    }

    public static CheckRules Load(string file, TemplatePackage template)
    {
        JNode root;
        try { root = JsonPositionReader.Parse(File.ReadAllBytes(file), file); }
        catch (DocGenException e)
        {
            var json = DiagnosticCatalog.TemplateJson;
            throw new DocGenException(FailureKind.Template, e.Diagnostics.Select(d => d with { Id = json.Id, Severity = json.Severity }).ToList());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiagnosticCatalog.TemplateIo.Fail($"无法读取模板文件 {file}：{e.Message}", $"cannot read the template file {file}: {e.Message}", inner: e);
        }
        var reader = new Reader(file, template);
        var rules = reader.Read(root);
        if (reader.Errors.Count > 0) throw new DocGenException(FailureKind.Template, reader.Errors);
        return rules;
    }

    private sealed class Reader(string file, TemplatePackage template)
    {
        public List<Diagnostic> Errors { get; } = [];
        private readonly SourcePositions? _source = SourcePositions.TryRead(file);

        /// <summary>The texts a rule may look at: every narrative field of the format, the title lines together, the agency line.</summary>
        private IEnumerable<string> Places => template.Narrative.Keys.Concat(["title", "title.agencyLine"]);

        public CheckRules Read(JNode root)
        {
            if (root is not JObject o) { Error(root, "checks.json 的最外层应为对象 { \"numbers\": [ … ], … }", "the top level of checks.json should be an object"); return CheckRules.None; }
            Known(o, ["//", "$schema", "numbers", "years", "agencies", "required", "previousYear"]);
            return new CheckRules(
                List(o, "numbers", n => Phrase(n, "n", allowYear: false)),
                List(o, "years", n => Phrase(n, "year", allowYear: true)),
                List(o, "agencies", Agency),
                List(o, "required", Required),
                List(o, "previousYear", Continuity),
                file);
        }

        private List<T> List<T>(JObject o, string key, Func<JObject, T?> read) where T : class
        {
            var list = new List<T>();
            if (o[key] is not { } n) return list;
            if (n is not JArray arr) { Error(n, $"「{key}」应为数组 [ {{ … }}, … ]", $"'{key}' should be an array"); return list; }
            foreach (var item in arr.Items)
            {
                if (item is not JObject rule) { Error(item, $"「{key}」的每一项应为对象 {{ … }}", $"each item of '{key}' should be an object"); continue; }
                if (read(rule) is { } r) list.Add(r);
            }
            return list;
        }

        private PhraseRule? Phrase(JObject o, string group, bool allowYear)
        {
            Known(o, ["//", "name", "nameEn", "pattern", "expect", "in"]);
            string? name = Str(o, "name", true);
            var pattern = Pattern(o, group);
            var expect = new List<CellExpression>();
            var e = o["expect"];
            var texts = e is JArray a ? a.Items : e is null ? [] : [e];
            if (e is null) Error(o, "缺少「expect」：正文中的数字应等于的单元格或合计（如 applications.newReceived.total）", "'expect' is missing: the cell or sum the number must equal");
            foreach (var t in texts)
            {
                if (t is not JString s) { Error(t, "「expect」应为表达式字符串或字符串数组", "'expect' should be an expression string or an array of them"); continue; }
                var (expr, err, errEn) = CellExpression.Parse(s.Value, template.Tables, allowPrevious: false, allowWildcard: false);
                if (expr is null) { Error(s, err!, errEn!); continue; }
                if (!allowYear && expr.Terms.Any(t => t.Year)) { Error(s, "「year」只能用于 years 规则", "'year' is only allowed in years rules"); continue; }
                expect.Add(expr);
            }
            var places = In(o, required: false);
            if (name is null || pattern is null || expect.Count == 0) return null;
            return new PhraseRule(name, Str(o, "nameEn", false) ?? name, pattern, group, expect, places, Source(o));
        }

        private AgencyRule? Agency(JObject o)
        {
            Known(o, ["//", "name", "nameEn", "pattern", "match", "in"]);
            string? name = Str(o, "name", true);
            var pattern = Pattern(o, "agency");
            string? match = Str(o, "match", true);
            if (match is not (null or "name" or "place"))
                Error(o["match"]!, "「match」应为 \"name\"（须是本机关的名称）或 \"place\"（须是同一地方的机关）", "'match' should be \"name\" or \"place\"");
            var places = In(o, required: false);
            if (name is null || pattern is null || match is not ("name" or "place")) return null;
            return new AgencyRule(name, Str(o, "nameEn", false) ?? name, pattern, match == "name", places, Source(o));
        }

        private RequiredRule? Required(JObject o)
        {
            Known(o, ["//", "name", "nameEn", "pattern", "in", "suggestion", "suggestionEn"]);
            string? name = Str(o, "name", true), suggestion = Str(o, "suggestion", true);
            var pattern = Pattern(o, null);
            var places = In(o, required: true);
            if (name is null || suggestion is null || pattern is null || places is null) return null;
            return new RequiredRule(name, Str(o, "nameEn", false) ?? name, pattern, places, suggestion, Str(o, "suggestionEn", false) ?? suggestion, Source(o));
        }

        private ContinuityRule? Continuity(JObject o)
        {
            Known(o, ["//", "id", "name", "nameEn", "cell", "expect", "soft"]);
            string? id = Str(o, "id", true), name = Str(o, "name", true);
            if (id is not null && !id.StartsWith(DiagnosticCatalog.CheckPrefix, StringComparison.Ordinal))
            {
                Error(o["id"]!, $"「id」应以 W-CHECK- 开头（如 W-CHECK-CARRYOVER），实际为「{id}」", $"'id' should start with W-CHECK-, found '{id}'");
                id = null;
            }
            var cell = Expression(o, "cell");
            var expect = Expression(o, "expect");
            if (cell is not null && (cell.Terms.Count != 1 || !cell.Terms[0].IsCell || cell.Terms[0].Previous))
            {
                Error(o["cell"]!, "「cell」应为本年报告的一个单元格（如 applications.carriedOver.*）", "'cell' should be one cell of this year's report");
                cell = null;
            }
            bool soft = o["soft"] is JBool { Value: true };
            if (o["soft"] is { } s and not JBool) Error(s, "「soft」应为 true 或 false", "'soft' should be true or false");
            if (id is null || name is null || cell is null || expect is null) return null;
            if (expect.HasWildcard && !cell.HasWildcard)
            {
                Error(o["expect"]!, "「expect」用了列 *，「cell」也须用列 *", "'expect' uses column *, so must 'cell'");
                return null;
            }
            return new ContinuityRule(id, name, Str(o, "nameEn", false) ?? name, cell, expect, soft, Source(o));
        }

        private CellExpression? Expression(JObject o, string key)
        {
            if (o[key] is not JString s) { Error(o[key] ?? o, $"「{key}」应为表达式字符串（如 previous.applications.carryForward.*）", $"'{key}' should be an expression string"); return null; }
            var (expr, err, errEn) = CellExpression.Parse(s.Value, template.Tables, allowPrevious: true, allowWildcard: true);
            if (expr is null) Error(s, err!, errEn!);
            return expr;
        }

        private Regex? Pattern(JObject o, string? group)
        {
            if (o["pattern"] is not JString s || s.Value.Length == 0)
            {
                Error(o["pattern"] ?? o, "缺少「pattern」（正则表达式字符串）", "'pattern' (a regular expression string) is missing");
                return null;
            }
            var (regex, refusal) = TemplatePattern.Compile(s.Value);
            if (regex is null)
            {
                Error(s, refusal!.Message, refusal.MessageEn, refusal.Offset);
                return null;
            }
            if (group is not null && !regex.GetGroupNames().Contains(group))
            {
                Error(s, $"正则表达式须有命名组 (?<{group}>…)，标出要核对的部分", $"the pattern needs a named group (?<{group}>…) marking the part to check");
                return null;
            }
            return regex;
        }

        private List<string>? In(JObject o, bool required)
        {
            if (o["in"] is not { } n)
            {
                if (required) Error(o, $"缺少「in」：在哪些部分查找（可用：{string.Join("、", Places)}）", $"'in' is missing: where to look (available: {string.Join(", ", Places)})");
                return null;
            }
            if (n is not JArray arr || arr.Items.Count == 0) { Error(n, "「in」应为非空的字符串数组", "'in' should be a non-empty array of strings"); return null; }
            var list = new List<string>();
            foreach (var item in arr.Items)
            {
                if (item is JString s && Places.Contains(s.Value)) list.Add(s.Value);
                else Error(item, $"「in」中的「{(item as JString)?.Value}」不是本模板的文字部分（可用：{string.Join("、", Places)}）", $"'{(item as JString)?.Value}' in 'in' is not a text part of this template (available: {string.Join(", ", Places)})");
            }
            return list.Count == arr.Items.Count ? list : null;
        }

        private string? Str(JObject o, string key, bool required)
        {
            var n = o[key];
            if (n is JString s && s.Value.Trim().Length > 0) return s.Value;
            if (n is not null || required) Error(n ?? o, $"「{key}」应为非空字符串", $"'{key}' should be a non-empty string");
            return null;
        }

        private void Known(JObject o, string[] keys)
        {
            foreach (var p in o.Properties.Where(p => !keys.Contains(p.Name)))
            {
                string? guess = Suggest.Closest(p.Name, keys);
                Errors.Add(DiagnosticCatalog.TemplateChecks.Create(
                    $"未知字段「{p.Name}」{(guess is null ? "" : $"，是否想写「{guess}」？")}（可用：{string.Join("、", keys.Where(k => k != "//"))}）",
                    $"unknown field '{p.Name}'{(guess is null ? "" : $"; did you mean '{guess}'?")} (available: {string.Join(", ", keys.Where(k => k != "//"))})",
                    file, p.Line, p.Column));
            }
        }

        private TemplatePosition Source(JObject o) => new(file, o.Line, o.Column);

        private void Error(JNode at, string message, string messageEn, int index = -1)
        {
            var (line, column) = at is JString s && index >= 0 && _source is not null ? _source.Of(s, index) : (at.Line, at.Column);
            Errors.Add(DiagnosticCatalog.TemplateChecks.Create(message, messageEn, file, line, column));
        }
    }
}
