using DocGen.Model;

namespace DocGen.Docx;

/// <summary>The DOCX names of the official 仿宋/楷体 faces (<see cref="DocxOptions.FontNames"/>).</summary>
public enum DocxFontNames { Gb2312, Windows }

/// <summary>
/// What a template asks of the DOCX alone, read from its style sheet's "docx" section (<see cref="StyleSheet.WriterSettings"/>).
/// </summary>
/// <param name="FontNames">
/// Which names the DOCX gives the 仿宋 and 楷体 faces: the official 仿宋_GB2312/楷体_GB2312, or the 仿宋/楷体 that Windows ships,
/// for offices without the GB2312 fonts. styles.json: "docx": { "fontNames": "gb2312" | "windows" }.
/// </param>
public sealed record DocxOptions(DocxFontNames FontNames = DocxFontNames.Gb2312)
{
    /// <summary>The options a style sheet sets; the defaults where it says nothing.</summary>
    public static DocxOptions Of(StyleSheet styles) =>
        new(styles.WriterSettings.TryGetValue(StyleSheet.DocxFontNamesKey, out var names) && names == "windows" ? DocxFontNames.Windows : DocxFontNames.Gb2312);

    /// <summary>A style sheet that sets these options (for documents made in code, as the tests do).</summary>
    public StyleSheet ApplyTo(StyleSheet styles) =>
        styles with { WriterSettings = new Dictionary<string, string>(styles.WriterSettings) { [StyleSheet.DocxFontNamesKey] = FontNames == DocxFontNames.Windows ? "windows" : "gb2312" } };
}
