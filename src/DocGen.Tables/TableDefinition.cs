using DocGen.Model;

namespace DocGen.Tables;

/// <summary>
/// A statistical table as the template maintainer describes it in tables/*.json: the logical cells (rows × columns, with the labels
/// used in messages and the JSON keys the clerk types), the printed layout (HTML-like rows of cells with spans) and the rules.
/// </summary>
public sealed record TableDefinition(
    string Id,
    string Name,
    string Title,
    IReadOnlyList<double> ColumnWidthsMm,
    int HeaderRows,
    ValueType ValueType,
    IReadOnlyList<TableKey> Columns,
    IReadOnlyList<TableKey> Rows,
    IReadOnlyList<LayoutRow> Layout,
    IReadOnlyList<TableRule> Rules,
    string SourceFile)
{
    /// <summary>How the table is named in messages: 表三「收到和处理政府信息公开申请情况」.</summary>
    public string DisplayName => $"{Name}「{Title}」";

    public TableKey Row(string key) => Rows.First(r => r.Key == key);
    public TableKey Column(string key) => Columns.First(c => c.Key == key);

    /// <summary>Every (row, column) that the layout prints as a value: exactly the cells a data file may hold.</summary>
    public IReadOnlyList<(string Row, string Column)> ValueCells { get; init; } = [];

    public ValueType TypeOf(string row, string column) =>
        Row(row).Type ?? Column(column).Type ?? ValueType;

    /// <summary>How a cell is named in messages: 表三「…」「一、本年新收政府信息公开申请数量」行「自然人」列.</summary>
    public string CellName(string row, string column) => $"{DisplayName}「{Row(row).FullLabel}」行「{Column(column).Label}」列";

    /// <summary>The English of <see cref="CellName"/>: the labels stay as printed on the form.</summary>
    public string CellNameEn(string row, string column) => $"{DisplayName}, row \"{Row(row).FullLabel}\", column \"{Column(column).Label}\"";
}

/// <summary>A row or column key with its printed label; <see cref="Group"/> prefixes the label in messages (三、本年度办理结果（三）不予公开).</summary>
public sealed record TableKey(string Key, string Label, string? Group, ValueType? Type)
{
    public string FullLabel => Group is null ? Label : $"{Group} {Label}";
}

public enum ValueType
{
    /// <summary>Non-negative integer (件, 次).</summary>
    Count,
    /// <summary>Non-negative decimal (万元).</summary>
    Amount,
    /// <summary>Integer printed with its sign: +1, -1, 0 (本年增/减 of the 2019 format).</summary>
    Signed,
    /// <summary>Free text such as "2154.97万元" (采购总金额 of the 2019 format).</summary>
    Text,
}

public sealed record LayoutRow(string? Row, IReadOnlyList<LayoutCell> Cells, bool AllValues);

/// <summary>One printed cell: literal text, a row or column label (overridable by the data file), or a data value.</summary>
public sealed record LayoutCell(string? Text, string? RowLabel, string? ColumnLabel, string? ValueRow, string? ValueColumn, string? Id,
    int RowSpan, int ColSpan, HAlign? Align, double IndentChars);

public enum RuleKind { Sum, Equal, AtMost }

/// <summary>
/// A consistency rule with a stable id. Sum: the target row (for every column) or target column (for every row) equals the sum of
/// the listed rows or columns, and is computed when the clerk leaves it out. Equal/AtMost: for every column, the sum of the left rows
/// equals (is at most) the sum of the right rows.
/// </summary>
public sealed record TableRule(string Id, RuleKind Kind, string Description, bool ByRow, string? Target, IReadOnlyList<string> Of,
    IReadOnlyList<string> Left, IReadOnlyList<string> Right);
