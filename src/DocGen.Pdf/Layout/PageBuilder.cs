namespace DocGen.Pdf.Layout;

/// <summary>A page being filled: what has been placed so far and how far down the type area the flow has reached.</summary>
internal sealed class PageBuilder(int number)
{
    public int Number { get; } = number;
    public List<LaidLine> Lines { get; } = [];
    public List<CellBox> Cells { get; } = [];
    public List<RuleLine> Rules { get; } = [];
    private readonly HashSet<(long, long, long, long)> _ruleKeys = [];

    /// <summary>Distance from the top of the type area to where the next block starts.</summary>
    public double Y { get; set; }

    public bool IsEmpty => Lines.Count == 0 && Cells.Count == 0;

    /// <summary>Adds a rule once: neighbouring cells share borders, and a doubled line would print heavier.</summary>
    public void AddRule(double x1, double y1, double x2, double y2, double width)
    {
        var key = (R(x1), R(y1), R(x2), R(y2));
        if (_ruleKeys.Add(key)) Rules.Add(new RuleLine(x1, y1, x2, y2, width));
        static long R(double v) => (long)Math.Round(v * 100);
    }
}
