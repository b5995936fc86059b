using System.Text;
using System.Text.Json.Nodes;
using DocGen.Data;
using DocGen.Engine;
using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Serve;

/// <summary>
/// One data file being edited: the JSON as loaded, its template, and what the page can do with the form's state — check it
/// through the same binder and rules as `docgen validate`, save it, render it beside the file, preview its PDF. No HTTP here,
/// so the benchmark measures exactly what a request does.
/// </summary>
public sealed class ReportSession
{
    private readonly object _writeGate = new();
    private readonly IReadOnlyList<IDocumentWriter> _writers;
    private JsonObject _original;

    public string FilePath { get; }
    public string Folder => Path.GetDirectoryName(FilePath)!;
    public string FileName => Path.GetFileName(FilePath);
    public string BaseName => Path.GetFileNameWithoutExtension(FilePath);
    public TemplatePackage Template { get; }
    public bool English { get; }

    /// <summary>The data file as loaded (or last saved).</summary>
    public JsonObject Original => _original;

    /// <summary>The check of the file as loaded, for the page's first, script-free rendering.</summary>
    public CheckResult Initial { get; private set; }

    private ReportSession(string filePath, JsonObject original, TemplatePackage template, IReadOnlyList<IDocumentWriter> writers, bool english)
    {
        FilePath = filePath;
        _original = original;
        Template = template;
        _writers = writers;
        English = english;
        Initial = Check(original);
    }

    /// <summary>Loads a data file; a file DocGen cannot read (syntax, encoding, unknown template) throws with its diagnostics.</summary>
    public static ReportSession Open(string filePath, TemplateLocator templates, IReadOnlyList<IDocumentWriter> writers, bool english,
        string? createdText = null)
    {
        string full = Path.GetFullPath(filePath);
        // The same size, encoding, syntax and template checks as render: a file render would refuse is refused here too.
        var template = new ReportPipeline(templates).Bind(full).Template;
        return new ReportSession(full, DataFileEditor.Parse(File.ReadAllBytes(full)), template, writers, english) { CreatedText = createdText };
    }

    /// <summary>The text this server wrote as a new file (init's skeleton): its // comments only explain what the form shows.</summary>
    public string? CreatedText { get; private init; }

    /// <summary>True when the file on disk now holds comments that a save would drop (and that the clerk may have written).</summary>
    public bool FileHasComments()
    {
        if (!File.Exists(FilePath)) return false;
        byte[] bytes = File.ReadAllBytes(FilePath);
        return DataFileEditor.HasComments(bytes) && (CreatedText is null || !bytes.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(CreatedText)));
    }

    /// <summary>The data file the form stands for, as text in DocGen's format.</summary>
    public string DataText(FormFields form) => DataFileEditor.Write(DataFileEditor.Apply(_original, Template, form));

    public CheckResult Check(FormFields form) => Check(DataFileEditor.Apply(_original, Template, form));

    private CheckResult Check(JsonObject data)
    {
        var bound = Bind(DataFileEditor.Write(data));
        return CheckResult.From(bound, English);
    }

    private BoundReport Bind(string text)
    {
        // Positions then refer to the file as it will be saved; the template is the one the page was built for.
        var root = JsonPositionReader.Parse(Encoding.UTF8.GetBytes(text), FileName);
        return ReportBinder.Bind(root, Template, FileName);
    }

    /// <summary>Writes the data file atomically (temporary file, then rename, as the report outputs are written).</summary>
    public SaveResult Save(FormFields form)
    {
        lock (_writeGate)
        {
            if (form.One(FormFields.DropComments) != "1" && FileHasComments())
                return new SaveResult(false, NeedsConfirmation: true, T(
                    $"{FileName} 中有注释（// 或 /* */），保存后注释会被删除。确定要覆盖吗？",
                    $"{FileName} holds comments (// or /* */) that saving would remove. Overwrite it?"));
            var data = DataFileEditor.Apply(_original, Template, form);
            DataFileOutput.Write(FilePath, DataFileEditor.Write(data), Template.Styles);
            _original = data;
            Initial = Check(data);
            return new SaveResult(true, false, T($"已保存 {FileName}", $"saved {FileName}"));
        }
    }

    /// <summary>Writes NAME.docx and NAME.pdf beside the data file, as `docgen render FILE -o its-folder` would.</summary>
    public RenderResult Render(FormFields form)
    {
        var (document, problems) = Build(form);
        if (document is null) return new RenderResult([], problems);
        lock (_writeGate)
        {
            try
            {
                var outputs = AtomicOutput.WriteAll(Folder, BaseName, document, _writers, formatsInParallel: true);
                return new RenderResult(outputs.Select(Path.GetFileName).OfType<string>().ToList(), problems);
            }
            catch (DocGenException e) { return new RenderResult([], CheckResult.Describe(e.Diagnostics, English)); }
        }
    }

    /// <summary>The PDF of the form's state, in memory: the preview shows exactly what render would write.</summary>
    public (byte[]? Pdf, IReadOnlyList<Problem> Problems) Preview(FormFields form)
    {
        var (document, problems) = Build(form);
        if (document is null) return (null, problems);
        var pdf = _writers.First(w => w.Extension == ".pdf");
        try
        {
            using var stream = new MemoryStream();
            pdf.Write(document, stream);
            return (stream.ToArray(), problems);
        }
        catch (DocGenException e) { return (null, CheckResult.Describe(e.Diagnostics, English)); }
    }

    private (Document? Document, IReadOnlyList<Problem> Problems) Build(FormFields form)
    {
        var bound = Bind(DataText(form));
        var problems = CheckResult.Describe(bound.Diagnostics, English, Template);
        if (bound.HasErrors) return (null, problems);
        try { return (ReportPipeline.BuildDocument(bound), problems); }
        catch (DocGenException e) { return (null, CheckResult.Describe(e.Diagnostics, English)); }
    }

    /// <summary>The path of an output of this data file, for a download; null for anything else.</summary>
    public string? OutputPath(string extension) =>
        _writers.Any(w => w.Extension == extension) && File.Exists(Path.Combine(Folder, BaseName + extension))
            ? Path.Combine(Folder, BaseName + extension) : null;

    private string T(string zh, string en) => English ? en : zh;
}

public sealed record SaveResult(bool Saved, bool NeedsConfirmation, string Message);

public sealed record RenderResult(IReadOnlyList<string> Outputs, IReadOnlyList<Problem> Problems);
