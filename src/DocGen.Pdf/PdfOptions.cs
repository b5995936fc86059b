using DocGen.Model;

namespace DocGen.Pdf;

/// <summary>
/// What a template asks of the PDF alone, read from its style sheet's "pdf" section (<see cref="StyleSheet.WriterSettings"/>).
/// </summary>
/// <param name="FontHinting">
/// Keep the fonts' hinting (TrueType instructions, CFF stem hints). Hints only sharpen text drawn at a few pixels per em on
/// screen; printing and zoomed viewing do not use them, and they are a sixth of a CFF body font's weight.
/// styles.json: "pdf": { "fontHinting": false }.
/// </param>
public sealed record PdfOptions(bool FontHinting = true)
{
    /// <summary>The options a style sheet sets; the defaults where it says nothing.</summary>
    public static PdfOptions Of(StyleSheet styles) =>
        new(!styles.WriterSettings.TryGetValue(StyleSheet.PdfFontHintingKey, out var hinting) || hinting != "false");

    /// <summary>A style sheet that sets these options (for documents made in code, as the tests do).</summary>
    public StyleSheet ApplyTo(StyleSheet styles) =>
        styles with { WriterSettings = new Dictionary<string, string>(styles.WriterSettings) { [StyleSheet.PdfFontHintingKey] = FontHinting ? "true" : "false" } };
}
