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

    public static byte[] Build(M.StyleSheet sheet) => WordXml.Part(xml =>
    {
        var eastAsia = new SortedSet<string>(StringComparer.Ordinal);
        var latin = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in sheet.Fonts.Values)
        {
            eastAsia.Add(EastAsiaName(sheet, role));
            latin.Add(role.LatinName);
        }
        latin.ExceptWith(eastAsia);

        xml.Start("fonts");
        foreach (var name in eastAsia)
            Font(xml, name, FontDescriptor.For(name) ?? new FontDescriptor(null, "", FontDescriptor.Gb2312, "auto", "variable", "", "", "", "", "", ""));
        foreach (var name in latin)
            Font(xml, name, FontDescriptor.For(name) ?? new FontDescriptor(null, "", "00", "roman", "variable", "", "", "", "", "", ""));
        xml.End();
    });

    private static void Font(WordXml xml, string name, FontDescriptor d)
    {
        xml.Start("font");
        xml.Attribute("name", name);
        if (d.AltName is { } alt) xml.Empty("altName", "val", alt);
        if (d.Panose.Length > 0) xml.Empty("panose1", "val", d.Panose);
        xml.Empty("charset", "val", d.CharSet);
        xml.Empty("family", "val", d.Family is "modern" or "roman" or "swiss" ? d.Family : "auto");
        xml.Empty("pitch", "val", d.Pitch == "fixed" ? "fixed" : "variable");
        if (d.Usb0.Length > 0)
        {
            xml.Start("sig");
            xml.Attribute("usb0", d.Usb0);
            xml.Attribute("usb1", d.Usb1);
            xml.Attribute("usb2", d.Usb2);
            xml.Attribute("usb3", d.Usb3);
            xml.Attribute("csb0", d.Csb0);
            xml.Attribute("csb1", d.Csb1);
            xml.End();
        }
        xml.End();
    }
}
