using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Engine;

/// <summary>
/// Finds the templates folder: an explicit path, else $DOCGEN_TEMPLATES, else a templates/ folder above the current directory
/// (a checkout), else the one shipped beside the program (the installed .NET tool), else the templates compiled into the
/// program (the self-contained executable of scripts/publish.sh, extracted by <see cref="EmbeddedTemplates"/>).
/// </summary>
public sealed class TemplateLocator(string? explicitRoot = null)
{
    public string Root { get; } = Find(explicitRoot);

    public TemplatePackage Load(string name) => TemplatePackage.Load(Folder(name));

    /// <summary>The template of this name, as the command line sees it (<see cref="TemplateInfo"/>).</summary>
    public TemplateInfo Describe(string name) => TemplateInfo.Of(Load(name));

    /// <summary>The folder of the template a data file names; refuses names that would leave the templates folder.</summary>
    public string Folder(string name)
    {
        if (name.Length == 0 || name.Contains('/') || name.Contains('\\') || name.Contains(".."))
            throw DiagnosticCatalog.DataTemplateUnknown.Fail($"模板名「{name}」无效", $"\"{name}\" is not a valid template name");
        string folder = Path.Combine(Root, name);
        if (!Directory.Exists(folder))
            throw DiagnosticCatalog.DataTemplateUnknown.Fail($"找不到模板「{name}」（在 {Root} 中）。已安装的模板：{string.Join("、", Names())}",
                $"no template \"{name}\" (in {Root}). Installed templates: {string.Join(", ", Names())}");
        return folder;
    }

    public IReadOnlyList<string> Names() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Where(d => File.Exists(Path.Combine(d, "template.json"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    private static string Find(string? explicitRoot)
    {
        if (explicitRoot is not null) return Path.GetFullPath(explicitRoot);
        if (Environment.GetEnvironmentVariable("DOCGEN_TEMPLATES") is { Length: > 0 } env) return Path.GetFullPath(env);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "templates");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "template.json", SearchOption.AllDirectories).Any())
                return candidate;
        }
        string beside = Path.Combine(AppContext.BaseDirectory, "templates");
        return Directory.Exists(beside) ? beside : EmbeddedTemplates.Folder() ?? beside;
    }
}
