using System.Collections.Concurrent;
using DocGen.Model;
using HandlebarsDotNet;

namespace DocGen.Templates;

/// <summary>
/// One template folder (templates/NAME/): manifest, Handlebars report, style sheet, table definitions. Loaded and compiled once,
/// then shared read-only by every report rendered with it.
/// </summary>
public sealed class TemplatePackage
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

    /// <summary>The style sheet a template folder names, without loading (and compiling) the rest of the template.</summary>
    public static string StylesFile(string folder)
    {
        string manifestPath = Path.Combine(folder, "template.json");
        using var manifest = JsonFile.Parse(manifestPath);
        return StylesFile(folder, manifest.RootElement, manifestPath);
    }

    private static string StylesFile(string folder, System.Text.Json.JsonElement manifest, string manifestPath) =>
        Path.Combine(folder, JsonFile.Str(manifest, "styles", manifestPath, "styles.json"));

    private readonly HandlebarsTemplate<object, object> _report;
    private readonly HandlebarsTemplate<object, object> _title;

    private TemplatePackage(string folder)
    {
        Folder = folder;
        string manifestPath = Path.Combine(folder, "template.json");
        if (!File.Exists(manifestPath))
            throw new DocGenException("E-TEMPLATE-MISSING", $"{folder} 不是模板文件夹：缺少 template.json", FailureKind.Template);
        using var manifest = JsonFile.Parse(manifestPath);
        var m = manifest.RootElement;
        Name = JsonFile.Str(m, "name", manifestPath);
        Description = JsonFile.Str(m, "description", manifestPath, "");
        DescriptionEn = JsonFile.Str(m, "descriptionEn", manifestPath, Description);
        Version = JsonFile.Str(m, "version", manifestPath, "0");
        DefaultTitle = JsonFile.Str(m, "defaultTitle", manifestPath, "{{agency}}{{year}}年政府信息公开工作年度报告");
        EntryFile = Path.Combine(folder, JsonFile.Str(m, "entry", manifestPath, "report.hbs"));
        SchemaFile = m.TryGetProperty("schema", out var sch) ? Path.Combine(folder, sch.GetString()!) : null;
        ChecksFile = m.TryGetProperty("checks", out _) ? Path.Combine(folder, JsonFile.Str(m, "checks", manifestPath)) : null;
        // A narrative entry is "json.path": "printed place", or "json.path": { "place": "…", "mayBeEmpty": true } for a section
        // that legitimately has no text of its own (六 of the 2019 format holds only the closing paragraphs).
        var narrative = new Dictionary<string, string>();
        var mayBeEmpty = new HashSet<string>();
        if (m.TryGetProperty("narrative", out var n))
            foreach (var p in n.EnumerateObject())
            {
                if (p.Value.ValueKind == System.Text.Json.JsonValueKind.Object)
                {
                    narrative[p.Name] = JsonFile.Str(p.Value, "place", manifestPath, p.Name);
                    if (JsonFile.Bool(p.Value, "mayBeEmpty", false)) mayBeEmpty.Add(p.Name);
                }
                else narrative[p.Name] = p.Value.GetString() ?? p.Name;
            }
        Narrative = narrative;
        NarrativeMayBeEmpty = mayBeEmpty;
        var extraTexts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (!m.TryGetProperty("extraFields", out var ef)) ExtraFields = [];
        else if (ef.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var field in ef.EnumerateObject())
                extraTexts[field.Name] = field.Value.EnumerateObject().ToDictionary(k => k.Name, k => k.Value.GetString() ?? k.Name, StringComparer.Ordinal);
            ExtraFields = extraTexts.Keys.ToList();
        }
        else ExtraFields = ef.EnumerateArray().Select(e => e.GetString()!).ToList();
        ExtraFieldTexts = extraTexts;

        (Styles, Numbering) = StyleSheetLoader.Load(StylesFile(folder, m, manifestPath));
        Tables = m.GetProperty("tables").EnumerateArray().Select(t => TableDefinitionLoader.Load(Path.Combine(folder, t.GetString()!))).ToList();
        var dup = Tables.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new DocGenException("E-TEMPLATE-TABLE", $"{manifestPath}: 表格 id「{dup.Key}」重复", FailureKind.Template);

        var hb = HandlebarsFactory.Create();
        string source = ReadText(EntryFile);
        var partialFiles = Directory.EnumerateFiles(folder, "*.hbs", SearchOption.AllDirectories).Where(p => p != EntryFile).Order(StringComparer.Ordinal).ToList();
        var partialNames = partialFiles.Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet(StringComparer.Ordinal);
        TemplateChecks.Check(source, EntryFile, partialNames);
        foreach (var partial in partialFiles)
        {
            string text = ReadText(partial);
            TemplateChecks.Check(text, partial, partialNames);
            hb.RegisterTemplate(Path.GetFileNameWithoutExtension(partial), SourceMarkers.Add(text, Path.GetRelativePath(folder, partial)));
        }
        _report = Compile(hb, SourceMarkers.Add(source, Path.GetRelativePath(folder, EntryFile)), EntryFile);
        _title = Compile(HandlebarsFactory.CreatePlainText(), DefaultTitle, manifestPath);
    }

    /// <summary>Renders the report markup. Handlebars' runtime errors come back naming the template file.</summary>
    public string RenderMarkup(object context) => Run(_report, context, EntryFile);

    public string RenderDefaultTitle(object context) => Run(_title, context, Path.Combine(Folder, "template.json"));

    public Document BuildDocument(object context, IReadOnlyDictionary<string, Table> tables, Func<string, SourceRef> describeSource)
    {
        string markup = RenderMarkup(context);
        var parser = new MarkupParser(Styles, new ParagraphClassifier(Numbering), tables, EntryFile);
        return parser.Parse(markup, describeSource);
    }

    private static string Run(HandlebarsTemplate<object, object> t, object context, string file)
    {
        try { return t(context); }
        catch (HandlebarsException e)
        {
            throw new DocGenException(FailureKind.Template, [new Diagnostic(Severity.Error, "E-TEMPLATE-RUNTIME", $"模板执行出错：{e.Message}", file)]);
        }
    }

    private static HandlebarsTemplate<object, object> Compile(IHandlebars hb, string source, string file)
    {
        try { return hb.Compile(source); }
        catch (Exception e) when (e is HandlebarsException or InvalidOperationException)
        {
            throw new DocGenException(FailureKind.Template, [new Diagnostic(Severity.Error, "E-TEMPLATE-SYNTAX", $"模板无法编译：{e.Message}", file)]);
        }
    }

    private static string ReadText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocGenException("E-TEMPLATE-IO", $"无法读取模板文件 {path}：{e.Message}", FailureKind.Template, e);
        }
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
