namespace DocGen.Model;

/// <summary>
/// The resolved grid of a table (pandoc's model): every position is covered by exactly one origin cell.
/// Built once; an overlap or a hole is an error, never a broken table.
/// </summary>
public sealed class TableGrid
{
    private readonly TableCell?[,] _cover;

    public Table Table { get; }
    public int RowCount { get; }
    public int ColumnCount { get; }

    public TableGrid(Table table)
    {
        Table = table;
        RowCount = table.Rows.Count;
        ColumnCount = table.ColumnCount;
        _cover = new TableCell?[RowCount, ColumnCount];
        for (int r = 0; r < table.Rows.Count; r++)
        {
            foreach (var cell in table.Rows[r].Cells)
            {
                if (cell.Row != r)
                    throw Grid($"表格 {table.Id}: 第 {r + 1} 行中的单元格标注为第 {cell.Row + 1} 行", $"table {table.Id}: a cell in row {r + 1} says it is in row {cell.Row + 1}");
                if (cell.RowSpan < 1 || cell.ColSpan < 1 || cell.Row + cell.RowSpan > RowCount || cell.Column < 0 || cell.Column + cell.ColSpan > ColumnCount)
                    throw Grid($"表格 {table.Id}: 单元格（第 {cell.Row + 1} 行第 {cell.Column + 1} 列，跨 {cell.RowSpan} 行 {cell.ColSpan} 列）超出表格范围（{RowCount} 行 {ColumnCount} 列）",
                        $"table {table.Id}: the cell at row {cell.Row + 1}, column {cell.Column + 1} spanning {cell.RowSpan} row(s) and {cell.ColSpan} column(s) lies outside the table ({RowCount} rows, {ColumnCount} columns)");
                for (int rr = cell.Row; rr < cell.Row + cell.RowSpan; rr++)
                    for (int cc = cell.Column; cc < cell.Column + cell.ColSpan; cc++)
                    {
                        if (_cover[rr, cc] is { } other)
                            throw Grid($"表格 {table.Id}: 第 {rr + 1} 行第 {cc + 1} 列同时被两个单元格占用（「{Short(other.Text)}」与「{Short(cell.Text)}」）",
                                $"table {table.Id}: row {rr + 1}, column {cc + 1} is covered by two cells (\"{Short(other.Text)}\" and \"{Short(cell.Text)}\")");
                        _cover[rr, cc] = cell;
                    }
            }
        }
        for (int r = 0; r < RowCount; r++)
            for (int c = 0; c < ColumnCount; c++)
                if (_cover[r, c] is null)
                    throw Grid($"表格 {table.Id}: 第 {r + 1} 行第 {c + 1} 列没有单元格", $"table {table.Id}: row {r + 1}, column {c + 1} has no cell");
    }

    private static DocGenException Grid(string zh, string en) => DiagnosticCatalog.TableGrid.Fail(zh, en);

    /// <summary>The origin cell covering (row, col).</summary>
    public TableCell At(int row, int col) => _cover[row, col]!;

    /// <summary>True when (row, col) is where its covering cell starts.</summary>
    public bool IsOrigin(int row, int col)
    {
        var c = _cover[row, col]!;
        return c.Row == row && c.Column == col;
    }

    private static string Short(string s) => s.Length <= 12 ? s : s[..12] + "…";
}
