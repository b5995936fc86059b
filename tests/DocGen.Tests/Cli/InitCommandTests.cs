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
        using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;

        string schema = new Uri(root.GetProperty("$schema").GetString()!).LocalPath;
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
                bool computed = def.Rules.Any(rule => rule.Kind == DocGen.Tables.RuleKind.Sum && (rule.ByRow ? rule.Target == row : rule.Target == column));
                bool present = table.TryGetProperty(row, out var rowNode) && rowNode.TryGetProperty(column, out var cell) && cell.GetDecimal() == 0;
                Assert.True(present != computed, $"{def.Id}.{row}.{column}: computed={computed}, present={present}");
            }
        }

        var validate = CliRunner.Run(dir.Path, "validate", "data/2024.json");
        Assert.True(validate.ExitCode == 0, validate.ToString());
        AssertOnlyEmptyNarrativeWarnings(validate, template.Narrative.Keys.Count(k => !template.NarrativeMayBeEmpty.Contains(k)));
    }

    [Fact]
    public void Every_key_has_its_printed_label_beside_it()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--agency", "某局", "--year", "2024", "-o", "a.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = File.ReadAllLines(dir.File("a.json"));
        string Line(string key) => lines.Single(l => l.TrimStart().StartsWith($"\"{key}\":", StringComparison.Ordinal));
        Assert.Matches("^      \"massRepeated\": \\{ .* \\}, // 三、本年度办理结果（五）不予处理 4\\.无正当理由大量反复申请$", Line("massRepeated"));
        Assert.Contains("// 表三「收到和处理政府信息公开申请情况」。各列：naturalPerson 自然人", Line("applications"));
        Assert.EndsWith("规章：本年制发件数 / 本年废止件数 / 现行有效件数", Line("regulations"));
        Assert.Contains("// 一、总体情况：每段一个字符串。序号自己输入，如 \"（一）主动公开情况。……\"；要加粗的文字写成 **加粗**", Line("overview"));
        // Every member line (a key at the start) explains itself.
        Assert.All(lines.Where(l => l.TrimStart().StartsWith('"')), l => Assert.Contains(" // ", l));
    }

    [Fact]
    public void Schema_reference_survives_moving_the_file()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--agency", "某局", "--year", "2024", "-o", "a/b/new.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Directory.CreateDirectory(dir.File("elsewhere/deeper"));
        File.Move(dir.File("a/b/new.json"), dir.File("elsewhere/deeper/moved.json"));
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("elsewhere/deeper/moved.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var uri = new Uri(doc.RootElement.GetProperty("$schema").GetString()!);
        Assert.True(uri.IsFile && uri.IsAbsoluteUri, uri.ToString());
        Assert.True(File.Exists(uri.LocalPath), uri.LocalPath);
        Assert.Equal(Path.Combine(Repo.Templates, "gov-info-annual-2021", "schema.json"), uri.LocalPath);
        var validate = CliRunner.Run(dir.File("elsewhere"), "validate", "deeper/moved.json");
        Assert.True(validate.ExitCode == 0, validate.ToString());
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
    private static void AssertOnlyEmptyNarrativeWarnings(ProcessResult validate, int narrativeFields)
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
