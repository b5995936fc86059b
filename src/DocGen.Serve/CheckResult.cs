using DocGen.Data;
using DocGen.Model;
using DocGen.Tables;
using DocGen.Templates;

namespace DocGen.Serve;

/// <summary>One diagnostic for the page: the command line's text, and the form fields (cells) it concerns.</summary>
public sealed record Problem(string Severity, string Id, string Text, string? Path, IReadOnlyList<string> Fields);

/// <summary>What a check of the form returns: every problem, and the totals the binder computed, by field name.</summary>
public sealed record CheckResult(int Errors, int Warnings, IReadOnlyList<Problem> Problems, IReadOnlyDictionary<string, string> Totals)
{
    public static CheckResult From(BoundReport bound, bool english)
    {
        var problems = Describe(bound.Diagnostics, english, bound.Template);
        var totals = new Dictionary<string, string>();
        foreach (var def in bound.Template.Tables)
        {
            if (!bound.Values.TryGetValue(def.Id, out var values)) continue;
            var printed = ValueFormatter.Format(def, values);
            foreach (var cell in def.ValueCells.Where(c => TableRules.IsComputed(def, c.Row, c.Column)))
                totals[FormFields.Cell(def, cell.Row, cell.Column)] = values.Computed.Contains(cell) ? printed.GetValueOrDefault(cell, "") : "";
        }
        return new CheckResult(problems.Count(p => p.Severity == "error"), problems.Count(p => p.Severity == "warning"), problems, totals);
    }

    public static IReadOnlyList<Problem> Describe(IEnumerable<Diagnostic> diagnostics, bool english, TemplatePackage? template = null) =>
        diagnostics.Select(d => new Problem(
            d.Severity == Severity.Error ? "error" : "warning",
            d.Id,
            // The command line's words without the file position: before saving, line and column would point into a file that
            // does not exist yet. The JSON path stays, as validate prints it.
            (d with { File = null, Line = 0, Column = 0 }).Format(english),
            d.JsonPath,
            template is null ? [] : Fields(d, template))).ToList();

    /// <summary>
    /// The cells a problem concerns. A value's own problem concerns its cell; a rule concerns every cell of its equation in that
    /// column (T3-1: 一 + 二 and 三 + 四 of 自然人), or the total and its parts for a sum — the binder names one of them in its path.
    /// </summary>
    public static IReadOnlyList<string> Fields(Diagnostic d, TemplatePackage template)
    {
        if (d.JsonPath is not { } path) return [];
        var parts = path.Split('.');
        if (parts.Length != 4 || parts[0] != "tables") return [path];
        var def = template.Tables.FirstOrDefault(t => t.Id == parts[1]);
        string ruleId = DiagnosticCatalog.RuleIdOf(d.Id);
        var rule = def?.Rules.FirstOrDefault(r => r.Id == ruleId);
        if (def is null || rule is null) return [path];
        string row = parts[2], column = parts[3];
        return TableRules.CellsOf(def, rule, row, column).Select(c => FormFields.Cell(def, c.Row, c.Column)).Distinct().ToList();
    }
}
