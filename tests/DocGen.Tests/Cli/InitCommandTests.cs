using System.Text.Json;
using DocGen.Engine;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

public sealed class InitCommandTests
{
    [Fact]
    public void Writes_a_complete_data_file_that_validates_and_points_at_the_schema()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--agency", "某某县交通运输局", "--year", "2024", "-o", "data/2024.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        string file = dir.File("data/2024.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;

        string schema = Path.GetFullPath(Path.Combine(dir.File("data"), root.GetProperty("$schema").GetString()!));
        Assert.Equal(Path.Combine(Repo.Templates, "gov-info-annual-2021", "schema.json"), schema);
        Assert.Equal("某某县交通运输局", root.GetProperty("agency").GetString());
        Assert.Equal(2024, root.GetProperty("year").GetInt32());

        var template = new TemplateLocator(Repo.Templates).Load("gov-info-annual-2021");
        foreach (var path in template.Narrative.Keys)
        {
            var node = path.Split('.').Aggregate(root, (n, part) => n.GetProperty(part));
            Assert.Equal(JsonValueKind.Array, node.ValueKind);
            Assert.Equal(0, node.GetArrayLength());
        }
        foreach (var def in template.Tables)
        {
            var table = root.GetProperty("tables").GetProperty(def.Id);
            foreach (var (row, column) in def.ValueCells)
            {
                bool computed = def.Rules.Any(rule => rule.Kind == DocGen.Templates.RuleKind.Sum && (rule.ByRow ? rule.Target == row : rule.Target == column));
                bool present = table.TryGetProperty(row, out var rowNode) && rowNode.TryGetProperty(column, out var cell) && cell.GetDecimal() == 0;
                Assert.True(present != computed, $"{def.Id}.{row}.{column}: computed={computed}, present={present}");
            }
        }

        var validate = CliRunner.Run(dir.Path, "validate", "data/2024.json");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        AssertOnlyEmptyNarrativeWarnings(validate, template.Narrative.Keys.Count(k => !template.NarrativeMayBeEmpty.Contains(k)));
    }

    public static TheoryData<string> Templates => [.. new TemplateLocator(Repo.Templates).Names()];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_gets_a_data_file_that_validates(string name)
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "init", "--template", name, "--agency", "某局", "--year", "2020", "-o", "new.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var validate = CliRunner.Run(dir.Path, "validate", "new.json");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        var template = new TemplateLocator(Repo.Templates).Load(name);
        AssertOnlyEmptyNarrativeWarnings(validate, template.Narrative.Keys.Count(k => !template.NarrativeMayBeEmpty.Contains(k)));
    }

    /// <summary>
    /// A new file is valid; the only reminders are the narrative sections still to be written, one per field, and the content the
    /// format requires of parts that may be empty (where to read the report, whom to contact: W-CHECK-REQUIRED).
    /// </summary>
    private static void AssertOnlyEmptyNarrativeWarnings(CliResult validate, int narrativeFields)
    {
        var lines = validate.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Matches(": 警告 (W-DATA-NARRATIVE-EMPTY|W-CHECK-REQUIRED):", l));
        Assert.Equal(narrativeFields, lines.Count(l => l.Contains(" W-DATA-NARRATIVE-EMPTY:")));
    }

    [Fact]
    public void Refuses_to_overwrite_unless_forced()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("mine.json"), "clerk's work");
        var refused = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--agency", "某局", "--year", "2024", "-o", "mine.json");
        Assert.True(refused.ExitCode == 64, refused.ToString());
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal("clerk's work", File.ReadAllText(dir.File("mine.json")));

        var forced = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--agency", "某局", "--year", "2024", "-o", "mine.json", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("\"agency\": \"某局\"", File.ReadAllText(dir.File("mine.json")));
        Assert.Equal(["mine.json"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Default_file_is_named_after_the_title_and_unknown_templates_fail()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--agency", "某某局", "--year", "2024");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.True(File.Exists(dir.File("某某局2024年政府信息公开工作年度报告.json")), r.ToString());

        var unknown = CliRunner.Run(dir.Path, "init", "--template", "no-such-template", "-o", "x.json");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("E-DATA-TEMPLATE-UNKNOWN", unknown.Stderr);
        Assert.False(File.Exists(dir.File("x.json")));
    }
}
