using System.Diagnostics;
using DocGen.Model;
using DocGen.Templates;
using DocGen.Tests.Robustness;

namespace DocGen.Tests.TemplateTests;

/// <summary>The limits around a template: render time, pattern matching time, unreadable template files.</summary>
public class TemplateSandboxTests
{
    private static readonly Dictionary<string, object?> Model = new() { ["agency"] = "某局", ["items"] = new List<object?> { "a<b", "c&d" } };

    [Fact]
    public void A_render_that_runs_too_long_is_stopped_at_its_line()
    {
        var t = ScribanTemplate.Parse("<document>\n{{ for i in 1..900000; x = i * 2; end }}\n</document>", "report.scriban-html", markup: true);
        var watch = Stopwatch.StartNew();
        // 1 ms: 900,000 iterations take tens of milliseconds even on a quiet machine (50 ms let them finish there).
        var e = Assert.Throws<DocGenException>(() => t.Render(Model, new HashSet<string>(), timeLimit: TimeSpan.FromMilliseconds(1)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("E-TEMPLATE-LIMIT", "report.scriban-html", 2), (d.Id, d.File, d.Line));
        Assert.Contains("秒", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_printed_value_is_escaped_and_the_template_text_is_not()
    {
        var t = ScribanTemplate.Parse("<p a=\"{{ agency }}\">{{ for x in items }}{{ x }}|{{ end }}{{ \"<b>\" }}</p>", "t", markup: true);
        Assert.Equal("<p a=\"某局\">a&lt;b|c&amp;d|&lt;b&gt;</p>", t.Render(Model, new HashSet<string>()));
    }

    [Fact]
    public void The_string_array_and_math_modules_work_and_cannot_be_replaced_or_extended()
    {
        var t = ScribanTemplate.Parse("{{ agency | string.append \"办\" }}|{{ items | array.size }}|{{ math.round 2.6 }}|{{ items != empty }}", "t", markup: false);
        Assert.Equal("某局办|2|3|true", t.Render(Model, new HashSet<string>()));
        foreach (var source in new[] { "{{ string.upcase = 1 }}", "{{ math.x = 1 }}" })
        {
            var e = Assert.Throws<DocGenException>(() => ScribanTemplate.Parse(source, "t", markup: false).Render(Model, new HashSet<string>()));
            Assert.Equal("E-TEMPLATE-RUNTIME", Assert.Single(e.Diagnostics).Id);
        }
        // A template may name its own variable "string" (it lives in that render's globals); the shared modules stay as they were.
        Assert.Equal("1", ScribanTemplate.Parse("{{ string = 1 }}{{ string }}", "t", markup: false).Render(Model, new HashSet<string>()));
        Assert.Equal("AB", ScribanTemplate.Parse("{{ \"ab\" | string.upcase }}", "t", markup: false).Render(Model, new HashSet<string>()));
    }

    [Fact]
    public void A_catastrophically_backtracking_numbering_pattern_is_refused_at_its_line()
    {
        string root = TemplateCopies.Make(t => TemplateFault.Edit(t, "styles.json", "\"pattern\": \"^[0-9]+[.．]\"", "\"pattern\": \"^(a+)+$\""));
        string styles = Path.Combine(root, TemplateCopies.Name, "styles.json");
        var e = Assert.Throws<DocGenException>(() => StyleSheetLoader.Load(styles));
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("E-TEMPLATE-FIELD", styles, Support.DataFiles.LineOf(styles, "^(a+)+$")), (d.Id, d.File, d.Line));
        Assert.Contains("指数", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_that_cannot_be_read_is_a_template_io_error_naming_it()
    {
        string root = TemplateCopies.Make(t =>
        {
            File.Delete(Path.Combine(t, "template.json"));
            Directory.CreateDirectory(Path.Combine(t, "template.json"));
        });
        var result = new DocGen.Engine.ReportPipeline(new DocGen.Engine.TemplateLocator(root)).Build(CorpusCase.Load("valid-minimal").Input);

        Assert.Equal(FailureKind.Template, result.Failure);
        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("E-TEMPLATE-IO", d.Id);
        Assert.Contains("template.json", d.Message, StringComparison.Ordinal);
        DiagnosticAssert.IsClear(d);
    }
}
