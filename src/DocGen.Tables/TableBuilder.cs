using DocGen.Model;

namespace DocGen.Tables;

/// <summary>
/// Lays a table definition out as a model <see cref="Table"/>: places cells like HTML does (each cell at the next grid
/// position not covered by a row span above), fills values and applies the data file's label overrides.
/// </summary>
public static class TableBuilder
{
    /// <param name="values">Printed text of each value cell, keyed by (row, column); a missing cell prints empty.</param>
    /// <param name="labels">Overrides keyed "tableId.rows.key", "tableId.columns.key" or "tableId.cells.id".</param>
    /// <param name="labelSource">Where a label override stands in the data file, to name it in a layout error.</param>
    /// <param name="valueSource">Where a value stands in the data file (null for a computed one), for the same purpose.</param>
    public static Table Build(TableDefinition def, IReadOnlyDictionary<(string Row, string Column), string> values,
        IReadOnlyDictionary<string, string> labels, Func<string, SourceRef>? labelSource = null,
        Func<(string Row, string Column), SourceRef?>? valueSource = null)
    {
        int cols = def.ColumnWidthsMm.Count;
        var covered = new List<bool[]>();
        bool[] Covered(int r)
        {
            while (covered.Count <= r) covered.Add(new bool[cols]);
            return covered[r];
        }

        var rows = new List<TableRow>();
        for (int r = 0; r < def.Layout.Count; r++)
        {
            var cells = new List<TableCell>();
            int c = 0;
            foreach (var lc in def.Layout[r].Cells)
            {
                while (c < cols && Covered(r)[c]) c++;
                if (c + lc.ColSpan > cols)
                    throw DiagnosticCatalog.TemplateTable.Fail($"{def.SourceFile}: layout 第 {r + 1} 行的单元格超出了 {cols} 列",
                        $"{def.SourceFile}: the cells of layout row {r + 1} go past the {cols} columns");
                for (int rr = r; rr < r + lc.RowSpan; rr++)
                    for (int cc = c; cc < c + lc.ColSpan; cc++)
                        Covered(rr)[cc] = true;

                bool isValue = lc.ValueRow is not null;
                string text = isValue
                    ? values.GetValueOrDefault((lc.ValueRow!, lc.ValueColumn!), "")
                    : LabelText(def, lc, labels);
                string? overridden = isValue ? null : OverrideKey(def, lc, labels);
                cells.Add(new TableCell(r, c, text.Split('\n'), lc.RowSpan, lc.ColSpan, lc.Align ?? HAlign.Center)
                {
                    IsValue = isValue,
                    IndentChars = lc.IndentChars,
                    Source = isValue ? valueSource?.Invoke((lc.ValueRow!, lc.ValueColumn!))
                        : overridden is not null ? labelSource?.Invoke(overridden) : null,
                });
                c += lc.ColSpan;
            }
            rows.Add(new TableRow(cells));
        }
        if (covered.Count > def.Layout.Count)
            throw DiagnosticCatalog.TemplateTable.Fail($"{def.SourceFile}: 有单元格的跨行超出了表格最后一行", $"{def.SourceFile}: a cell spans rows past the table's last row");

        var table = new Table(def.Id, def.ColumnWidthsMm, def.HeaderRows, rows) { Source = new SourceRef(def.DisplayName) };
        _ = new TableGrid(table); // a hole or overlap in the layout is the maintainer's error: report it here, with the table named
        return table;
    }

    private static string LabelText(TableDefinition def, LayoutCell lc, IReadOnlyDictionary<string, string> labels)
    {
        if (OverrideKey(def, lc, labels) is { } key) return labels[key];
        if (lc.RowLabel is not null) return def.Row(lc.RowLabel).Label;
        if (lc.ColumnLabel is not null) return def.Column(lc.ColumnLabel).Label;
        return lc.Text!;
    }

    /// <summary>The data file's label key that replaces this cell's text, if it has one.</summary>
    private static string? OverrideKey(TableDefinition def, LayoutCell lc, IReadOnlyDictionary<string, string> labels)
    {
        string? Given(string key) => labels.ContainsKey(key) ? key : null;
        // A cell's own id first; a row label cell is never overridden by its column's key.
        return (lc.Id is null ? null : Given($"{def.Id}.cells.{lc.Id}"))
            ?? (lc.RowLabel is not null ? Given($"{def.Id}.rows.{lc.RowLabel}")
                : lc.ColumnLabel is not null ? Given($"{def.Id}.columns.{lc.ColumnLabel}") : null);
    }

    /// <summary>Every label key a data file may override in this table, for validation and for `docgen init`.</summary>
    public static IEnumerable<string> LabelKeys(TableDefinition def) =>
        def.Rows.Select(r => $"{def.Id}.rows.{r.Key}")
            .Concat(def.Columns.Select(c => $"{def.Id}.columns.{c.Key}"))
            .Concat(def.Layout.SelectMany(l => l.Cells).Where(c => c.Id is not null).Select(c => $"{def.Id}.cells.{c.Id}"));
}
