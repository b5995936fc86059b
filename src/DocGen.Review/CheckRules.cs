using System.Text.RegularExpressions;
using DocGen.Templates;

namespace DocGen.Review;

/// <summary>
/// The 审读 rules of one format, read from templates/NAME/checks.json: phrase patterns that tie the text to the tables and to the
/// report year, the agency phrases, the content the format requires and the cells that continue from last year's report.
/// </summary>
public sealed record CheckRules(
    IReadOnlyList<PhraseRule> Numbers,
    IReadOnlyList<PhraseRule> Years,
    IReadOnlyList<AgencyRule> Agencies,
    IReadOnlyList<RequiredRule> Required,
    IReadOnlyList<ContinuityRule> PreviousYear,
    string File)
{
    public static CheckRules None { get; } = new([], [], [], [], [], "");

    /// <summary>Where the rule with this pattern is written (for a pattern that ran too long); null when no rule has it.</summary>
    public TemplatePosition? SourceOf(string pattern) =>
        Numbers.Concat(Years).Select(r => (r.Pattern, r.Source))
            .Concat(Agencies.Select(r => (r.Pattern, r.Source)))
            .Concat(Required.Select(r => (r.Pattern, r.Source)))
            .FirstOrDefault(r => r.Pattern.ToString() == pattern).Source;
}

/// <summary>
/// A phrase whose named number group must equal one of the expectations: "全年办理政府信息公开申请(?&lt;n&gt;\d+)件" against
/// applications.total.total. For a year phrase the group is "year" and the expectation an expression of <c>year</c>.
/// </summary>
public sealed record PhraseRule(string Name, string NameEn, Regex Pattern, string Group, IReadOnlyList<CellExpression> Expect,
    IReadOnlyList<string>? In, TemplatePosition Source);

/// <summary>
/// A phrase naming an agency (group "agency"). <see cref="SameName"/>: it must name the report's own agency (title, 现发布《…》);
/// otherwise it must lie in the same place (a contact office of the same 县, 市 or 自治区).
/// </summary>
public sealed record AgencyRule(string Name, string NameEn, Regex Pattern, bool SameName, IReadOnlyList<string>? In, TemplatePosition Source);

/// <summary>Content the format requires: some paragraph of <see cref="In"/> must match <see cref="Pattern"/>.</summary>
public sealed record RequiredRule(string Name, string NameEn, Regex Pattern, IReadOnlyList<string> In, string Suggestion, string SuggestionEn,
    TemplatePosition Source);

/// <summary>
/// A cell that continues from last year's report: <see cref="Cell"/> (this year) must equal <see cref="Expect"/>, an expression of
/// last year's cells (previous.…) and this year's. A column "*" applies the rule to every column both reports have.
/// </summary>
public sealed record ContinuityRule(string Id, string Name, string NameEn, CellExpression Cell, CellExpression Expect, bool Soft, TemplatePosition Source);
