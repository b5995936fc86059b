using DocumentFormat.OpenXml.Wordprocessing;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// fontTable.xml: declares every font the styles name, with the GB2312 character set. The *_GB2312 names of the
/// official fonts do not exist on current Windows, where the same faces are called 仿宋 and 楷体; w:altName lets Word
/// substitute them instead of falling back to a Latin font.
/// </summary>
internal static class FontTable
{
    private const string Gb2312CharSet = "86";
    private const string GbSuffix = "_GB2312";

    public static Fonts Build(M.StyleSheet sheet)
    {
        var eastAsia = new SortedSet<string>(StringComparer.Ordinal);
        var latin = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in sheet.Fonts.Values)
        {
            eastAsia.Add(role.EastAsiaName);
            latin.Add(role.LatinName);
        }
        latin.ExceptWith(eastAsia);

        var fonts = new Fonts();
        foreach (var name in eastAsia)
        {
            var font = new Font { Name = name };
            if (name.EndsWith(GbSuffix, StringComparison.Ordinal) && name.Length > GbSuffix.Length)
                font.AltName = new AltName { Val = name[..^GbSuffix.Length] };
            font.FontCharSet = new FontCharSet { Val = Gb2312CharSet };
            font.FontFamily = new FontFamily { Val = FontFamilyValues.Modern };
            font.Pitch = new Pitch { Val = FontPitchValues.Fixed };
            fonts.Append(font);
        }
        foreach (var name in latin)
        {
            fonts.Append(new Font
            {
                Name = name,
                FontCharSet = new FontCharSet { Val = "00" },
                FontFamily = new FontFamily { Val = FontFamilyValues.Roman },
                Pitch = new Pitch { Val = FontPitchValues.Variable },
            });
        }
        return fonts;
    }
}
