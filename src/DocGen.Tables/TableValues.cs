namespace DocGen.Tables;

/// <summary>The values of one table. Computed marks cells the program filled in (totals the clerk left out).</summary>
public sealed class TableValues
{
    public Dictionary<(string Row, string Column), decimal> Numbers { get; } = [];
    public Dictionary<(string Row, string Column), string> Texts { get; } = [];
    public HashSet<(string Row, string Column)> Computed { get; } = [];
}
