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
    /// Measures runs of text. Full-width characters of grid-snapped text occupy one grid cell (156 mm / 28) instead of their
    /// natural 1 em, so that 28 of them fill a line exactly.
    /// </summary>
    /// <param name="latinFirst">false to draw digits and Latin letters in the role's CJK face when it has them (page numbers)</param>
    public List<TextAtom> Atoms(IEnumerable<(string Text, string Role, bool Bold)> runs, double sizePt, double? gridPitch, Block source, string wholeText,
        bool latinFirst = true)
    {
        var atoms = new List<TextAtom>();
        foreach (var (text, roleKey, bold) in runs)
        {
            var role = Role(roleKey);
            bool b = bold || role.Role.SimulateBold;
            foreach (var rune in text.EnumerateRunes())
            {
                int cp = rune.Value;
                if (cp == '\t') cp = ' ';
                if (cp < 0x20 || cp is 0x200B or 0xFEFF) continue; // control characters and zero-width marks take no room
                var face = role.FaceFor(cp, latinFirst) ?? throw MissingGlyph(cp, role.Role, source, wholeText);
                double natural = face.AdvanceEm(cp) * sizePt;
                bool latin = role.Latin.Contains(face);
                double adv = natural;
                if (gridPitch is { } g && !latin && natural >= 0.9 * sizePt) adv = g * natural / sizePt;
                atoms.Add(new TextAtom(cp, cp == ' ' ? " " : rune.ToString(), face, sizePt, b, adv, natural) { IsLatin = latin });
            }
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
        return new Diagnostic(Severity.Error, "E-GLYPH-MISSING",
            $"字符「{ch}」（U+{cp:X4}）在字体角色「{role.Key}」（{role.EastAsiaName}）的所有字体中都没有字形（{fonts}）。位置：{where}；上下文：「{Around(wholeText, ch)}」",
            at.File, at.Line, at.Column, at.JsonPath)
        {
            MessageEn = $"no font of the role '{role.Key}' ({role.EastAsiaName}) has the character '{ch}' (U+{cp:X4}) ({fonts}). Place: {where}; context: '{Around(wholeText, ch)}'",
        };
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
