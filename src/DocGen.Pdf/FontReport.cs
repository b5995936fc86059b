using DocGen.Model;
using DocGen.Pdf.Fonts;
using DocGen.Pdf.Layout;

namespace DocGen.Pdf;

/// <summary>One candidate of a role's chain: where it was looked for and what was found.</summary>
/// <param name="Status">"found", "not found", or why a found file cannot be used (CFF2 outlines, damaged).</param>
/// <param name="Match">Why a found file was taken: "file name", "family name: …" (found by its name table) or "fallback" (a stand-in by full path).</param>
public sealed record FontCandidateReport(string File, int Face, bool IsLatin, IReadOnlyList<string> TriedPaths, string? ResolvedPath, string Status, string? Match = null);

/// <summary>What the PDF will use for one font role (`docgen fonts`).</summary>
/// <param name="ChosenFile">The first usable CJK font (path#face), or null when the role cannot be rendered.</param>
/// <param name="Problem">The E-FONT-* message when the role cannot be used (<paramref name="ProblemEn"/> in English).</param>
public sealed record FontRoleReport(string Role, string OfficialName, string LatinName, IReadOnlyList<FontCandidateReport> Candidates,
    string? ChosenFile, string? ChosenLatinFile, string? Problem, string? ProblemEn = null);

/// <summary>A character no font of its role's chain covers.</summary>
public sealed record MissingGlyph(string Character, int CodePoint, string Role, string Where, string Context)
{
    public string CodePointLabel => $"U+{CodePoint:X4}";
}

public static class FontReport
{
    public static IReadOnlyList<FontRoleReport> Describe(StyleSheet s, FontSettings f)
    {
        var list = new List<FontRoleReport>();
        foreach (var key in s.Fonts.Keys.Order(StringComparer.Ordinal))
        {
            var role = s.Fonts[key];
            var r = FontLibrary.Resolve(role, f);
            string? problem = null, problemEn = null;
            try { r.Require(); }
            catch (DocGenException e) { problem = $"{e.Id}: {e.Diagnostics[0].Message}"; problemEn = $"{e.Id}: {e.Diagnostics[0].MessageEn}"; }
            var candidates = r.Attempts.Select(a => new FontCandidateReport(a.Candidate.File, a.Candidate.Face, a.IsLatin, a.TriedPaths, a.FoundPath,
                a.Error ?? (a.FoundPath is null ? "not found" : "found"), a.Match)).ToList();
            list.Add(new FontRoleReport(key, role.EastAsiaName, role.LatinName, candidates,
                r.Cjk.Count > 0 ? Name(r.Cjk[0]) : null, r.Latin.Count > 0 ? Name(r.Latin[0]) : null, problem, problemEn));
        }
        return list;

        static string Name(FontFace face) => face.Path.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) ? $"{face.Path}#{face.Face}" : face.Path;
    }

    /// <summary>Every character of the document that no font of its role covers, once per character and place. Throws E-FONT-* when a role has no usable font.</summary>
    public static IReadOnlyList<MissingGlyph> FindMissing(Document doc, FontSettings f) =>
        Walk(doc, f).Select(m => new MissingGlyph(char.ConvertFromUtf32(m.CodePoint), m.CodePoint, m.Role.Key, m.Where.Source.Description,
            FontContext.Around(m.Context, char.ConvertFromUtf32(m.CodePoint)))).ToList();

    /// <summary>
    /// The same as E-GLYPH-MISSING errors, each at its place in the data file: render and validate report every such character
    /// at once (the layout stops at the first).
    /// </summary>
    public static IReadOnlyList<Diagnostic> MissingGlyphErrors(Document doc, FontSettings f) =>
        Walk(doc, f).Select(m => FontContext.MissingGlyphError(m.CodePoint, m.Role, m.Where, m.Context)).ToList();

    private static List<(int CodePoint, FontRole Role, Block Where, string Context)> Walk(Document doc, FontSettings f)
    {
        var fonts = new FontContext(doc.Styles, f);
        var found = new List<(int, FontRole, Block, string)>();
        var seen = new HashSet<(int, string)>();
        foreach (var block in doc.Blocks)
        {
            if (block is Paragraph p)
            {
                var style = doc.Styles.Paragraph(p.Style);
                foreach (var i in p.Inlines)
                {
                    string role = i.CharacterStyle is { } cs ? doc.Styles.Character(cs).FontRole ?? style.FontRole : style.FontRole;
                    Check(i.Text, role, block, p.PlainText);
                }
            }
            else if (block is Table t)
            {
                foreach (var row in t.Rows)
                    foreach (var cell in row.Cells)
                        Check(cell.Text, doc.Styles.Paragraph(cell.Style ?? t.Style).FontRole, cell.Source is { } at ? new PageBreak { Source = at } : block, cell.Text);
            }
        }
        var pn = doc.Styles.Page.PageNumber;
        Check(string.Format(System.Globalization.CultureInfo.InvariantCulture, pn.Format, 1234567890), pn.FontRole,
            new PageBreak { Source = new SourceRef("页码格式（styles.json page.pageNumber.format）") }, pn.Format);
        return found;

        void Check(string text, string roleKey, Block where, string context)
        {
            var role = fonts.Role(roleKey);
            foreach (var rune in text.EnumerateRunes())
            {
                int cp = rune.Value;
                if (LineBreakRules.IsInvisible(cp) || role.FaceFor(cp == '\t' ? ' ' : cp) is not null) continue;
                if (!seen.Add((cp, where.Source.Description))) continue;
                found.Add((cp, role.Role, where, context));
            }
        }
    }
}
