using System.Diagnostics;
using System.Text.RegularExpressions;
using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Tests.TemplateTests;

/// <summary>
/// Template patterns run on .NET's backtracking engine, so the check before compiling is what keeps a maintainer's pattern from
/// taking exponential time, and the match time limit stops what is left.
/// </summary>
public class TemplatePatternTests
{
    [Theory]
    [InlineData(@"^(a+)+$", 1)]          // the classic: a repetition inside a repetition
    [InlineData(@"x(a|a)*b", 1)]         // overlapping alternatives, repeated
    [InlineData(@"(a?a?)+$", 0)]         // optional parts, repeated: Fibonacci-many splits
    [InlineData(@"(?:\d+,)*\d+", 0)]
    [InlineData(@"x((?:ab)+c){2,}", 1)]  // a repeated group holding a repeated group, at any depth
    [InlineData(@"(?<n>[0-9]+){1,5}", 0)]
    [InlineData(@"x(a|ab)*c", 1)]        // one alternative begins another: "abab…" splits as a|b… or ab|…
    [InlineData(@"(收到|收)+件", 0)]
    [InlineData(@"(a|)+", 0)]            // an empty alternative begins every other
    [InlineData(@"(?i)x(A|ab)+", 5)]     // compared without case, since an inline (?i) may apply
    [InlineData(@"(\d|件)+", 0)]          // a class is not a fixed text
    public void A_group_repeated_around_a_repetition_or_an_alternative_is_refused_where_it_opens(string pattern, int at)
    {
        var (regex, refusal) = TemplatePattern.Compile(pattern);
        Assert.Null(regex);
        Assert.NotNull(refusal);
        Assert.Equal(at, refusal.Offset);
        Assert.Contains("指数", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("exponentially", refusal.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"(?=收到)\d", "环视")]
    [InlineData(@"(?<!未)收到", "环视")]
    [InlineData(@"(a)\1", "反向引用")]
    [InlineData(@"(?<x>a)\k<x>", "反向引用")]
    [InlineData(@"(?>a+)b", "原子组")]
    [InlineData(@"(?(a)b|c)", "条件")]
    public void Look_arounds_back_references_atomic_groups_and_conditionals_are_refused(string pattern, string what)
    {
        var (regex, refusal) = TemplatePattern.Compile(pattern);
        Assert.Null(regex);
        Assert.Contains(what, refusal!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"(?:收到|新收|受理)[^，。；！？\d]{0,30}?(?:政府信息公开申请|申请公开政府信息)(?:共计|合计|共)?\s*(?<n>\d[\d,]*|[零一二两三四五六七八九十百千]+)\s*件")]
    [InlineData(@"(?<n>\d[\d,]*(?:\.\d+)?)\s*万元")] // a repetition inside an optional group: at most once
    [InlineData(@"(?:ab)+c{2,3}")]                   // a fixed group repeated
    [InlineData(@"[(a+)+]{1,3}")]                     // parentheses and quantifiers inside a class are characters
    [InlineData(@"\(a+\)+")]                          // escaped parentheses are characters
    [InlineData(@"(?i)^[a-z]+(?#comment: x+)$")]    // inline options and comments open no group
    [InlineData(@"[a-z-[aeiou]]+x{,3}")]              // class subtraction; "{,3}" is literal text
    [InlineData(@"\p{IsCJKUnifiedIdeographs}+")]
    [InlineData(@"(信息|处理)+费")]                    // fixed words, none beginning another: one way to split a text
    [InlineData(@"(a|b)*c")]                          // single letters too (README: accepted, like [ab]*)
    [InlineData(@"(?:共计|合计|总计){1,3}")]
    [InlineData(@"(\.|，)+")]                         // punctuation escaped with a backslash is a fixed text
    public void Patterns_that_cannot_blow_up_compile(string pattern)
    {
        var (regex, refusal) = TemplatePattern.Compile(pattern);
        Assert.Null(refusal);
        Assert.NotNull(regex);
    }

    [Fact]
    public void Repeated_fixed_words_none_beginning_another_match_a_long_text_that_fails_in_linear_time()
    {
        var (regex, _) = TemplatePattern.Compile("^(信息|处理)+费$");
        var watch = Stopwatch.StartNew();
        Assert.DoesNotMatch(regex!, string.Concat(Enumerable.Repeat("信息处理", 20_000)) + "x");
        Assert.True(watch.Elapsed < TemplatePattern.Timeout / 4, $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_syntax_error_names_its_character()
    {
        var (regex, refusal) = TemplatePattern.Compile("收到(?<n>\\d+件");
        Assert.Null(regex);
        Assert.Contains("正则表达式有误", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_pattern_of_every_shipped_template_compiles()
    {
        var patterns = Directory.EnumerateFiles(Support.Repo.Templates, "*.json", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"pattern\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => (f, System.Text.Json.JsonSerializer.Deserialize<string>("\"" + m.Groups[1].Value + "\"")!)))
            .ToList();
        Assert.True(patterns.Count > 60, $"{patterns.Count} patterns");
        Assert.All(patterns, p => Assert.Null(TemplatePattern.Compile(p.Item2).Refusal));
    }

    [Fact]
    public void A_polynomial_pattern_on_a_long_paragraph_stops_at_the_time_limit_as_a_template_error_at_its_line()
    {
        // Allowed by the check (no repeated group), yet cubic: on 30,000 characters without "z" it would run for hours.
        string root = Robustness.TemplateCopies.Make(t => Robustness.TemplateFault.Edit(t, "styles.json", "\"pattern\": \"^[0-9]+[.．]\"", "\"pattern\": \"[ab]*[ac]*[ad]*z\""));
        string styles = Path.Combine(root, Robustness.TemplateCopies.Name, "styles.json");
        var (_, numbering) = StyleSheetLoader.Load(styles);
        var classifier = new ParagraphClassifier(numbering);
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<DocGenException>(() => classifier.Classify(new string('a', 30_000) + "b", SourceRef.None));
        Assert.True(watch.Elapsed < TemplatePattern.Timeout * 4, $"took {watch.Elapsed}");
        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(("E-TEMPLATE-LIMIT", styles, Support.DataFiles.LineOf(styles, "[ab]*[ac]*[ad]*z")), (d.Id, d.File, d.Line));
        Assert.Equal(FailureKind.Template, e.Kind);
        Assert.Contains("秒", d.Message, StringComparison.Ordinal);
    }
}
