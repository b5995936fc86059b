using System.Text.Json;
using DocGen.Engine;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

public sealed class SchemaCommandTests
{
    public static TheoryData<string> Templates => [.. new TemplateLocator(Repo.Templates).Names()];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Committed_schema_is_what_the_template_generates(string name)
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "schema", "--template", name, "-o", "-");
        Assert.True(r.ExitCode == 0, r.ToString());
        string committed = Path.Combine(Repo.Templates, name, "schema.json");
        Assert.True(File.Exists(committed), $"{committed} is missing: run ./docgen schema");
        Assert.True(File.ReadAllText(committed).ReplaceLineEndings("\n") == r.Stdout,
            $"{committed} is stale: the template changed since it was generated; run ./docgen schema and commit the result");
    }

    [Fact]
    public void Schema_titles_every_cell_with_its_printed_label_and_types_it()
    {
        var template = new TemplateLocator(Repo.Templates).Load("gov-info-annual-2021");
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Templates, "gov-info-annual-2021", "schema.json")));
        var tables = schema.RootElement.GetProperty("properties").GetProperty("tables").GetProperty("properties");
        foreach (var def in template.Tables)
            foreach (var (row, column) in def.ValueCells)
            {
                var rowSchema = tables.GetProperty(def.Id).GetProperty("properties").GetProperty(row);
                Assert.Equal(def.Row(row).FullLabel, rowSchema.GetProperty("title").GetString());
                var cell = rowSchema.GetProperty("properties").GetProperty(column);
                Assert.Equal(def.Column(column).Label, cell.GetProperty("title").GetString());
                string expected = def.TypeOf(row, column) switch
                {
                    DocGen.Tables.ValueType.Amount => "number",
                    DocGen.Tables.ValueType.Text => "string",
                    _ => "integer",
                };
                Assert.Equal(expected, cell.GetProperty("type").GetString());
            }
        var fees = tables.GetProperty("activeDisclosure").GetProperty("properties").GetProperty("fees").GetProperty("properties").GetProperty("amount");
        Assert.Equal(0, fees.GetProperty("minimum").GetInt32());
        var props = schema.RootElement.GetProperty("properties");
        Assert.Equal("一、总体情况", props.GetProperty("sections").GetProperty("properties").GetProperty("overview").GetProperty("title").GetString());
        var labels = props.GetProperty("labels").GetProperty("properties");
        Assert.Equal("表二：本年制发件数", labels.GetProperty("activeDisclosure.columns.issued").GetProperty("title").GetString());
        var rules = props.GetProperty("acknowledgements").GetProperty("items").GetProperty("properties").GetProperty("rule").GetProperty("enum");
        Assert.Contains("T3-1", rules.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Example_data_files_use_only_fields_the_schema_knows()
    {
        foreach (var example in Directory.EnumerateFiles(Repo.Examples, "*.json"))
        {
            using var data = JsonDocument.Parse(File.ReadAllText(example));
            string template = data.RootElement.GetProperty("template").GetString()!;
            using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Templates, template, "schema.json")));
            Check(schema.RootElement, data.RootElement, Path.GetFileName(example));
        }
    }

    /// <summary>Every object member must be declared where the schema forbids others: a typo in the schema would show up here.</summary>
    private static void Check(JsonElement schema, JsonElement value, string where)
    {
        if (value.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var props)) return;
        foreach (var member in value.EnumerateObject())
        {
            Assert.True(props.TryGetProperty(member.Name, out var sub), $"{where}.{member.Name} is not in the schema");
            Check(sub, member.Value, $"{where}.{member.Name}");
        }
    }
}
