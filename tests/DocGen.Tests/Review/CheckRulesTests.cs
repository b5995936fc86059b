using DocGen.Engine;
using DocGen.Model;
using DocGen.Review;
using DocGen.Templates;
using DocGen.Tests.Support;

namespace DocGen.Tests.Review;

/// <summary>checks.json is loaded strictly: every mistake of a template maintainer is E-TEMPLATE-CHECKS at checks.json(line,col).</summary>
public sealed class CheckRulesTests
{
    public static TheoryData<string> Templates => [.. new TemplateLocator(Repo.Templates).Names()];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_shipped_template_names_checks_that_load(string name)
    {
        var template = new TemplateLocator(Repo.Templates).Load(name);
        Assert.NotNull(template.ChecksFile);
        var rules = CheckRulesLoader.For(template);
        Assert.NotEmpty(rules.Numbers);
        Assert.NotEmpty(rules.Years);
        Assert.NotEmpty(rules.Required);
    }

    private const string Broken = """
        {
          "numbers": [
            { "name": "坏正则", "pattern": "收到(?<n>\\d+件", "expect": "applications.newReceived.total" },
            { "name": "缺命名组", "pattern": "收到(\\d+)件", "expect": "applications.newReceived.total" },
            { "name": "错行名", "pattern": "收到(?<n>\\d+)件", "expect": "applications.newRecieved.total" },
            { "name": "环视", "pattern": "(?=收到)(?<n>\\d+)", "expect": "applications.newReceived.total" },
            { "name": "多余字段", "pattern": "受理(?<n>\\d+)件", "expect": "applications.newReceived.total", "whre": ["closing"] }
          ],
          "required": [ { "name": "未知部分", "pattern": "x", "in": ["sections.nope"], "suggestion": "s" } ],
          "previousYear": [ { "id": "CARRY", "name": "坏编号", "cell": "applications.carriedOver.*", "expect": "previous.applications.carryForward.*" } ]
        }
        """;

    [Fact]
    public void A_broken_checks_file_reports_every_mistake_with_its_line_and_column()
    {
        string folder = CopyTemplate(Broken);
        string file = Path.Combine(folder, "checks.json");
        var template = TemplatePackage.LoadFresh(folder);
        var e = Assert.Throws<DocGenException>(() => CheckRulesLoader.Load(file, template));
        Assert.Equal(FailureKind.Template, e.Kind);
        Assert.All(e.Diagnostics, d => Assert.Equal("E-TEMPLATE-CHECKS", d.Id));
        Assert.All(e.Diagnostics, d => Assert.Equal(file, d.File));
        int Line(string needle) => DataFiles.LineOf(file, needle);

        var regex = Assert.Single(e.Diagnostics, d => d.Line == Line("坏正则"));
        Assert.Contains("正则表达式有误", regex.Message);
        Assert.True(regex.Column > File.ReadAllLines(file)[regex.Line - 1].IndexOf("收到", StringComparison.Ordinal), regex.Format());
        Assert.Contains("(?<n>", Assert.Single(e.Diagnostics, d => d.Line == Line("缺命名组")).Message);
        Assert.Contains("没有行「newRecieved」", Assert.Single(e.Diagnostics, d => d.Line == Line("错行名")).Message);
        Assert.Contains("不支持", Assert.Single(e.Diagnostics, d => d.Line == Line("环视")).Message);
        Assert.Contains("未知字段「whre」", Assert.Single(e.Diagnostics, d => d.Line == Line("多余字段")).Message);
        Assert.Contains("sections.nope", Assert.Single(e.Diagnostics, d => d.Line == Line("未知部分")).Message);
        Assert.Contains("W-CHECK-", Assert.Single(e.Diagnostics, d => d.Line == Line("坏编号")).Message);
        Assert.Equal(7, e.Diagnostics.Count);
        Assert.All(e.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.MessageEn)));
    }

    [Fact]
    public void A_check_run_with_a_broken_checks_file_is_a_template_error()
    {
        string folder = CopyTemplate(Broken);
        var pipeline = new ReportPipeline(new TemplateLocator(Path.GetDirectoryName(folder)!)) { RunChecks = true };
        var result = pipeline.Build(Repo.Example("pingluo-county-2023"));
        Assert.False(result.Ok);
        Assert.Equal(FailureKind.Template, result.Failure);
        Assert.Contains(result.Diagnostics, d => d.Id == "E-TEMPLATE-CHECKS");
    }

    [Fact]
    public void Rules_are_compiled_once_for_every_caller_and_a_broken_file_is_read_again_once_fixed()
    {
        string folder = CopyTemplate(Broken);
        var template = TemplatePackage.LoadFresh(folder);
        Assert.Throws<DocGenException>(() => CheckRulesLoader.For(template));
        // A maintainer fixes checks.json while the process (docgen watch, serve) keeps the template: the error is not remembered.
        File.Copy(Path.Combine(Repo.Templates, "gov-info-annual-2021", "checks.json"), Path.Combine(folder, "checks.json"), overwrite: true);
        var rules = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ => CheckRulesLoader.For(template)).ToList();
        Assert.NotEmpty(rules[0].Numbers);
        Assert.All(rules, r => Assert.Same(rules[0], r));
    }

    [Fact]
    public void A_pattern_that_runs_past_the_time_limit_stops_the_report_with_a_template_error_at_its_line()
    {
        // Accepted when loaded (no repeated group), yet cubic on a long paragraph without "z".
        string folder = CopyTemplate("""
            { "required": [ { "name": "慢", "pattern": "[ab]*[ac]*[ad]*z", "in": ["sections.overview"], "suggestion": "s" } ] }
            """);
        var data = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repo.Example("pingluo-county-2023")))!;
        data["sections"]!["overview"]![0] = new string('a', 20_000) + "b";
        string input = Path.Combine(DataFiles.TempDir(), "slow.json");
        File.WriteAllText(input, data.ToJsonString());
        var pipeline = new ReportPipeline(new TemplateLocator(Path.GetDirectoryName(folder)!)) { RunChecks = true };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = pipeline.Build(input);
        Assert.True(watch.Elapsed < TemplatePattern.Timeout * 10, $"took {watch.Elapsed}");
        Assert.Equal(FailureKind.Template, result.Failure);
        string checks = Path.Combine(folder, "checks.json");
        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("E-TEMPLATE-LIMIT", checks, DataFiles.LineOf(checks, "[ab]*")), (d.Id, d.File, d.Line));
    }

    /// <summary>A copy of the 2021 template (under its own name, in a fresh templates folder) with the given checks.json.</summary>
    private static string CopyTemplate(string checks)
    {
        string folder = Path.Combine(DataFiles.TempDir(), "gov-info-annual-2021");
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Repo.Templates, "gov-info-annual-2021"), "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(folder, Path.GetRelativePath(Path.Combine(Repo.Templates, "gov-info-annual-2021"), f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        File.WriteAllText(Path.Combine(folder, "checks.json"), checks);
        return folder;
    }
}
