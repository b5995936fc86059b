using System.Text.RegularExpressions;
using DocGen.Data;
using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Review;

/// <summary>
/// The 审读 of a bound, valid report: what a careful reader (an evaluator of the published reports) checks beyond the tables'
/// arithmetic. Every finding is a warning W-CHECK-… at the line and column of the text it concerns; nothing here stops a report.
/// </summary>
public static class ReportChecker
{
    /// <summary>
    /// The findings on <paramref name="report"/>, with last year's report for the checks across years. Throws
    /// <see cref="DocGenException"/> (E-TEMPLATE-CHECKS, exit 3) when the template's checks.json is broken.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Check(BoundReport report, BoundReport? previous = null)
    {
        if (report.HasErrors) return [];
        var rules = CheckRulesLoader.For(report.Template);
        var text = new ReportText(report);
        var places = report.Template.Narrative.ToDictionary(kv => kv.Key, kv => kv.Value);
        places["title"] = "标题";
        places["title.agencyLine"] = "标题上方的机关全称";
        var findings = new List<Diagnostic>();
        try
        {
            findings.AddRange(NarrativeChecks.Numbers(text, rules));
            findings.AddRange(NarrativeChecks.Years(text, rules));
            findings.AddRange(NarrativeChecks.Agencies(text, rules));
            findings.AddRange(NarrativeChecks.Required(text, rules, places));
        }
        catch (RegexMatchTimeoutException e)
        {
            var at = rules.SourceOf(e.Pattern);
            throw TemplatePattern.TooSlow(e, at ?? new TemplatePosition(report.Template.ChecksFile ?? "checks.json", 0, 0));
        }
        findings.AddRange(TextChecks.Numbering(text));
        findings.AddRange(TextChecks.Typography(text));
        findings.AddRange(TextChecks.Duplicates(text));
        if (previous is not null && !previous.HasErrors) findings.AddRange(PreviousYearChecks.Check(report, previous, rules));
        return findings.OrderBy(d => d.File == report.File ? 0 : 1).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
    }
}
