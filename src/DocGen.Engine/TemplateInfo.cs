using DocGen.Engine.DataFiles;
using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Engine;

/// <summary>
/// One installed template as the command line and the browser form see it: its name, descriptions and files, its style sheet,
/// and what can be made from it without a data file (a new data file, its JSON Schema, the default title). The façade over
/// DocGen.Templates' package, so that the command line needs nothing below the engine.
/// </summary>
public sealed class TemplateInfo
{
    private readonly TemplatePackage _package;

    private TemplateInfo(TemplatePackage package) => _package = package;

    /// <summary>The façade over a package already loaded (the browser form loads its own).</summary>
    public static TemplateInfo Of(TemplatePackage package) => new(package);

    public string Name => _package.Name;
    public string Description => _package.Description;
    public string DescriptionEn => _package.DescriptionEn;
    public string Version => _package.Version;
    public string Folder => _package.Folder;
    public StyleSheet Styles => _package.Styles;

    /// <summary>The data files' JSON Schema: the file template.json names, else schema.json in the template's folder.</summary>
    public string SchemaFile => _package.SchemaFile ?? Path.Combine(_package.Folder, "schema.json");

    /// <summary>The JSON Schema of this template's data files, generated from its tables and narrative fields.</summary>
    public string Schema() => SchemaGenerator.Generate(_package);

    /// <summary>The "$schema" value a data file written for this template carries (a file:// URI of <see cref="SchemaFile"/>).</summary>
    public string SchemaReference() => DataFileSkeleton.SchemaReference(SchemaFile);

    /// <summary>A complete new data file (`docgen init`'s): every field present, every key explained.</summary>
    public string NewDataFile(string agency, int year) => DataFileSkeleton.Create(_package, agency, year, SchemaReference());

    /// <summary>
    /// A new data file and where it goes: <paramref name="dataFile"/>, or, when that is null or "-", a file named after the report's
    /// title in the folder of <paramref name="dataFile"/> (the current folder when null).
    /// </summary>
    public (string Path, string Text) NewDataFile(string agency, int year, string? dataFile)
    {
        string target = dataFile is null || Path.GetFileName(dataFile) == "-"
            ? Path.Combine(Path.GetDirectoryName(dataFile ?? Path.GetFullPath("-"))!, DefaultDataFileName(agency, year))
            : dataFile;
        return (target, NewDataFile(agency, year));
    }

    /// <summary>The name `docgen init` gives a new data file: the report's default title (report-YEAR.json without an agency).</summary>
    public string DefaultDataFileName(string? agency, int year)
    {
        if (agency is null) return $"report-{year}.json";
        string title = _package.RenderDefaultTitle(new Dictionary<string, object?> { ["agency"] = agency.Trim(), ["year"] = year });
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        return new string(title.Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + ".json";
    }

    /// <summary>Loads the template's files afresh (no cache), as `watch` does after they changed; throws its problems.</summary>
    public static void CheckFresh(string folder) => TemplatePackage.LoadFresh(folder);
}
