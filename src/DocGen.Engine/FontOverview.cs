using System.Text.Json.Serialization;
using DocGen.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Engine;

/// <summary>What the PDF will use for one font role, as `docgen fonts` prints it and its --json writes it.</summary>
/// <param name="File">The first usable CJK font (path#face), or null when the role cannot be rendered.</param>
/// <param name="Problem">The E-FONT-… message when the role cannot be used (<see cref="ProblemEn"/> in English).</param>
public sealed record FontRoleOverview(string Role, string OfficialName, string LatinName, string? File, string? LatinFile, string? Problem,
    IReadOnlyList<FontCandidateOverview> Candidates)
{
    [JsonIgnore]
    public string? ProblemEn { get; init; }
}

/// <summary>One candidate of a role's chain and what became of it.</summary>
/// <param name="Status">"found", "not found", or why a found file cannot be used (CFF2 outlines, damaged).</param>
/// <param name="Path">Where it was found.</param>
/// <param name="Match">Why a found file was taken: <see cref="ByFileName"/>, <see cref="FamilyNamePrefix"/> and the family, or <see cref="AsFallback"/>.</param>
public sealed record FontCandidateOverview(string File, int Face, bool Latin, string Status, string? Path, string? Match)
{
    public const string ByFileName = FontMatch.FileName;
    public const string AsFallback = FontMatch.Fallback;
    public const string FamilyNamePrefix = FontMatch.FamilyNamePrefix;
}

/// <summary>A character of a document that no font of its role's chain covers (it would print as an empty box).</summary>
public sealed record MissingCharacter(string Character, string CodePoint, string Role, string Where, string Context);

/// <summary>
/// What `docgen fonts` asks of the PDF writer's fonts, for the command line: which file serves each role of a style sheet, and
/// which characters of a document no font covers. The font folders are searched as a render with the same folders would.
/// </summary>
public sealed class FontOverview(IReadOnlyList<string> fontDirectories)
{
    private readonly FontSettings _settings = new(fontDirectories);

    public IReadOnlyList<FontRoleOverview> Describe(StyleSheet styles) =>
        FontReport.Describe(styles, _settings).Select(r => new FontRoleOverview(r.Role, r.OfficialName, r.LatinName, r.ChosenFile, r.ChosenLatinFile, r.Problem,
            r.Candidates.Select(c => new FontCandidateOverview(c.File, c.Face, c.IsLatin, c.Status, c.ResolvedPath, c.Match)).ToList())
        { ProblemEn = r.ProblemEn }).ToList();

    public IReadOnlyList<MissingCharacter> FindMissing(Document document) =>
        FontReport.FindMissing(document, _settings).Select(m => new MissingCharacter(m.Character, m.CodePointLabel, m.Role, m.Where, m.Context)).ToList();
}
