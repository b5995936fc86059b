using System.Runtime.ExceptionServices;
using DocGen.Data;
using DocGen.Model;
using DocGen.Review;
using DocGen.Tables;
using DocGen.Templates;

namespace DocGen.Engine;

/// <summary>The outcome of reading one data file: the document when the data is valid, and every diagnostic either way.</summary>
public sealed record BuildResult(Document? Document, IReadOnlyList<Diagnostic> Diagnostics, BoundReport? Report, FailureKind? Failure = null)
{
    public bool Ok => Document is not null;

    /// <summary>The template the data file names, once it was read and bound.</summary>
    public string? TemplateName => Report?.Template.Name;
}

/// <summary>
/// Data file → bound, validated data → template markup → document model. The writers take it from there.
/// Templates are compiled once per process and shared; this class is safe to use from several threads.
/// </summary>
public sealed class ReportPipeline(TemplateLocator templates)
{
    public TemplateLocator Templates { get; } = templates;

    /// <summary>Add the 审读 findings (W-CHECK-…, see <see cref="ReportChecker"/>) to a valid report's warnings; --no-check turns it off.</summary>
    public bool RunChecks { get; init; }

    /// <summary>Reads, validates and lays out a data file; never throws for bad data (the problems come back as diagnostics).</summary>
    /// <param name="cancel">Checked between the stages; <see cref="OperationCanceledException"/> is the one exception this throws.</param>
    public BuildResult Build(string dataPath, string? templateOverride = null, CancellationToken cancel = default)
    {
        BoundReport? bound = null;
        try
        {
            bound = Bind(dataPath, templateOverride, cancel);
            if (bound.HasErrors) return new BuildResult(null, bound.Diagnostics, bound, FailureKind.InvalidData);
            // The 审读 runs beside the document's building, on a core that is otherwise idle in a single report: a cold process
            // spends most of it reading checks.json and compiling its patterns (BENCHMARKS.md). Its result and its errors (a
            // broken checks.json, a pattern over its time limit) come first, as when it ran before the document was built.
            var report = bound;
            var checks = RunChecks ? Task.Run(() => ReportChecker.Check(report), CancellationToken.None) : null;
            var warnings = new List<Diagnostic>();
            Document? document = null;
            ExceptionDispatchInfo? buildFailure = null;
            try { document = BuildDocument(bound, warnings, cancel); }
            catch (Exception e) when (checks is not null) { buildFailure = ExceptionDispatchInfo.Capture(e); }
            var findings = checks?.GetAwaiter().GetResult() ?? [];
            buildFailure?.Throw();
            cancel.ThrowIfCancellationRequested();
            return new BuildResult(document, [.. bound.Diagnostics, .. findings, .. warnings], bound);
        }
        catch (DocGenException e)
        {
            var diags = (bound?.Diagnostics ?? []).Where(d => d.Severity == Severity.Warning).Concat(e.Diagnostics).ToList();
            return new BuildResult(null, diags, bound, e.Kind);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug of ours, never the clerk's: one clear line instead of a crash; the details go to --verbose (MessageEn).
            return new BuildResult(null, [InternalError(e, dataPath)], bound, FailureKind.Internal);
        }
    }

    /// <summary>The diagnostic for an unexpected exception: a short message; the stack trace goes to <see cref="Diagnostic.Detail"/> for --verbose.</summary>
    public static Diagnostic InternalError(Exception e, string? file) =>
        DiagnosticCatalog.Internal.Create(
            $"内部错误（{e.GetType().Name}：{e.Message}）：DocGen 遇到了意外情况，这不是数据文件的问题。请用 --verbose 重新运行，并把输出报告给维护者",
            $"internal error ({e.GetType().Name}: {e.Message}): this is not a problem of the data file. Run again with --verbose and report the output to the maintainers",
            file) with
        { Detail = e.ToString() };

    /// <summary>Parses and validates; throws <see cref="DocGenException"/> for unreadable files or a missing template.</summary>
    public BoundReport Bind(string dataPath, string? templateOverride = null, CancellationToken cancel = default)
    {
        var root = ReadData(dataPath, cancel);
        cancel.ThrowIfCancellationRequested();
        string name = templateOverride ?? TemplateName(root, dataPath);
        TemplatePackage template;
        try { template = Templates.Load(name); }
        catch (DocGenException e) when (e.Kind == FailureKind.InvalidData && templateOverride is null)
        {
            // An unknown template name is a mistake in the data file: point at its "template" field.
            var at = ((JObject)root)["template"]!;
            throw new DocGenException(e.Kind, e.Diagnostics.Select(d => d with { File = dataPath, Line = at.Line, Column = at.Column, JsonPath = "template" }).ToList());
        }
        return ReportBinder.Bind(root, template, dataPath);
    }

    /// <param name="warnings">Receives what the template found in the text while placing it (W-DATA-NUMBERING).</param>
    public static Document BuildDocument(BoundReport bound, ICollection<Diagnostic>? warnings = null, CancellationToken cancel = default)
    {
        var tables = bound.Template.Tables.ToDictionary(
            def => def.Id,
            def => TableBuilder.Build(def, ValueFormatter.Format(def, bound.Values[def.Id]), bound.Labels, bound.DescribeLabel,
                cell => ValueSource(bound, def.Id, cell)));
        var doc = bound.Template.BuildDocument(bound.Context, tables, bound.Describe, warnings, cancel);
        // Reports appear early in the year after the one they cover (statutory deadlines 31 January / 31 March): date the files
        // 1 January of that year rather than with the clock, so the same data always gives the same bytes.
        int year = bound.Context.GetValueOrDefault("year") is int y and > 0 ? y : 2000;
        // The title metadata is plain text: the **bold** markers of the printed title lines are markup, not part of the title.
        var info = doc.Info with
        {
            Title = doc.Info.Title.Replace("**", "", StringComparison.Ordinal),
            Author = doc.Info.Author.Replace("**", "", StringComparison.Ordinal),
            Subject = bound.Template.Description,
            Date = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        return doc with { Info = info };
    }

    /// <summary>Where a table value stands in the data file (a long 2019 text cell can make its row taller than a page); null when computed.</summary>
    private static SourceRef? ValueSource(BoundReport bound, string table, (string Row, string Column) cell)
    {
        string path = JNodeText.Child(JNodeText.Child(JNodeText.Child("tables", table), cell.Row), cell.Column);
        return bound.Nodes.ContainsKey(path) ? bound.Describe(path) : null;
    }

    /// <summary>The template a data file names in its "template" field; null when the file cannot be read or names none.</summary>
    public static string? TemplateNameOf(string dataPath)
    {
        try { return ReadData(dataPath) is JObject o && o["template"] is JString s ? s.Value : null; }
        catch (DocGenException) { return null; }
    }

    /// <summary>Reads and parses a data file: at most JsonPositionReader.MaxBytes, whatever the source (file, device, pipe).</summary>
    public static JNode ReadData(string path, CancellationToken cancel = default) => JsonPositionReader.ReadFile(path, cancel);

    private static string TemplateName(JNode root, string file)
    {
        if (root is not JObject)
            throw DiagnosticCatalog.DataType.Fail($"数据文件的最外层应为对象 {{ … }}，实际为{JNodeText.TypeName(root)}",
                $"the data file must be an object {{ … }} at its outermost level, found {JNodeText.TypeNameEn(root)}", file, root.Line, root.Column);
        if (root is JObject o && o["template"] is JString s && s.Value.Length > 0) return s.Value;
        var at = root is JObject obj && obj["template"] is { } n ? n : root;
        throw DiagnosticCatalog.DataTemplate.Fail("数据文件须用「template」字段指明报告格式，例如 \"template\": \"gov-info-annual-2021\"",
            "the data file must name its format in the \"template\" field, for example \"template\": \"gov-info-annual-2021\"", file, at.Line, at.Column);
    }
}
