using System.Diagnostics;
using DocGen.Model;

namespace DocGen.Engine;

/// <summary>What became of one input: its outputs, every diagnostic, the exit code it stands for and how long it took.</summary>
public sealed record RenderOutcome(string Input, IReadOnlyList<string> Outputs, IReadOnlyList<Diagnostic> Diagnostics, int ExitCode, TimeSpan Elapsed)
{
    public bool Ok => ExitCode == 0;
}

/// <summary>Renders data files to documents: one input at a time or a batch in parallel, outputs written atomically.</summary>
public sealed class ReportRenderer(ReportPipeline pipeline, IReadOnlyList<IDocumentWriter> writers)
{
    public ReportPipeline Pipeline { get; } = pipeline;

    /// <param name="formatsInParallel">Write DOCX and PDF at the same time (see <see cref="AtomicOutput.WriteAll"/>).</param>
    public RenderOutcome Render(string input, string outDir, CancellationToken cancel = default, bool formatsInParallel = false)
    {
        var clock = Stopwatch.StartNew();
        var build = Pipeline.Build(input);
        if (!build.Ok)
        {
            return new RenderOutcome(input, [], build.Diagnostics, (int)(build.Failure ?? FailureKind.InvalidData), clock.Elapsed);
        }
        try
        {
            string baseName = Path.GetFileNameWithoutExtension(input);
            var outputs = AtomicOutput.WriteAll(outDir, baseName, build.Document!, writers, cancel, formatsInParallel);
            return new RenderOutcome(input, outputs, build.Diagnostics, 0, clock.Elapsed);
        }
        catch (DocGenException e)
        {
            return new RenderOutcome(input, [], build.Diagnostics.Concat(e.Diagnostics).ToList(), (int)e.Kind, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new RenderOutcome(input, [], [.. build.Diagnostics, ReportPipeline.InternalError(e, input)], (int)FailureKind.Internal, clock.Elapsed);
        }
    }

    /// <summary>Renders many inputs with up to <paramref name="parallelism"/> at once; results come back in input order.</summary>
    public IReadOnlyList<RenderOutcome> RenderAll(IReadOnlyList<string> inputs, string outDir, int parallelism,
        Action<RenderOutcome>? progress = null, CancellationToken cancel = default)
    {
        AtomicOutput.CleanStale(outDir);
        var results = new RenderOutcome[inputs.Count];
        // Fewer reports than cores (typically one): let each report's formats, and a warm-up of the writers, use the idle ones.
        bool formatsInParallel = inputs.Count < parallelism;
        if (formatsInParallel && inputs.Count > 0) Warmup.Start(inputs[0], Pipeline.Templates, writers);
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancel }, i =>
        {
            RenderOutcome outcome;
            try { outcome = Render(inputs[i], outDir, cancel, formatsInParallel); }
            catch (OperationCanceledException) { throw; }
            catch (Exception e)
            {
                // A bug of ours must not take the batch down: report it for this input and go on.
                outcome = new RenderOutcome(inputs[i], [], [ReportPipeline.InternalError(e, inputs[i])], (int)FailureKind.Internal, TimeSpan.Zero);
            }
            results[i] = outcome;
            progress?.Invoke(outcome);
        });
        return results;
    }
}
