using System.Globalization;
using DocGen.Data;
using DocGen.Model;
using DocGen.Tables;

namespace DocGen.Review;

/// <summary>
/// Across years (docgen check --previous): cells that continue from last year's report, as checks.json's previousYear rules say:
/// 二、上年结转 equals last year's 四、结转下年度继续办理 (W-CHECK-CARRYOVER); 现行有效 moves by 本年制发 − 本年废止 (W-CHECK-INFORCE).
/// </summary>
public static class PreviousYearChecks
{
    public static IEnumerable<Diagnostic> Check(BoundReport report, BoundReport previous, CheckRules rules)
    {
        int year = report.Context.GetValueOrDefault("year") as int? ?? 0;
        int previousYear = previous.Context.GetValueOrDefault("year") as int? ?? 0;
        if (previousYear != year - 1)
        {
            var at = previous.Nodes.GetValueOrDefault("year") ?? previous.Nodes.GetValueOrDefault("");
            yield return DiagnosticCatalog.CheckPrevious.Create(
                $"--previous 给出的是 {previousYear} 年度的报告，不是本报告（{year} 年度）的上一年度（{year - 1} 年）：跨年核对没有进行",
                $"--previous is the report for {previousYear}, not for the year before this report ({year - 1}): the checks across years were not made",
                previous.File, at?.Line ?? 0, at?.Column ?? 0, "year");
            yield break;
        }
        foreach (var rule in rules.PreviousYear)
        {
            var cell = rule.Cell.Terms[0];
            var def = report.Template.Tables.First(t => t.Id == cell.Table);
            foreach (string? column in Columns(def, cell))
            {
                decimal? actual = rule.Cell.Evaluate(report, previous, column), expected = rule.Expect.Evaluate(report, previous, column);
                if (actual is null || expected is null || actual == expected) continue;
                string path = cell.Path(column);
                var node = report.Nodes.GetValueOrDefault(path) ?? report.Nodes.GetValueOrDefault($"tables.{cell.Table}.{cell.Row}")
                    ?? report.Nodes.GetValueOrDefault($"tables.{cell.Table}") ?? report.Nodes.GetValueOrDefault("");
                string soft = rule.Soft ? "如本年对存量做过清理或重新统计，请在正文中说明；否则" : "";
                string softEn = rule.Soft ? "If the stock was cleaned up or recounted this year, say so in the text; otherwise " : "";
                yield return DiagnosticCatalog.Continuity(rule.Id,
                    $"{rule.Name}：{rule.Cell.Describe(report, previous, false, column)}，应等于 {rule.Expect.Describe(report, previous, false, column)} = {Fmt(expected.Value)}（上年报告：{previous.File}）。{soft}请核对本年或上年的数据",
                    $"{rule.NameEn}: {rule.Cell.Describe(report, previous, true, column)} should equal {rule.Expect.Describe(report, previous, true, column)} = {Fmt(expected.Value)} (last year's report: {previous.File}). {softEn}check this year's or last year's data",
                    report.File, node?.Line ?? 0, node?.Column ?? 0, path);
            }
        }
    }

    /// <summary>The columns a rule covers: its own, or for "*" every column of the row except computed totals (their parts are checked).</summary>
    private static IEnumerable<string?> Columns(TableDefinition def, CellTerm cell)
    {
        if (cell.Column != "*") return [null];
        var derived = TableRules.SummedColumns(def);
        return def.ValueCells.Where(c => c.Row == cell.Row && !derived.Contains(c.Column)).Select(c => (string?)c.Column);
    }

    private static string Fmt(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
