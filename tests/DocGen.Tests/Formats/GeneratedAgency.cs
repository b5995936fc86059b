using System.Globalization;
using System.Text.Json.Nodes;
using DocGen.Tables;
using DocGen.Tests.Support;

namespace DocGen.Tests.Formats;

/// <summary>
/// A random but valid data file for any template, made from the table definitions alone: every typed cell gets a random value of
/// its type, then "equal" and "atMost" rules are repaired by raising one typed cell. The values are kept so tests know the sums.
/// </summary>
public sealed class GeneratedAgency
{
    public required string Path { get; init; }
    /// <summary>Typed values by table id, then (row, column).</summary>
    public required Dictionary<string, Dictionary<(string Row, string Column), decimal>> Numbers { get; init; }

    public static GeneratedAgency Create(string folder, string template, int year, int seed, string agency, string text = "100万元")
    {
        var package = Pipelines.Default.Templates.Load(template);
        var rng = new Random(seed);
        var numbers = new Dictionary<string, Dictionary<(string, string), decimal>>();
        var texts = new Dictionary<string, Dictionary<(string, string), string>>();
        foreach (var def in package.Tables)
        {
            var n = numbers[def.Id] = [];
            var t = texts[def.Id] = [];
            foreach (var (row, col) in def.ValueCells.Where(c => !IsComputed(def, c.Row, c.Column)))
            {
                switch (def.TypeOf(row, col))
                {
                    case Tables.ValueType.Text: t[(row, col)] = text; break;
                    case Tables.ValueType.Amount: n[(row, col)] = rng.Next(0, 100_000) / 100m; break;
                    case Tables.ValueType.Signed: n[(row, col)] = rng.Next(-5, 6); break;
                    default: n[(row, col)] = rng.Next(0, 60); break;
                }
            }
        }
        string path = System.IO.Path.Combine(folder, $"{agency}.json");
        // Repair rules against the binder's own totals until none is broken (each repair only raises a typed cell).
        for (int round = 0; ; round++)
        {
            File.WriteAllText(path, ToJson(template, agency, year, numbers, texts, seed));
            var bound = Pipelines.Default.Bind(path);
            bool changed = false;
            foreach (var def in package.Tables)
                foreach (var rule in def.Rules.Where(r => r.Kind != RuleKind.Sum))
                    foreach (var col in def.Columns.Select(c => c.Key).Where(c => !def.Rules.Any(r => r.Kind == RuleKind.Sum && !r.ByRow && r.Target == c)))
                        changed |= Repair(def, rule, col, bound.Values[def.Id].Numbers, numbers[def.Id]);
            if (!changed)
            {
                Assert.False(bound.HasErrors, string.Join("\n", bound.Diagnostics.Select(d => d.Format())));
                return new GeneratedAgency { Path = path, Numbers = numbers };
            }
            Assert.True(round < 10, "rule repair did not converge");
        }
    }

    private static bool IsComputed(TableDefinition def, string row, string col) =>
        def.Rules.Any(r => r.Kind == RuleKind.Sum && (r.ByRow ? r.Target == row : r.Target == col));

    private static bool Repair(TableDefinition def, TableRule rule, string col,
        Dictionary<(string Row, string Column), decimal> bound, Dictionary<(string, string), decimal> typed)
    {
        var left = rule.Left.Where(r => def.ValueCells.Contains((r, col))).ToList();
        var right = rule.Right.Where(r => def.ValueCells.Contains((r, col))).ToList();
        if (left.Count == 0 || right.Count == 0) return false;
        decimal l = left.Sum(r => bound[(r, col)]), rr = right.Sum(r => bound[(r, col)]);
        if (rule.Kind == RuleKind.AtMost ? l <= rr : l == rr) return false;
        // Raise the smaller side by the difference, on a typed cell that no sum rule reads in this column.
        var side = l < rr ? left : right;
        string row = side.First(r => typed.ContainsKey((r, col)) && !def.Rules.Any(s => s.Kind == RuleKind.Sum && s.ByRow && s.Of.Contains(r)));
        typed[(row, col)] += Math.Abs(l - rr);
        return true;
    }

    private static string ToJson(string template, string agency, int year, Dictionary<string, Dictionary<(string, string), decimal>> numbers,
        Dictionary<string, Dictionary<(string, string), string>> texts, int seed)
    {
        var tables = new JsonObject();
        var rng = new Random(seed);
        foreach (var (tableId, cells) in numbers)
        {
            var table = new JsonObject();
            var rows = cells.Keys.Select(k => k.Item1).Concat(texts[tableId].Keys.Select(k => k.Item1)).Distinct().ToList();
            // Shuffled key order: the merged output must not depend on how each clerk ordered the file.
            foreach (var row in rows.OrderBy(_ => rng.Next()))
            {
                var r = new JsonObject();
                foreach (var ((rk, ck), v) in cells.Where(c => c.Key.Item1 == row)) r[ck] = JsonValue.Create(v);
                foreach (var ((rk, ck), v) in texts[tableId].Where(c => c.Key.Item1 == row)) r[ck] = v;
                table[row] = r;
            }
            tables[tableId] = table;
        }
        var root = new JsonObject
        {
            ["template"] = template,
            ["agency"] = agency,
            ["year"] = year,
            ["tables"] = tables,
        };
        return root.ToJsonString();
    }

    public static string Format(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
