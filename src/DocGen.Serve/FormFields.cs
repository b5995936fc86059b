using DocGen.Data;
using DocGen.Tables;

namespace DocGen.Serve;

/// <summary>
/// The posted form: each field named by the JSON path it stands for (tables.applications.newReceived.naturalPerson,
/// labels["applications.rows.disclosed"], sections.overview), so a diagnostic's JSON path names its input directly. Repeated
/// names (the paragraphs of a section, the title lines) keep their order.
/// </summary>
public sealed class FormFields(IReadOnlyDictionary<string, IReadOnlyList<string>> values)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; } = values;

    public bool Has(string name) => Values.ContainsKey(name);

    public IReadOnlyList<string> All(string name) => Values.TryGetValue(name, out var v) ? v : [];

    public string? One(string name) => Values.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public static string Cell(TableDefinition def, string row, string column) => $"tables.{def.Id}.{row}.{column}";

    public static string Label(string key) => JNodeText.Child("labels", key);

    public static string Acknowledgement(int index, string property) => $"acknowledgements[{index}].{property}";

    public static readonly string[] AcknowledgementProperties = ["rule", "table", "column", "reason"];

    /// <summary>Set when the clerk agreed to lose the comments of the file on disk (the page asked first).</summary>
    public const string DropComments = "_dropComments";
}
