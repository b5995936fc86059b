using System.Globalization;
using System.Text.RegularExpressions;
using DocGen.Model;

namespace DocGen.Review;

/// <summary>
/// The checks driven by checks.json: numbers in the text against the tables (W-CHECK-NUMBER), years against the report year
/// (W-CHECK-YEAR), agency names against the report's agency (W-CHECK-AGENCY), content the format requires (W-CHECK-REQUIRED).
/// </summary>
public static class NarrativeChecks
{
    public static IEnumerable<Diagnostic> Numbers(ReportText text, CheckRules rules) => Phrases(text, rules.Numbers, DiagnosticCatalog.CheckNumber);

    public static IEnumerable<Diagnostic> Years(ReportText text, CheckRules rules) => Phrases(text, rules.Years, DiagnosticCatalog.CheckYear);

    private static IEnumerable<Diagnostic> Phrases(ReportText text, IReadOnlyList<PhraseRule> rules, DiagnosticKind id)
    {
        var report = text.Report;
        foreach (var rule in rules)
        {
            var expected = rule.Expect.Select(e => e.Evaluate(report, null)).ToList();
            if (expected.All(v => v is null)) continue; // the cells are invalid or absent: already reported by the binder
            foreach (var p in text.In(rule.In))
            {
                foreach (Match m in rule.Pattern.Matches(p.Text))
                {
                    var g = m.Groups[rule.Group];
                    if (!g.Success || ParseNumber(g.Value) is not { } found || expected.Contains(found)) continue;
                    int at = rule.Expect.Select((e, i) => (e, i)).First(x => expected[x.i] is not null).i;
                    string table = rule.Expect[at].Describe(report, null, english: false);
                    string tableEn = rule.Expect[at].Describe(report, null, english: true);
                    string others = rule.Expect.Count > 1 ? $"（也接受：{string.Join("；", rule.Expect.Where((_, i) => i != at).Select(e => e.Describe(report, null, false)))}）" : "";
                    string othersEn = rule.Expect.Count > 1 ? $" (also accepted: {string.Join("; ", rule.Expect.Where((_, i) => i != at).Select(e => e.Describe(report, null, true)))})" : "";
                    string value = Fmt(expected[at]!.Value);
                    yield return id == DiagnosticCatalog.CheckYear
                        ? text.Finding(id, p, g.Index,
                            $"{rule.Name}：正文{ReportText.Quote(p.Text, m.Index, m.Length)}写的是 {g.Value} 年，但本报告的年度（year）是 {report.Context.GetValueOrDefault("year")}，应为 {value} 年。请核对是否沿用了其他年度报告的文字",
                            $"{rule.NameEn}: the text {ReportText.Quote(p.Text, m.Index, m.Length)} says {g.Value}, but the report year is {report.Context.GetValueOrDefault("year")}: it should be {value}. Was the text copied from another year's report?")
                        : text.Finding(id, p, g.Index,
                            $"{rule.Name}：正文{ReportText.Quote(p.Text, m.Index, m.Length)}写的是 {g.Value}，与表格不一致：{table} = {value}{others}。请核对正文或表格（表格 JSON 位置：{rule.Expect[at].Paths()}）",
                            $"{rule.NameEn}: the text {ReportText.Quote(p.Text, m.Index, m.Length)} says {g.Value}, but the table says {tableEn} = {value}{othersEn}. Check the text or the table (JSON: {rule.Expect[at].Paths()})");
                }
            }
        }
    }

    public static IEnumerable<Diagnostic> Agencies(ReportText text, CheckRules rules)
    {
        var report = text.Report;
        string agency = Normal(report.Context.GetValueOrDefault("agency") as string ?? "");
        string agencyLine = Normal((report.Context.GetValueOrDefault("title") as Dictionary<string, object?>)?.GetValueOrDefault("agencyLine") as string ?? "");
        if (agency.Length == 0) yield break;
        foreach (var rule in rules.Agencies)
        {
            foreach (var p in text.In(rule.In))
            {
                foreach (Match m in rule.Pattern.Matches(p.Text))
                {
                    var g = m.Groups["agency"];
                    string named = Normal(g.Value);
                    if (!g.Success || named.Length == 0) continue;
                    bool ok = rule.SameName
                        ? SameAgency(named, agency) || (agencyLine.Length > 0 && SameAgency(named, agencyLine))
                        : SamePlace(named, agency) || (agencyLine.Length > 0 && SamePlace(named, agencyLine));
                    if (ok) continue;
                    yield return text.Finding(DiagnosticCatalog.CheckAgency, p, g.Index, rule.SameName
                            ? $"{rule.Name}：正文{ReportText.Quote(p.Text, m.Index, m.Length)}写的机关是「{g.Value}」，与本报告的机关「{agency}」不一致。请核对是否沿用了其他机关报告的文字"
                            : $"{rule.Name}：正文{ReportText.Quote(p.Text, m.Index, m.Length)}写的「{g.Value}」与本报告的机关「{agency}」不在同一地方。请核对是否沿用了其他机关报告的文字",
                        rule.SameName
                            ? $"{rule.NameEn}: the text {ReportText.Quote(p.Text, m.Index, m.Length)} names the agency '{g.Value}', not the report's agency '{agency}'. Was the text copied from another agency's report?"
                            : $"{rule.NameEn}: '{g.Value}' in {ReportText.Quote(p.Text, m.Index, m.Length)} is not in the same place as the report's agency '{agency}'. Was the text copied from another agency's report?");
                }
            }
        }
    }

    public static IEnumerable<Diagnostic> Required(ReportText text, CheckRules rules, IReadOnlyDictionary<string, string> placeNames)
    {
        foreach (var rule in rules.Required)
        {
            if (text.In(rule.In).Any(p => rule.Pattern.IsMatch(p.Text))) continue;
            // Parts with no text at all that the binder already reports as empty (W-DATA-NARRATIVE-EMPTY): that is the news, not this.
            if (!text.In(rule.In).Any() && rule.In.Any(i => text.Report.Template.Narrative.ContainsKey(i) && !text.Report.Template.NarrativeMayBeEmpty.Contains(i))) continue;
            string where = string.Join("、", rule.In.Select(i => placeNames.GetValueOrDefault(i, i)));
            string place = rule.In.FirstOrDefault(i => text.Report.Nodes.ContainsKey(i)) ?? "";
            yield return text.Finding(DiagnosticCatalog.CheckRequired, place,
                $"报告格式要求写明{rule.Name}，但在{where}中没有找到。{rule.Suggestion}",
                $"the format requires {rule.NameEn}, but {string.Join(", ", rule.In)} do(es) not contain it. {rule.SuggestionEn}");
        }
    }

    // ---- agency names ----

    private static readonly Regex PlacePattern = new(@"^(?<place>.+?(?:省|自治区|自治州|市|县|区|旗|盟))", RegexOptions.CultureInvariant);

    private static string Normal(string s) => Regex.Replace(s, @"\s+", "");

    private static string? PlaceOf(string name) => PlacePattern.Match(name) is { Success: true } m ? m.Groups["place"].Value : null;

    /// <summary>自治区 and 宁夏回族自治区 are the same place, written short and in full; 平罗县 and 惠农区 are not.</summary>
    private static bool PlacesAgree(string? a, string? b) => a is null || b is null || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal);

    /// <summary>The same agency: equal, one within the other (石嘴山市平罗县人民政府办公室), or the same office of the same place in short and full form.</summary>
    private static bool SameAgency(string named, string agency)
    {
        if (named.Contains(agency, StringComparison.Ordinal) || agency.Contains(named, StringComparison.Ordinal)) return true;
        string? p1 = PlaceOf(named), p2 = PlaceOf(agency);
        return PlacesAgree(p1, p2) && named[(p1?.Length ?? 0)..] == agency[(p2?.Length ?? 0)..];
    }

    /// <summary>A contact office of the same 县, 市 or 自治区 as the agency (its 政务公开办公室, say).</summary>
    private static bool SamePlace(string named, string agency)
    {
        string? p1 = PlaceOf(named), p2 = PlaceOf(agency);
        if (p1 is null || p2 is null) return true;
        return PlacesAgree(p1, p2) || agency.Contains(p1, StringComparison.Ordinal) || named.Contains(p2, StringComparison.Ordinal);
    }

    // ---- numbers as written ----

    /// <summary>"61", "1,372", "118.593", "八", "十二", "二十一": the number a phrase wrote, or null.</summary>
    public static decimal? ParseNumber(string text)
    {
        string s = Regex.Replace(text, @"[\s,，]", "");
        if (s.Length == 0) return null;
        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
        const string digits = "零一二三四五六七八九";
        decimal total = 0, current = 0;
        foreach (char c in s)
        {
            int v = c == '两' ? 2 : c == '〇' ? 0 : digits.IndexOf(c);
            if (v >= 0) { current = v; continue; }
            int unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0) return null;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return total + current;
    }

    private static string Fmt(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
