namespace DocGen.Pdf.Fonts;

/// <summary>
/// Where the user's licensed fonts live. Bare file names of a role's font chain (仿宋_GB2312.ttf …) are searched in
/// these folders and in the ':'-separated folders of the DOCGEN_FONT_DIRS environment variable.
/// </summary>
public sealed record FontSettings(IReadOnlyList<string> FontDirectories)
{
    public static FontSettings Default { get; } = new FontSettings([]);

    /// <summary>The configured folders followed by those of DOCGEN_FONT_DIRS, without duplicates, in that order.</summary>
    public IReadOnlyList<string> AllDirectories()
    {
        var list = new List<string>();
        foreach (var d in FontDirectories) Add(d);
        foreach (var d in (Environment.GetEnvironmentVariable("DOCGEN_FONT_DIRS") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Add(d);
        return list;

        void Add(string d)
        {
            if (d.Length > 0 && !list.Contains(d, StringComparer.Ordinal)) list.Add(d);
        }
    }
}
