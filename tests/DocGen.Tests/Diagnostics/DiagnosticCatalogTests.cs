using System.Text.RegularExpressions;
using DocGen.Model;
using DocGen.Tests.Cli;
using DocGen.Tests.Robustness;
using DocGen.Tests.Support;

namespace DocGen.Tests.Diagnostics;

/// <summary>
/// One catalog of diagnostics (src/DocGen.Model/DiagnosticCatalog.cs) that every diagnostic comes from, with Chinese
/// and English for every id, and the README's id table generated from it.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private const string CatalogFile = "src/DocGen.Model/DiagnosticCatalog.cs";
    private const string KindFile = "src/DocGen.Model/DiagnosticKind.cs";

    [Fact]
    public void Every_entry_has_a_unique_id_a_severity_an_exit_and_both_languages()
    {
        Assert.True(DiagnosticCatalog.All.Count >= 60, $"only {DiagnosticCatalog.All.Count} entries: the catalog's list lost some");
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(k => k.Id).Distinct().Count());
        foreach (var k in DiagnosticCatalog.All)
        {
            Assert.Matches(k.IsFamily ? @"^(W-)?[A-Z]+-?…$|^T…$" : @"^[EW]-[A-Z0-9]+(-[A-Z0-9]+)*$", k.Id);
            Assert.Equal(k.Id.StartsWith("W-", StringComparison.Ordinal) ? Severity.Warning : Severity.Error, k.Severity);
            Assert.True(k.Severity == Severity.Warning ? k.Failure is null : k.Failure is not null, $"{k.Id}: an error has a failure kind (its exit code), a warning none");
            Assert.True(HasChinese(k.MeaningZh), $"{k.Id}: no Chinese meaning");
            Assert.False(string.IsNullOrWhiteSpace(k.MeaningEn), $"{k.Id}: no English meaning");
            Assert.False(HasChinese(k.MeaningEn), $"{k.Id}: the English meaning is not English: {k.MeaningEn}");
        }
    }

    [Fact]
    public void All_holds_every_entry_field_once_in_the_order_of_the_file()
    {
        // The list is filled as the fields are initialised (no reflection, which the Native AOT executable cannot order by
        // metadata token); here, on the JIT runtime, reflection checks that no field was left out of it or added twice.
        var fields = typeof(DiagnosticCatalog).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticKind)).OrderBy(f => f.MetadataToken).Select(f => (DiagnosticKind)f.GetValue(null)!).ToList();
        Assert.Equal(fields.Select(k => k.Id), DiagnosticCatalog.All.Select(k => k.Id));
        Assert.All(fields.Zip(DiagnosticCatalog.All), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(FailureKind.Template, DiagnosticCatalog.LayoutRowTooTall.OtherFailure);
        Assert.True(DiagnosticCatalog.TableRule.IsFamily && DiagnosticCatalog.CheckContinuity.IsFamily && !DiagnosticCatalog.JsonSyntax.IsFamily);
    }

    [Fact]
    public void A_diagnostic_made_from_an_entry_has_its_id_severity_and_both_messages()
    {
        foreach (var k in DiagnosticCatalog.All.Where(k => !k.IsFamily))
        {
            var d = k.Create("中文", "English", "a.json", 2, 3, "x.y");
            Assert.Equal((k.Id, k.Severity, "中文", "English"), (d.Id, d.Severity, d.Message, d.MessageEn));
            Assert.EndsWith($"{k.Id}: English (JSON: x.y)", d.Format(english: true), StringComparison.Ordinal);
            if (k.Failure is { } f) Assert.Equal(f, k.Fail("中文", "English").Kind);
            else Assert.Throws<InvalidOperationException>(() => k.Fail("中文", "English"));
        }
        var rule = DiagnosticCatalog.Rule("T3-1", acknowledged: true, "中文", "English");
        Assert.Equal(("W-T3-1", Severity.Warning, true), (rule.Id, rule.Severity, rule.Acknowledged));
        Assert.Same(DiagnosticCatalog.TableRuleAcknowledged, DiagnosticCatalog.Find("W-T3-1"));
        Assert.Same(DiagnosticCatalog.TableRule, DiagnosticCatalog.Find("T4-1"));
        Assert.Same(DiagnosticCatalog.CheckContinuity, DiagnosticCatalog.Find("W-CHECK-CARRYOVER"));
        Assert.Same(DiagnosticCatalog.IoWrite, DiagnosticCatalog.Find("E-IO-WRITE"));
        Assert.Null(DiagnosticCatalog.Find("E-NO-SUCH-ID"));
    }

    /// <summary>An id written as a string literal ("E-IO-WRITE", "W-CHECK-" + …) or a Diagnostic made by hand anywhere in src/
    /// but the catalog would be a second home for it, and could lack its English text.</summary>
    [Fact]
    public void No_diagnostic_id_literal_or_hand_made_diagnostic_outside_the_catalog()
    {
        var found = new List<string>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
            if (relative is CatalogFile or KindFile) continue;
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal)) continue;
                if (IdLiteral().IsMatch(code) || HandMade().IsMatch(code))
                    found.Add($"{relative}({i + 1}): {code}");
            }
        }
        Assert.True(found.Count == 0, "diagnostic ids or diagnostics outside the catalog (use an entry of DiagnosticCatalog):\n" + string.Join("\n", found));
    }

    /// <summary>The README's exit-code and id tables are what `docgen diagnostics --update-readme` writes from ExitCodes and the catalog.</summary>
    [Fact]
    public void The_readme_exit_code_and_id_tables_are_generated()
    {
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        using var dir = new TempDir();
        File.WriteAllText(dir.File("README.md"), readme);
        var r = CliRunner.Run(dir.Path, "diagnostics", "--update-readme", "README.md");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.True(File.ReadAllText(dir.File("README.md")) == readme,
            "README.md's tables of exit codes or diagnostic ids differ from src/DocGen.Cli/ExitCodes.cs and src/DocGen.Model/DiagnosticCatalog.cs. " +
            "Regenerate them with scripts/update-readme-ids.sh (it runs `docgen diagnostics --update-readme README.md`) and commit the result.");
        Assert.Contains("| 2 | invalid data (validation failed) |", readme, StringComparison.Ordinal);
        Assert.Contains("| `E-IO-WRITE` | error | 5 |", readme, StringComparison.Ordinal);
    }

    /// <summary>Every failure kind has its own exit code, none of them success (0) or cancellation (130).</summary>
    [Fact]
    public void Every_failure_kind_has_its_own_exit_code()
    {
        var codes = Enum.GetValues<FailureKind>().Select(k => CliExitCodes.Of(k)).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.DoesNotContain(0, codes);
        Assert.DoesNotContain(130, codes);
        Assert.Equal(0, CliExitCodes.Of(null));
    }

    /// <summary>A README without the markers is a usage error, not a silently unchanged file.</summary>
    [Fact]
    public void Updating_a_readme_without_markers_is_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("README.md"), "# no tables\n");
        var r = CliRunner.Run(dir.Path, "diagnostics", "--update-readme", "README.md");
        Assert.True(r.ExitCode == 64, r.ToString());
        Assert.Equal("# no tables\n", File.ReadAllText(dir.File("README.md")));
    }

    /// <summary>The ids the README's prose and guarantees table promise exist: a renamed id cannot linger in the documentation.</summary>
    [Fact]
    public void Every_id_the_readme_names_is_in_the_catalog()
    {
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var unknown = ReadmeId().Matches(readme).Select(m => m.Groups[1].Value)
            .Where(id => !id.EndsWith('-') && DiagnosticCatalog.Find(id) is null).Distinct().ToList();
        Assert.True(unknown.Count == 0, "the README names ids the catalog does not have: " + string.Join(", ", unknown));
    }

    /// <summary>--lang en: every diagnostic the corpus of bad inputs produces has its own English message.</summary>
    [Theory]
    [MemberData(nameof(CorpusTests.Cases), MemberType = typeof(CorpusTests))]
    public void Every_corpus_diagnostic_has_an_english_message(string name)
    {
        var c = CorpusCase.Load(name);
        string input = c.CopyInput(DataFiles.TempDir());
        var result = Pipelines.Default.Build(input);
        foreach (var d in result.Diagnostics)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.MessageEn), $"no English for {d.Format()}");
            Assert.NotEqual(d.Message, d.MessageEn);
            Assert.Contains($" {d.Id}: {DisplayText.Escape(d.MessageEn!)}", d.Format(english: true), StringComparison.Ordinal);
        }
    }

    private static bool HasChinese(string s) => s.Any(ch => ch is >= '\u4e00' and <= '\u9fff');

    /// <summary>A string literal that is an id or an id's prefix ("E-IO-WRITE", "W-CHECK-"), or an interpolation starting with one.</summary>
    [GeneratedRegex(@"""[EW]-[A-Z0-9]+(-[A-Z0-9]+)*-?""|""[EW]-""|\$""[EW]-[A-Z0-9-]*\{")]
    private static partial Regex IdLiteral();

    [GeneratedRegex(@"new Diagnostic\(|new DocGenException\(""")]
    private static partial Regex HandMade();

    [GeneratedRegex(@"`((?:E|W)-[A-Z0-9]+(?:-[A-Z0-9]+)*-?)`")]
    private static partial Regex ReadmeId();
}
