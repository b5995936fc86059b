namespace DocGen.Docx;

/// <summary>
/// What Word records about a font in fontTable.xml when the font is installed: its English (alternate) name, PANOSE
/// classification, character set, family, pitch and Unicode/code-page signature (the font's OS/2 ulUnicodeRange and
/// ulCodePageRange). Word and WPS use these to pick the closest installed face when a named font is missing, so a
/// document written on a machine without the fonts still carries them. The values are those Word and WPS write for the
/// Windows faces (SimSun, SimHei, FangSong, KaiTi, Times New Roman) and for the GB2312-era and Founder faces.
/// </summary>
internal sealed record FontDescriptor(
    string? AltName, string Panose, string CharSet, string Family, string Pitch,
    string Usb0, string Usb1, string Usb2, string Usb3, string Csb0, string Csb1)
{
    /// <summary>charset 86 is GB2312 (Windows code page 936): the character set of every simplified-Chinese face here.</summary>
    public const string Gb2312 = "86";

    // The GB2312-era faces of the 1990s share one signature: CJK ideographs and the GB2312 code page only.
    private static readonly FontDescriptor Gb2312Era = new(null, "02010609030101010101", Gb2312, "modern", "fixed",
        "00000001", "080E0000", "00000000", "00000000", "00040000", "00000000");

    // SimHei, FangSong and KaiTi of current Windows come from one foundry and declare the same ranges.
    private static readonly FontDescriptor WindowsCjk = new(null, "02010609060101010101", Gb2312, "modern", "fixed",
        "800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000");

    private static readonly Dictionary<string, FontDescriptor> Known = new(StringComparer.Ordinal)
    {
        // The _GB2312 faces are not on current Windows; their altName is the Windows face of the same design.
        ["仿宋_GB2312"] = Gb2312Era with { AltName = "仿宋" },
        ["楷体_GB2312"] = Gb2312Era with { AltName = "楷体" },
        ["方正小标宋简体"] = new("FZXiaoBiaoSong-B05S", "03000509000000000000", Gb2312, "auto", "variable",
            "00000001", "080E0000", "00000000", "00000000", "00040000", "00000000"),
        ["黑体"] = WindowsCjk with { AltName = "SimHei" },
        ["仿宋"] = WindowsCjk with { AltName = "FangSong" },
        ["楷体"] = WindowsCjk with { AltName = "KaiTi" },
        ["宋体"] = new("SimSun", "02010600030101010101", Gb2312, "auto", "variable",
            "00000003", "288F0000", "00000016", "00000000", "00040001", "00000000"),
        ["Times New Roman"] = new(null, "02020603050405020304", "00", "roman", "variable",
            "E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000"),
    };

    /// <summary>The descriptor of a font Word knows; null for a name a style sheet invents (only its charset and family are written).</summary>
    public static FontDescriptor? For(string name) => Known.GetValueOrDefault(name);
}
