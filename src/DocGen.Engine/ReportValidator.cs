using System.Diagnostics;
using DocGen.Model;

namespace DocGen.Engine;

/// <summary>
/// `docgen validate`: every check render makes, short of writing: the data, the rules, the template, and the PDF's refusals (a
/// character no font covers, a table row taller than a page), so validate refuses exactly what render refuses.
/// </summary>
public sealed class ReportValidator(ReportPipeline pipeline, PdfOutput pdf)
{
    /// <summary>What rendering the data file would come to, with no output.</summary>
    public RenderOutcome Validate(string file, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        BuildResult build;
        try
        {
            build = pipeline.Build(file, cancel: cancel);
            if (build.Ok) build = Checked(build);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            build = new BuildResult(null, [ReportPipeline.InternalError(e, file)], null, FailureKind.Internal);
        }
        return new RenderOutcome(file, [], build.Diagnostics, build.Ok ? null : build.Failure ?? FailureKind.InvalidData, clock.Elapsed);
    }

    /// <summary>The build with the PDF's refusals added (as render would report them), or unchanged when it would print.</summary>
    private BuildResult Checked(BuildResult build)
    {
        try
        {
            pdf.Check(build.Document!, layout: true);
            return build;
        }
        catch (DocGenException e)
        {
            return new BuildResult(null, [.. build.Diagnostics, .. e.Diagnostics], build.Report, e.Kind);
        }
    }
}
