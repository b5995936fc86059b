using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DocGen.Model;
using DocGen.Tables;

namespace DocGen.Templates;

/// <summary>
/// One template folder (templates/NAME/): manifest, Scriban entry template, style sheet, table definitions. Loaded strictly and
/// parsed once, then shared read-only by every report rendered with it. Every file it names must lie inside the folder.
/// </summary>
public sealed partial class TemplatePackage
{
    public string Name { get; }
    public string Folder { get; }
    public string Description { get; }
    public string DescriptionEn { get; }
    public string Version { get; }
    public StyleSheet Styles { get; }
    public IReadOnlyList<NumberingRule> Numbering { get; }
    public IReadOnlyList<TableDefinition> Tables { get; }
    public string DefaultTitle { get; }
    /// <summary>Narrative fields (JSON path → printed place), for messages and `docgen init`.</summary>
    public IReadOnlyDictionary<string, string> Narrative { get; }
    /// <summary>Narrative fields the format allows to be empty without a warning.</summary>
    public IReadOnlySet<string> NarrativeMayBeEmpty { get; }
    public string EntryFile { get; }
    public string? SchemaFile { get; }
    /// <summary>The 审读 rules (checks.json) named by the optional "checks" key; null when the format has none.</summary>
    public string? ChecksFile { get; }
    /// <summary>Names of other fields the data file may hold beyond narrative and tables (e.g. "attachment").</summary>
    public IReadOnlyList<string> ExtraFields { get; }

    /// <summary>
    /// For an extra field declared as an object of texts ("extraFields": { "attachment": { "title": "附件标题" } }), its keys
    /// and what each one is; the binder refuses any other shape. A field declared by name alone takes any JSON value.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExtraFieldTexts { get; }

    private const string DefaultTitleTemplate = "{{ agency }}{{ year }}年政府信息公开工作年度报告";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$")]
    private static partial Regex FieldPath();

    /// <summary>The style sheet a template folder names, without loading (and parsing) the rest of the template.</summary>
    public static string StylesFile(string folder)
    {
        var problems = new TemplateProblems();
        var manifest = ReadManifest(folder);
        var styles = manifest.Properties.FirstOrDefault(p => p.Name == "styles")?.Value;
        string? path = styles is { Kind: System.Text.Json.JsonValueKind.String } ? TemplateFiles.Resolve(folder, styles, problems, "styles") : null;
        problems.ThrowIfAny();
        return path ?? Path.Combine(folder, "styles.json");
    }

    private readonly ScribanTemplate _report;
    private readonly ScribanTemplate _title;

    private TemplatePackage(string folder)
    {
        Folder = folder;
        var problems = new TemplateProblems();
        var m = new TemplateFields(ReadManifest(folder), problems);
        string manifestPath = m.Node.File;
        Name = m.Str("name") ?? "";
        Description = m.Str("description", "");
        DescriptionEn = m.Str("descriptionEn", Description);
        Version = m.Str("version", "0");
        var titleNode = m.Get("defaultTitle");
        DefaultTitle = m.Str(titleNode) ?? DefaultTitleTemplate;
        string? entry = FilePath(m, folder, "entry", required: true);
        string? styles = FilePath(m, folder, "styles", required: true);
        var tableFiles = m.Arr("tables", required: true, minItems: 1).Select(t => m.Str(t) is null ? null : TemplateFiles.Resolve(folder, t, problems, "tables")).ToList();
        // The schema is generated (docgen schema): it may not exist yet, but it is written inside the folder too.
        var schemaNode = m.Get("schema");
        SchemaFile = schemaNode is null || m.Str(schemaNode) is not { } schema ? null : InsideFolder(folder, schema, schemaNode, problems);
        ChecksFile = FilePath(m, folder, "checks", required: false);
        (Narrative, NarrativeMayBeEmpty) = ReadNarrative(m);
        (ExtraFields, ExtraFieldTexts) = ReadExtraFields(m);
        m.Done();
        problems.ThrowIfAny();

        EntryFile = entry!;
        (Styles, Numbering) = StyleSheetLoader.Load(styles!, Path.GetDirectoryName(folder));
        var tables = new List<TableDefinition>();
        var tableProblems = new List<Diagnostic>();
        foreach (var file in tableFiles)
        {
            try { tables.Add(TableDefinitionLoader.Load(file!)); }
            catch (DocGenException e) when (e.Kind == FailureKind.Template) { tableProblems.AddRange(e.Diagnostics); }
        }
        if (tableProblems.Count > 0) throw new DocGenException(FailureKind.Template, tableProblems);
        Tables = tables;
        var dup = Tables.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw DiagnosticCatalog.TemplateTable.Fail($"{manifestPath}: 表格 id「{dup.Key}」重复", $"{manifestPath}: the table id \"{dup.Key}\" is used twice");
        CheckTableWidths();

        string source = TemplateFiles.ReadText(EntryFile);
        _report = ScribanTemplate.Parse(SourceMarkers.Add(source, Path.GetRelativePath(folder, EntryFile)), EntryFile, markup: true);
        _title = ScribanTemplate.Parse(DefaultTitle, manifestPath, markup: false, titleNode is null ? null : (titleNode.Line, titleNode.Column + 1));
    }

    private static TemplateJson ReadManifest(string folder)
    {
        if (!Directory.Exists(folder))
            throw DiagnosticCatalog.TemplateIo.Fail($"模板文件夹 {folder} 不存在或无法读取", $"the template folder {folder} does not exist or cannot be read", folder);
        var manifest = TemplateJson.Read(Path.Combine(folder, "template.json"));
        if (manifest.Kind != System.Text.Json.JsonValueKind.Object)
            throw DiagnosticCatalog.TemplateField.Fail("template.json 应为 JSON 对象 { … }", "template.json must be a JSON object { … }", manifest.File, manifest.Line, manifest.Column);
        return manifest;
    }

    private static string? FilePath(TemplateFields m, string folder, string key, bool required)
    {
        var node = m.Get(key, required);
        return node is null || m.Str(node) is null ? null : TemplateFiles.Resolve(folder, node, m.Problems, key);
    }

    private static string? InsideFolder(string folder, string relative, TemplateJson at, TemplateProblems problems)
    {
        string full = Path.GetFullPath(Path.Combine(folder, relative));
        if (!Path.IsPathRooted(relative) && full.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return full;
        problems.Add(at, DiagnosticCatalog.TemplatePath, $"「schema」应为模板文件夹内的相对路径，实际为「{relative}」", $"\"schema\" must be a relative path inside the template folder, found \"{relative}\"");
        return null;
    }

    /// <summary>A narrative entry is "json.path": "printed place", or "json.path": { "place": "…", "mayBeEmpty": true } for a section
    /// that legitimately has no text of its own (六 of the 2019 format holds only the closing paragraphs).</summary>
    private static (Dictionary<string, string>, HashSet<string>) ReadNarrative(TemplateFields m)
    {
        var narrative = new Dictionary<string, string>();
        var mayBeEmpty = new HashSet<string>();
        if (m.Obj("narrative", required: true) is not { } n) return (narrative, mayBeEmpty);
        foreach (var (path, value) in n.Entries())
        {
            var key = n.Node.Properties.First(p => p.Name == path);
            if (!FieldPath().IsMatch(path) || path is "agency" or "year" or "title" or "tables" or "labels" or "acknowledgements" or "template")
            {
                m.Problems.Add(n.Node.File, key.Line, key.Column, DiagnosticCatalog.TemplateField, $"「narrative」中的「{path}」不是可用的字段路径（如 preamble 或 sections.overview）",
                    $"\"{path}\" in \"narrative\" is not a usable field path (such as preamble or sections.overview)");
                continue;
            }
            n.Get(path);
            if (value.Kind == System.Text.Json.JsonValueKind.Object && n.Obj(value) is { } o)
            {
                narrative[path] = o.Str("place") ?? path;
                if (o.Bool("mayBeEmpty", false)) mayBeEmpty.Add(path);
                o.Done();
            }
            else narrative[path] = n.Str(value) ?? path;
        }
        n.Done();
        return (narrative, mayBeEmpty);
    }

    /// <summary>"extraFields": a list of names (any JSON value), or an object naming each field's text keys and what they hold.</summary>
    private static (List<string>, Dictionary<string, IReadOnlyDictionary<string, string>>) ReadExtraFields(TemplateFields m)
    {
        var names = new List<string>();
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var node = m.Get("extraFields");
        if (node is null) return (names, texts);
        if (node.Kind == System.Text.Json.JsonValueKind.Object && m.Obj(node) is { } fields)
        {
            foreach (var (field, value) in fields.Entries())
            {
                fields.Get(field);
                if (fields.Obj(value) is not { } keys) continue;
                texts[field] = keys.Entries().ToDictionary(k => k.Name, k => keys.Str(keys.Get(k.Name)) ?? k.Name, StringComparer.Ordinal);
                keys.Done();
                names.Add(field);
            }
            fields.Done();
        }
        else names.AddRange(m.Strings("extraFields"));
        foreach (var bad in names.Where(f => !FieldPath().IsMatch(f) || f.Contains('.')))
            m.Report(node, $"「{bad}」不是有效的字段名", $"\"{bad}\" is not a valid field name");
        return (names, texts);
    }

    /// <summary>A table wider than the type area would run off the page: its column widths are checked against the style sheet.</summary>
    private void CheckTableWidths()
    {
        var problems = new List<Diagnostic>();
        double area = Styles.Page.TypeAreaWidthMm;
        foreach (var t in Tables)
            if (t.ColumnWidthsMm.Sum() > area + 0.5)
                problems.Add(DiagnosticCatalog.TemplateField.Create(
                    $"「columnWidthsMm」之和 {t.ColumnWidthsMm.Sum():0.#} 毫米超过版心宽度 {area:0.#} 毫米",
                    $"\"columnWidthsMm\" add up to {t.ColumnWidthsMm.Sum():0.#} mm, wider than the type area ({area:0.#} mm)",
                    t.SourceFile, LineOf(t.SourceFile, "\"columnWidthsMm\""), 1));
        if (problems.Count > 0) throw new DocGenException(FailureKind.Template, problems);
    }

    private static int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(file);
        int i = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return i + 1;
    }

    /// <summary>Renders the report markup; a runaway or failing template comes back naming its file and line.</summary>
    public string RenderMarkup(IReadOnlyDictionary<string, object?> context, CancellationToken cancel = default) =>
        _report.Render(TemplateModel(context), ExtraFields.ToHashSet(), cancel);

    public string RenderDefaultTitle(IReadOnlyDictionary<string, object?> context) =>
        _title.Render(TemplateModel(context), ExtraFields.ToHashSet());

    public Document BuildDocument(IReadOnlyDictionary<string, object?> context, IReadOnlyDictionary<string, Table> tables, Func<string, SourceRef> describeSource,
        ICollection<Diagnostic>? warnings = null, CancellationToken cancel = default)
    {
        string markup = RenderMarkup(context, cancel);
        var parser = new MarkupParser(Styles, new ParagraphClassifier(Numbering, warnings), tables, EntryFile);
        return parser.Parse(markup, describeSource);
    }

    /// <summary>
    /// The names a template can use, always all present: the optional "title" object and its "agencyLine", and every extra field
    /// (null when the data file leaves it out), so an undefined name in a template is its own mistake, never the data's.
    /// </summary>
    private Dictionary<string, object?> TemplateModel(IReadOnlyDictionary<string, object?> context)
    {
        var model = new Dictionary<string, object?>(context);
        var title = model.GetValueOrDefault("title") as IDictionary<string, object?> is { } t ? new Dictionary<string, object?>(t) : [];
        title.TryAdd("agencyLine", null);
        model["title"] = title;
        model.TryAdd("titleLines", new List<object?>());
        model.TryAdd("titleText", "");
        foreach (var extra in ExtraFields) model.TryAdd(extra, null);
        return model;
    }

    private static readonly ConcurrentDictionary<string, Lazy<TemplatePackage>> Cache = new();

    /// <summary>Loads a template folder once per process (keyed by full path); later calls share it.</summary>
    public static TemplatePackage Load(string folder) =>
        Cache.GetOrAdd(Path.GetFullPath(folder), f => new Lazy<TemplatePackage>(() => new TemplatePackage(f))).Value;

    /// <summary>Loads a fresh copy, bypassing the cache (watch mode re-reads edited templates).</summary>
    public static TemplatePackage LoadFresh(string folder)
    {
        var fresh = new TemplatePackage(Path.GetFullPath(folder));
        Cache[Path.GetFullPath(folder)] = new Lazy<TemplatePackage>(() => fresh);
        return fresh;
    }
}
