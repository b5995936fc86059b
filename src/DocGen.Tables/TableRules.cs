namespace DocGen.Tables;

/// <summary>
/// The rules of a table (tables/*.json "rules"): which cells are totals the program computes, computing them, and checking the
/// equations. The binder, the merger, the schema, the skeleton and the browser form all ask here, so they agree on every cell.
/// </summary>
public static class TableRules
{
    /// <summary>A computed cell: the target of a sum rule (its row, or its column). The clerk may leave it out.</summary>
    public static bool IsComputed(TableDefinition def, string row, string column) =>
        def.Rules.Any(r => r.Kind == RuleKind.Sum && (r.ByRow ? r.Target == row : r.Target == column));

    /// <summary>
    /// Columns that are themselves a sum of columns. They balance whenever their parts do (T3-5), so a check of every column leaves
    /// them out: checking them too would report every break twice, once in the column and once in 总计.
    /// </summary>
    public static HashSet<string?> SummedColumns(TableDefinition def) =>
        def.Rules.Where(r => r.Kind == RuleKind.Sum && !r.ByRow).Select(r => r.Target).ToHashSet();

    /// <summary>The value cells a rule relates at (row, column): a sum's total and its parts, or both sides of an equation.</summary>
    public static IEnumerable<(string Row, string Column)> CellsOf(TableDefinition def, TableRule rule, string row, string column)
    {
        IEnumerable<(string Row, string Column)> cells = rule.Kind switch
        {
            RuleKind.Sum when rule.ByRow => rule.Of.Prepend(rule.Target!).Select(r => (r, column)),
            RuleKind.Sum => rule.Of.Prepend(rule.Target!).Select(c => (row, c)),
            _ => rule.Left.Concat(rule.Right).Select(r => (r, column)),
        };
        var valueCells = def.ValueCells.ToHashSet();
        return cells.Where(valueCells.Contains);
    }

    /// <summary>
    /// Computes the totals into <paramref name="values"/> to a fixpoint (a total of totals waits for its parts), then checks the
    /// equations. Returns every break in the order found; a typed total that differs from its sum is replaced by the sum, so later
    /// checks use the right figure and one wrong total is reported once, not again by every rule it feeds.
    /// </summary>
    public static IReadOnlyList<RuleBreak> Apply(TableDefinition def, TableValues values) => new Run(def, values).Go();

    private sealed class Run(TableDefinition def, TableValues tv)
    {
        private readonly HashSet<(string, string)> _cells = def.ValueCells.ToHashSet();
        private readonly List<RuleBreak> _breaks = [];

        public List<RuleBreak> Go()
        {
            var pending = new List<(TableRule Rule, string Row, string Col, List<(string, string)> Parts)>();
            foreach (var rule in def.Rules.Where(r => r.Kind == RuleKind.Sum))
            {
                foreach (var (row, col) in def.ValueCells)
                {
                    if (rule.ByRow ? row != rule.Target : col != rule.Target) continue;
                    var parts = (rule.ByRow ? rule.Of.Select(r => (r, col)) : rule.Of.Select(c => (row, c))).Where(_cells.Contains).ToList();
                    pending.Add((rule, row, col, parts));
                }
            }
            bool progress = true;
            while (progress && pending.Count > 0)
            {
                progress = false;
                foreach (var item in pending.ToList())
                {
                    if (!item.Parts.All(p => tv.Numbers.ContainsKey(p) && !IsPendingTarget(pending, p))) continue;
                    pending.Remove(item);
                    progress = true;
                    decimal sum = item.Parts.Sum(p => tv.Numbers[p]);
                    var key = (item.Row, item.Col);
                    if (tv.Computed.Contains(key)) continue; // a second rule reaching the same total: the first one decided it
                    if (tv.Numbers.TryGetValue(key, out var typed))
                    {
                        if (typed != sum)
                        {
                            _breaks.Add(new WrongTotal(item.Rule, item.Row, item.Col, typed, sum, Detail(item.Parts, item.Rule.ByRow))
                            { PartsEn = Detail(item.Parts, item.Rule.ByRow, english: true) });
                            tv.Numbers[key] = sum;
                        }
                    }
                    else
                    {
                        tv.Numbers[key] = sum;
                        tv.Computed.Add(key);
                    }
                }
            }

            var summed = SummedColumns(def);
            foreach (var rule in def.Rules.Where(r => r.Kind != RuleKind.Sum))
                foreach (var col in def.Columns.Select(c => c.Key).Where(c => !summed.Contains(c)))
                    Check(rule, col);
            return _breaks;
        }

        private static bool IsPendingTarget(List<(TableRule Rule, string Row, string Col, List<(string, string)> Parts)> pending, (string, string) cell) =>
            pending.Any(p => (p.Row, p.Col) == cell);

        private void Check(TableRule rule, string col)
        {
            var left = rule.Left.Select(r => (r, col)).Where(_cells.Contains).ToList();
            var right = rule.Right.Select(r => (r, col)).Where(_cells.Contains).ToList();
            if (left.Count == 0 || right.Count == 0) return;
            if (!left.Concat(right).All(tv.Numbers.ContainsKey)) return; // a missing or invalid cell is already reported
            decimal l = left.Sum(c => tv.Numbers[c]), r = right.Sum(c => tv.Numbers[c]);
            bool ok = rule.Kind == RuleKind.Equal ? l == r : l <= r;
            if (ok) return;
            _breaks.Add(new Unbalanced(rule, col, Detail(left, true), l, Detail(right, true), r, [.. left, .. right])
            { LeftEn = Detail(left, true, english: true), RightEn = Detail(right, true, english: true) });
        }

        /// <summary>The parts of a sum as the clerk reads them; long sums list only the non-zero parts.</summary>
        private string Detail(IReadOnlyList<(string Row, string Col)> cells, bool byRow, bool english = false)
        {
            string Part((string Row, string Col) c) => english
                ? $"{(byRow ? def.Row(c.Row).Label : def.Column(c.Col).Label)} ({ValueFormatter.Plain(tv.Numbers.GetValueOrDefault(c))})"
                : $"{(byRow ? def.Row(c.Row).Label : def.Column(c.Col).Label)}（{ValueFormatter.Plain(tv.Numbers.GetValueOrDefault(c))}）";
            if (cells.Count <= 6) return string.Join(" + ", cells.Select(Part));
            var nonZero = cells.Where(c => tv.Numbers.GetValueOrDefault(c) != 0).ToList();
            if (english)
                return $"the sum of {cells.Count} items: {(nonZero.Count == 0 ? "all 0" : string.Join(" + ", nonZero.Select(Part)) + ", the rest 0")}";
            return $"{cells.Count} 项之和：{(nonZero.Count == 0 ? "均为 0" : string.Join(" + ", nonZero.Select(Part)) + "，其余为 0")}";
        }
    }
}

/// <summary>A rule that does not hold; the parts are written out (with their values) as the clerk reads them.</summary>
public abstract record RuleBreak(TableRule Rule);

/// <summary>A total the clerk typed that differs from the sum of its parts; the sum has replaced it.</summary>
public sealed record WrongTotal(TableRule Rule, string Row, string Column, decimal Typed, decimal Sum, string Parts) : RuleBreak(Rule)
{
    /// <summary><see cref="Parts"/> in English (--lang en).</summary>
    public string PartsEn { get; init; } = Parts;
}

/// <summary>An equation (equal, at most) that does not hold in one column; <see cref="Cells"/> are its cells, left side first.</summary>
public sealed record Unbalanced(TableRule Rule, string Column, string Left, decimal LeftSum, string Right, decimal RightSum,
    IReadOnlyList<(string Row, string Column)> Cells) : RuleBreak(Rule)
{
    /// <summary><see cref="Left"/> and <see cref="Right"/> in English (--lang en).</summary>
    public string LeftEn { get; init; } = Left;

    public string RightEn { get; init; } = Right;
}
