using System.Diagnostics;
using DocGen.Data;
using DocGen.Model;
using DocGen.Review;

namespace DocGen.Engine;

/// <summary>Last year's report, read and validated, for the carry-over checks of <see cref="ReportReview"/>.</summary>
public sealed class PreviousYearReport
{
    internal PreviousYearReport(BoundReport report) => Report = report;

    internal BoundReport Report { get; }
}

/// <summary>
/// `docgen check`'s 审读 of data files: each is read and validated like validate does, then its text is read as an evaluator
/// would (<see cref="ReportChecker"/>), against last year's report when one is given. Outcomes are <see cref="RenderOutcome"/>s
/// with no outputs, so the command line prints and summarises them like render's.
/// </summary>
public sealed class ReportReview(ReportPipeline pipeline)
{
    /// <summary>Last year's report, or the outcome that says why it cannot be compared with (unreadable, invalid).</summary>
    public (PreviousYearReport? Report, RenderOutcome? Failure) ReadPrevious(string file, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var (bound, failure) = Bind(file, cancel);
        return failure is { } f
            ? (null, new RenderOutcome(file, [], f.Diagnostics, f.Kind, clock.Elapsed))
            : (new PreviousYearReport(bound!), null);
    }

    /// <summary>The findings (W-CHECK-…) on one data file beside its own warnings, or why it could not be checked.</summary>
    public RenderOutcome Check(string file, PreviousYearReport? previous, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var (bound, failure) = Bind(file, cancel);
        if (failure is { } f) return new RenderOutcome(file, [], f.Diagnostics, f.Kind, clock.Elapsed);
        try
        {
            var findings = ReportChecker.Check(bound!, previous?.Report);
            return new RenderOutcome(file, [], [.. bound!.Diagnostics, .. findings], null, clock.Elapsed);
        }
        catch (DocGenException e)
        {
            return new RenderOutcome(file, [], [.. bound!.Diagnostics, .. e.Diagnostics], e.Kind, clock.Elapsed);
        }
    }

    /// <summary>Reads and validates one data file; the failure (diagnostics and its kind) when it cannot be checked.</summary>
    private (BoundReport? Bound, (IReadOnlyList<Diagnostic> Diagnostics, FailureKind Kind)? Failure) Bind(string file, CancellationToken cancel)
    {
        try
        {
            var bound = pipeline.Bind(file, cancel: cancel);
            return bound.HasErrors ? (bound, (bound.Diagnostics, FailureKind.InvalidData)) : (bound, null);
        }
        catch (DocGenException e) { return (null, (e.Diagnostics, e.Kind)); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, ([ReportPipeline.InternalError(e, file)], FailureKind.Internal));
        }
    }
}
