using System.Diagnostics;
using DocGen.Model;

namespace DocGen.Engine;

/// <summary>What became of one input: its outputs, every diagnostic, the kind of failure that stopped it (null: none) and how long it took.</summary>
public sealed record RenderOutcome(string Input, IReadOnlyList<string> Outputs, IReadOnlyList<Diagnostic> Diagnostics, FailureKind? Failure, TimeSpan Elapsed)
{
    public bool Ok => Failure is null;
}

/// <summary>Renders data files to documents: one input at a time or a batch in parallel, outputs written atomically.</summary>
public sealed class ReportRenderer(ReportPipeline pipeline, IReadOnlyList<IDocumentWriter> writers)
{
    public ReportPipeline Pipeline { get; } = pipeline;

    /// <summary>Replace read-only outputs and symbolic links at output names (--force); see <see cref="OutputTarget.Check"/>.</summary>
    public bool Force { get; init; }

    /// <param name="formatsInParallel">Write DOCX and PDF at the same time (see <see cref="AtomicOutput.WriteAll"/>).</param>
    public RenderOutcome Render(string input, string outDir, CancellationToken cancel = default, bool formatsInParallel = false) =>
        Render(input, outDir, [FileIdentity.Of(input).Settle()], cancel, formatsInParallel);

    private RenderOutcome Render(string input, string outDir, IReadOnlyList<FileIdentity.PathIdentity> allInputs, CancellationToken cancel, bool formatsInParallel)
    {
        var clock = Stopwatch.StartNew();
        string baseName = OutputName(input);
        if (InputAmongOutputs(input, outDir, baseName, allInputs) is { } clash)
            return new RenderOutcome(input, [], [clash], FailureKind.Io, clock.Elapsed);
        var build = Pipeline.Build(input, cancel: cancel);
        if (!build.Ok)
        {
            return new RenderOutcome(input, [], build.Diagnostics, build.Failure ?? FailureKind.InvalidData, clock.Elapsed);
        }
        try
        {
            foreach (var pdf in writers.OfType<PdfOutput>()) pdf.Check(build.Document!, layout: false);
            var outputs = AtomicOutput.WriteAll(outDir, baseName, build.Document!, writers, cancel, formatsInParallel, Force);
            return new RenderOutcome(input, outputs, build.Diagnostics, null, clock.Elapsed);
        }
        catch (DocGenException e)
        {
            return new RenderOutcome(input, [], build.Diagnostics.Concat(e.Diagnostics).ToList(), e.Kind, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new RenderOutcome(input, [], [.. build.Diagnostics, ReportPipeline.InternalError(e, input)], FailureKind.Internal, clock.Elapsed);
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
        var identities = inputs.Select(i => FileIdentity.Of(i).Settle()).ToArray();
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancel }, i =>
        {
            RenderOutcome outcome;
            try { outcome = Render(inputs[i], outDir, identities, cancel, formatsInParallel); }
            catch (OperationCanceledException) { throw; }
            catch (Exception e)
            {
                // A bug of ours must not take the batch down: report it for this input and go on.
                outcome = new RenderOutcome(inputs[i], [], [ReportPipeline.InternalError(e, inputs[i])], FailureKind.Internal, TimeSpan.Zero);
            }
            results[i] = outcome;
            progress?.Invoke(outcome);
        });
        return results;
    }

    /// <summary>
    /// The base name of an input's outputs: the data file's name without its extension, or the whole name when that would leave
    /// nothing visible: outputs are never hidden files (".json" gives json.docx, ".a.json" a.docx, not a hidden .docx).
    /// </summary>
    public static string OutputName(string input)
    {
        string name = Path.GetFileNameWithoutExtension(input).TrimStart('.');
        if (name.Length > 0) return name;
        string whole = Path.GetFileName(input).Trim('.');
        return whole.Length > 0 ? whole : "report";
    }

    /// <summary>
    /// An output that is one of the run's inputs (same path, or the same file through a symbolic or hard link: `render x.pdf`
    /// of a data file named x.pdf) would destroy the data: refused before anything is read or written.
    /// </summary>
    private Diagnostic? InputAmongOutputs(string input, string outDir, string baseName, IReadOnlyList<FileIdentity.PathIdentity> allInputs)
    {
        foreach (var w in writers)
        {
            var output = FileIdentity.Of(Path.Combine(outDir, baseName + w.Extension));
            foreach (var identity in allInputs)
            {
                if (!output.Same(identity)) continue;
                string other = identity.Path;
                return DiagnosticCatalog.IoOutputIsInput.Create(
                    $"输出文件 {output.Path} 与输入文件 {other} 是同一个文件，写入会毁掉数据文件，因此什么也没有写。请给数据文件改用 .json 扩展名，或用 -o 指定另一个输出文件夹",
                    $"the output {output.Path} and the input {other} are the same file: writing it would destroy the data file, so nothing was written. Give the data file a .json extension or choose another output folder with -o",
                    input);
            }
        }
        return null;
    }
}
