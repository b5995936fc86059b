using System.Text;
using DocGen.Model;
using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Layout;

/// <summary>
/// The fonts of one document: resolves each role once (from the process-wide library) and turns text into
/// measured atoms. A character no font of the chain covers is an error, never a silent box.
/// </summary>
internal sealed class FontContext(StyleSheet styles, FontSettings settings)
{
    private readonly Dictionary<string, ResolvedRole> _roles = new(StringComparer.Ordinal);

    public StyleSheet Styles => styles;

    public ResolvedRole Role(string key)
    {
        if (!_roles.TryGetValue(key, out var r))
            _roles[key] = r = FontLibrary.Resolve(styles.Font(key), settings).Require();
        return r;
    }

    /// <summary>
    /// Measures runs of text as the DOCX's word processors do, so that both break lines at the same characters: text on the
    /// body grid is condensed like the DOCX's (<see cref="GridSqueeze"/>; 28 full-width characters fit, a 29th does not),
    /// except for the last character before a change between Chinese and Latin text, and a Chinese character next to a Latin
    /// letter or digit is followed by the style sheet's <see cref="StyleSheet.CjkLatinSpacingEm"/>. Text is composed (NFC)
    /// first, so an accent typed as a combining mark joins its letter.
    /// </summary>
    /// <param name="latinFirst">false to draw digits and Latin letters in the role's CJK face when it has them (page numbers)</param>
    public List<TextAtom> Atoms(IEnumerable<(string Text, string Role, bool Bold)> runs, double sizePt, double? gridPitch, Block source, string wholeText,
        bool latinFirst = true)
    {
        double condense = gridPitch is { } g0 ? GridSqueeze.CondensingPt(g0, styles.Page.CharsPerLine, sizePt) ?? 0 : 0;
        double gap = styles.CjkLatinSpacingEm * sizePt;
        // Sized from the whole text up front: growing a list of these wide structs was a tenth of a report's allocation.
        var atoms = new List<TextAtom>(wholeText.Length);
        foreach (var (raw, roleKey, bold) in runs)
        {
            var role = Role(roleKey);
            bool b = bold || role.Role.SimulateBold;
            string text = raw.IsNormalized() ? raw : raw.Normalize();
            foreach (var rune in text.EnumerateRunes())
            {
                int cp = rune.Value;
                if (cp == '\t') cp = ' ';
                if (LineBreakRules.IsInvisible(cp)) continue;
                var face = role.FaceFor(cp, latinFirst) ?? throw MissingGlyph(cp, role.Role, source, wholeText);
                double natural = face.AdvanceEm(cp) * sizePt;
                bool latin = role.Latin.Contains(face);
                if (LineBreakRules.IsCombiningMark(cp) && atoms.Count > 0)
                {
                    atoms.Add(new TextAtom(cp, RuneText.Of(rune), face, sizePt, b, 0, natural) { IsLatin = latin, IsMark = true });
                    continue;
                }
                double? cell = gridPitch is { } g && !latin && natural >= 0.9 * sizePt ? g * natural / sizePt : null;
                atoms.Add(new TextAtom(cp, cp == ' ' ? " " : RuneText.Of(rune), face, sizePt, b, natural + condense, natural) { IsLatin = latin, GridCell = cell });
            }
        }
        for (int i = 0; i + 1 < atoms.Count; i++)
        {
            int next = i + 1;
            while (next < atoms.Count && atoms[next].IsMark) next++;
            if (next >= atoms.Count || atoms[i].IsMark) continue;
            var (a, z) = (atoms[i], atoms[next]);
            double extra = a.IsLatin != z.IsLatin ? -condense : 0;   // word processors condense between the characters of a run only
            if (CjkLatinSpacing.Applies(a.CodePoint, z.CodePoint)) atoms[i] = a with { Advance = a.Advance + extra + gap, Gap = gap };
            else if (extra != 0) atoms[i] = a with { Advance = a.Advance + extra };
        }
        return atoms;
    }

    public static DocGenException MissingGlyph(int cp, FontRole role, Block source, string wholeText) =>
        new(FailureKind.Font, [MissingGlyphError(cp, role, source, wholeText)]);

    /// <summary>The E-GLYPH-MISSING diagnostic, at the data file's line and column when the text came from one.</summary>
    public static Diagnostic MissingGlyphError(int cp, FontRole role, Block source, string wholeText)
    {
        string ch = char.ConvertFromUtf32(cp);
        string where = source.Source.Description.Length > 0 ? source.Source.Description : "（未标注来源的段落）";
        string fonts = string.Join("、", role.PdfFonts.Select(f => System.IO.Path.GetFileName(f.File)));
        var at = source.Source;
        return DiagnosticCatalog.GlyphMissing.Create(
            $"字符「{ch}」（U+{cp:X4}）在字体角色「{role.Key}」（{role.EastAsiaName}）的所有字体中都没有字形（{fonts}）。位置：{where}；上下文：「{Around(wholeText, ch)}」",
            $"no font of the role '{role.Key}' ({role.EastAsiaName}) has the character '{ch}' (U+{cp:X4}) ({fonts}). Place: {where}; context: '{Around(wholeText, ch)}'",
            at.File, at.Line, at.Column, at.JsonPath);
    }

    /// <summary>About ten characters either side of the first occurrence, so a clerk can find the spot.</summary>
    public static string Around(string text, string ch)
    {
        int i = text.IndexOf(ch, StringComparison.Ordinal);
        if (i < 0) return text.Length <= 24 ? text : text[..24] + "…";
        int from = Math.Max(0, i - 10), to = Math.Min(text.Length, i + ch.Length + 10);
        if (from > 0 && char.IsLowSurrogate(text[from])) from--;
        if (to < text.Length && char.IsLowSurrogate(text[to])) to++;
        var sb = new StringBuilder();
        if (from > 0) sb.Append('…');
        sb.Append(text, from, to - from);
        if (to < text.Length) sb.Append('…');
        return sb.ToString();
    }
}
