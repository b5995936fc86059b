namespace DocGen.Model;

public enum HAlign { Left, Center, Right, Justify }

/// <summary>
/// A table as a list of rows holding only the cells that start there (origin cells). Spans are explicit;
/// <see cref="TableGrid"/> resolves which origin covers each grid position, and both writers read that grid.
/// </summary>
public sealed record Table(
    string Id,
    IReadOnlyList<double> ColumnWidthsMm,
    int HeaderRows,
    IReadOnlyList<TableRow> Rows,
    string Style = "tableText") : Block
{
    public int ColumnCount => ColumnWidthsMm.Count;
    public double WidthMm => ColumnWidthsMm.Sum();

    /// <summary>
    /// A row without a value cell (第二十条第（八）项, 信息内容 | 本年收费金额) only introduces the rows below it: both writers
    /// keep it on the page of the row that follows.
    /// </summary>
    public bool IsLabelRow(int row) => Rows[row].Cells.All(c => !c.IsValue);
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    /// <summary>Minimum row height in mm (0 = as tall as the content).</summary>
    public double MinHeightMm { get; init; }
}

/// <summary>
/// One origin cell. Row/Column are 0-based grid positions. Lines are hard lines of the cell text;
/// each wraps to the column width (a one-character-wide column therefore stacks characters).
/// </summary>
public sealed record TableCell(int Row, int Column, IReadOnlyList<string> Lines, int RowSpan = 1, int ColSpan = 1, HAlign Align = HAlign.Center)
{
    /// <summary>True for a data value (number); writers may choose a Latin font for it.</summary>
    public bool IsValue { get; init; }
    /// <summary>Indent of the text inside the cell, in characters of the table font (hierarchies in the pre-2019 统计表).</summary>
    public double IndentChars { get; init; }
    public bool Bold { get; init; }
    /// <summary>Where the text came from when a data file supplied it (a label override); null for the template's own text.</summary>
    public SourceRef? Source { get; init; }
    /// <summary>Optional paragraph style overriding the table's style for this cell.</summary>
    public string? Style { get; init; }
    public string Text => string.Join("\n", Lines);
}
