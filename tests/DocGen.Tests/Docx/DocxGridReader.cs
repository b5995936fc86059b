using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.Docx;

/// <summary>Reads a written w:tbl back into "which origin cell covers each grid position", to compare with the model's TableGrid.</summary>
internal static class DocxGridReader
{
    public static (int Row, int Col)[,] Origins(Table table, int columns)
    {
        var rows = table.Elements<TableRow>().ToList();
        var origin = new (int Row, int Col)[rows.Count, columns];
        for (int r = 0; r < rows.Count; r++)
        {
            int c = 0;
            foreach (var tc in rows[r].Elements<TableCell>())
            {
                if (!tc.Elements<Paragraph>().Any()) throw new InvalidOperationException($"row {r + 1}: a cell without a paragraph");
                int span = tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var vMerge = tc.TableCellProperties?.VerticalMerge;
                bool continuation = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
                if (continuation && r == 0) throw new InvalidOperationException("a vMerge continuation in the first row");
                for (int k = 0; k < span; k++)
                    origin[r, c + k] = continuation ? origin[r - 1, c + k] : (r, c);
                c += span;
            }
            if (c != columns) throw new InvalidOperationException($"row {r + 1} covers {c} grid columns, not {columns}");
        }
        return origin;
    }

    /// <summary>Positions where the DOCX and the model disagree, as readable strings (empty when they match).</summary>
    public static List<string> Differences(Table table, DocGen.Model.Table model)
    {
        var grid = new DocGen.Model.TableGrid(model);
        var origin = Origins(table, grid.ColumnCount);
        var diffs = new List<string>();
        if (origin.GetLength(0) != grid.RowCount) return [$"{origin.GetLength(0)} rows in DOCX, {grid.RowCount} in the model"];
        for (int r = 0; r < grid.RowCount; r++)
            for (int c = 0; c < grid.ColumnCount; c++)
            {
                var cell = grid.At(r, c);
                if ((cell.Row, cell.Column) != origin[r, c])
                    diffs.Add($"{model.Id} ({r + 1},{c + 1}): DOCX origin {origin[r, c]}, model ({cell.Row},{cell.Column})");
            }
        return diffs;
    }
}
