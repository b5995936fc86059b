using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DocGen.Model;
using DocGen.Tables;

namespace DocGen.Serve;

/// <summary>
/// A statistical table as the form: the same resolved grid the DOCX and PDF writers draw (<see cref="TableBuilder"/> places the
/// template's layout cells, spans and printed labels), with an input in each cell the clerk types and the computed totals read-only.
/// </summary>
public static class TableForm
{
    /// <summary>Screen millimetres per printed millimetre: the printed table is 156 mm wide, too narrow for typing on a screen.</summary>
    private const double Scale = 1.4;

    public static void Write(StringBuilder html, TableDefinition def, JsonObject data, IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string> totals, IReadOnlyDictionary<string, (string Css, string Text)> problems)
    {
        var table = TableBuilder.Build(def, new Dictionary<(string, string), string>(), labels);
        html.Append($"<section class=\"sheet-block\" id=\"table-{Html.E(def.Id)}\"><h2>{Html.E(def.DisplayName)}</h2>");
        html.Append($"<table class=\"sheet\" data-table=\"{Html.E(def.Id)}\"><colgroup>");
        foreach (var w in def.ColumnWidthsMm) html.Append($"<col style=\"width:{(w * Scale).ToString("0.#", CultureInfo.InvariantCulture)}mm\">");
        html.Append("</colgroup>");
        for (int r = 0; r < table.Rows.Count; r++)
        {
            html.Append("<tr>");
            var layout = def.Layout[r].Cells;
            for (int i = 0; i < table.Rows[r].Cells.Count; i++)
            {
                var cell = table.Rows[r].Cells[i];
                var lc = layout[i]; // TableBuilder makes one model cell per layout cell, in order
                string tag = r < def.HeaderRows ? "th" : "td";
                string spans = (cell.RowSpan > 1 ? $" rowspan=\"{cell.RowSpan}\"" : "") + (cell.ColSpan > 1 ? $" colspan=\"{cell.ColSpan}\"" : "");
                if (lc.ValueRow is null)
                {
                    string align = cell.Align switch { HAlign.Left or HAlign.Justify => " left", HAlign.Right => " right", _ => "" };
                    string indent = cell.IndentChars > 0 ? $" style=\"padding-left:{cell.IndentChars.ToString("0.##", CultureInfo.InvariantCulture)}em\"" : "";
                    html.Append($"<{tag} class=\"label{align}\"{spans}{indent}>{string.Join("<br>", cell.Lines.Select(Html.E))}</{tag}>");
                    continue;
                }
                string field = FormFields.Cell(def, lc.ValueRow, lc.ValueColumn!);
                string name = $"{def.Row(lc.ValueRow).FullLabel} · {def.Column(lc.ValueColumn!).Label}";
                // Marked from the start (an error red, an acknowledged break amber), so the page says it without scripts too.
                string flagged = problems.TryGetValue(field, out var problem) ? $" {problem.Css}\" title=\"{Html.E(problem.Text)}" : "";
                string position = $" data-r=\"{cell.Row}\" data-c=\"{cell.Column}\" data-w=\"{cell.ColSpan}\"";
                if (TableRules.IsComputed(def, lc.ValueRow, lc.ValueColumn!))
                {
                    html.Append($"<td class=\"value total\"{spans}><output class=\"{flagged.TrimStart()}\" data-total=\"{Html.E(field)}\" aria-label=\"{Html.E(name)}（自动计算）\"{position}>{Html.E(totals.GetValueOrDefault(field, ""))}</output></td>");
                    continue;
                }
                string value = Html.ValueText(Html.At(data, "tables", def.Id, lc.ValueRow, lc.ValueColumn!));
                string mode = def.TypeOf(lc.ValueRow, lc.ValueColumn!) switch
                {
                    Tables.ValueType.Count => "numeric",
                    Tables.ValueType.Text => "text",
                    _ => "decimal",
                };
                html.Append($"<td class=\"value\"{spans}><input class=\"cell{flagged}\" name=\"{Html.E(field)}\" value=\"{Html.E(value)}\" inputmode=\"{mode}\" autocomplete=\"off\" aria-label=\"{Html.E(name)}\"{position}></td>");
            }
            html.Append("</tr>");
        }
        html.Append($"</table><ul class=\"problems\" data-problems=\"tables.{Html.E(def.Id)}.\"></ul></section>");
    }
}
