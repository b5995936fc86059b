using DocGen.Cli.Output;
using DocGen.Cli.Schema;
using DocGen.Templates;

namespace DocGen.Cli.Commands;

/// <summary>
/// A new data file with every field present, so the clerk fills in rather than looks up: a zero in every typed table cell
/// (computed totals left out), an empty paragraph list for every narrative field, empty labels and acknowledgements.
/// </summary>
public static class DataFileSkeleton
{
    public static string Create(TemplatePackage t, string agency, int year, string schemaReference)
    {
        string json = JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", schemaReference);
            w.WriteString("template", t.Name);
            w.WriteString("agency", agency);
            w.WriteNumber("year", year);
            w.WriteStartObject("title");
            w.WriteStartArray("lines");
            w.WriteStringValue(t.RenderDefaultTitle(new Dictionary<string, object?> { ["agency"] = agency, ["year"] = year }));
            w.WriteEndArray();
            w.WriteEndObject();
            foreach (var group in t.Narrative.Keys.GroupBy(k => k.Split('.')[0]))
            {
                if (group.Count() == 1 && !group.First().Contains('.'))
                {
                    w.WriteStartArray(group.Key);
                    w.WriteEndArray();
                    continue;
                }
                w.WriteStartObject(group.Key);
                foreach (var path in group)
                {
                    w.WriteStartArray(path[(path.IndexOf('.') + 1)..]);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteStartObject("tables");
            foreach (var def in t.Tables)
            {
                w.WriteStartObject(def.Id);
                foreach (var row in def.ValueCells.Select(v => v.Row).Distinct())
                {
                    var typed = def.ValueCells.Where(v => v.Row == row && !SchemaGenerator.IsComputed(def, row, v.Column)).ToList();
                    if (typed.Count == 0) continue;
                    w.WriteStartObject(row);
                    // Text cells (采购总金额 "2154.97万元") take a number too; an empty string would not validate.
                    foreach (var (_, column) in typed) w.WriteNumber(column, 0);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("labels");
            w.WriteEndObject();
            w.WriteStartArray("acknowledgements");
            w.WriteEndArray();
            w.WriteEndObject();
        });
        return CompactRows(json.ReplaceLineEndings("\n")) + "\n";
    }

    /// <summary>Puts each table row on one line, as the documentation shows it: { "issued": 0, "repealed": 0, "inForce": 0 }.</summary>
    private static string CompactRows(string json)
    {
        var lines = json.Split('\n');
        var result = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            int j = i + 1;
            if (lines[i].EndsWith('{'))
            {
                while (j < lines.Length && IsScalarMember(lines[j])) j++;
                if (j > i + 1 && j < lines.Length && lines[j].TrimStart() is "}" or "},")
                {
                    var members = lines[(i + 1)..j].Select(l => l.Trim().TrimEnd(','));
                    result.Add(lines[i] + " " + string.Join(", ", members) + " " + lines[j].TrimStart());
                    i = j;
                    continue;
                }
            }
            result.Add(lines[i]);
        }
        return string.Join('\n', result);
    }

    private static bool IsScalarMember(string line)
    {
        string t = line.Trim().TrimEnd(',');
        return t.StartsWith('"') && !t.EndsWith('{') && !t.EndsWith('[') && !t.EndsWith(']');
    }

    /// <summary>The $schema value: a relative path with forward slashes from the data file's folder, so the pair can move together.</summary>
    public static string SchemaReference(string dataFile, string schemaFile)
    {
        string from = Path.GetDirectoryName(Path.GetFullPath(dataFile))!;
        string rel = Path.GetRelativePath(from, Path.GetFullPath(schemaFile));
        return Path.IsPathRooted(rel) ? new Uri(rel).AbsoluteUri : rel.Replace('\\', '/');
    }
}
