using DocumentFormat.OpenXml.Wordprocessing;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// fontTable.xml: declares every font the styles name, with what Word itself records for it (<see cref="FontDescriptor"/>).
/// The *_GB2312 names of the official fonts do not exist on current Windows, where the same designs are called 仿宋 and
/// 楷体; w:altName and the signature let Word and WPS substitute them instead of falling back to a Latin font.
/// </summary>
internal static class FontTable
{
    private const string GbSuffix = "_GB2312";

    /// <summary>
    /// The East Asian font name written into the DOCX: the style sheet's official name, or with "docx": {"fontNames":
    /// "windows"} the name of the face Windows ships (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体) for offices without the GB2312 fonts.
    /// </summary>
    public static string EastAsiaName(M.StyleSheet sheet, M.FontRole role)
    {
        string name = role.EastAsiaName;
        return DocxOptions.Of(sheet).FontNames == DocxFontNames.Windows && name.EndsWith(GbSuffix, StringComparison.Ordinal) && name.Length > GbSuffix.Length
            ? name[..^GbSuffix.Length]
            : name;
    }

    public static Fonts Build(M.StyleSheet sheet)
    {
        var eastAsia = new SortedSet<string>(StringComparer.Ordinal);
        var latin = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in sheet.Fonts.Values)
        {
            eastAsia.Add(EastAsiaName(sheet, role));
            latin.Add(role.LatinName);
        }
        latin.ExceptWith(eastAsia);

        var fonts = new Fonts();
        foreach (var name in eastAsia)
            fonts.Append(Font(name, FontDescriptor.For(name) ?? new FontDescriptor(null, "", FontDescriptor.Gb2312, "auto", "variable", "", "", "", "", "", "")));
        foreach (var name in latin)
            fonts.Append(Font(name, FontDescriptor.For(name) ?? new FontDescriptor(null, "", "00", "roman", "variable", "", "", "", "", "", "")));
        return fonts;
    }

    private static Font Font(string name, FontDescriptor d)
    {
        var font = new Font { Name = name };
        if (d.AltName is { } alt) font.AltName = new AltName { Val = alt };
        if (d.Panose.Length > 0) font.Panose1Number = new Panose1Number { Val = d.Panose };
        font.FontCharSet = new FontCharSet { Val = d.CharSet };
        font.FontFamily = new FontFamily
        {
            Val = d.Family switch
            {
                "modern" => FontFamilyValues.Modern,
                "roman" => FontFamilyValues.Roman,
                "swiss" => FontFamilyValues.Swiss,
                _ => FontFamilyValues.Auto,
            }
        };
        font.Pitch = new Pitch { Val = d.Pitch == "fixed" ? FontPitchValues.Fixed : FontPitchValues.Variable };
        if (d.Usb0.Length > 0)
            font.FontSignature = new FontSignature
            {
                UnicodeSignature0 = d.Usb0,
                UnicodeSignature1 = d.Usb1,
                UnicodeSignature2 = d.Usb2,
                UnicodeSignature3 = d.Usb3,
                CodePageSignature0 = d.Csb0,
                CodePageSignature1 = d.Csb1,
            };
        return font;
    }
}
