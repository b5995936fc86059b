using DocGen.Model;

namespace DocGen.Engine.Merge;

/// <summary>
/// The regional data file made by <see cref="ReportMerger"/> (JSON text in the ordinary data format), or null when the inputs
/// could not be merged; the diagnostics say why, naming the input at fault.
/// </summary>
public sealed record MergeResult(string? Json, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Ok => Json is not null;
}
