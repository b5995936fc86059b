namespace DocGen.Pdf.Fonts;

/// <summary>
/// Where the user's licensed fonts live. Bare file names of a role's font chain (仿宋_GB2312.ttf …) are searched in
/// these folders and in the folders of the DOCGEN_FONT_DIRS environment variable, separated as PATH is on the platform
/// (':' on Linux and macOS, ';' on Windows, where ':' follows every drive letter).
/// </summary>
public sealed record FontSettings(IReadOnlyList<string> FontDirectories)
{
    public static FontSettings Default { get; } = new FontSettings([]);

    /// <summary>The configured folders followed by those of DOCGEN_FONT_DIRS, without duplicates, in that order.</summary>
    public IReadOnlyList<string> AllDirectories()
    {
        var list = new List<string>();
        foreach (var d in FontDirectories) Add(d);
        foreach (var d in SplitFolderList(Environment.GetEnvironmentVariable("DOCGEN_FONT_DIRS"), Path.PathSeparator)) Add(d);
        return list;

        void Add(string d)
        {
            if (d.Length > 0 && !list.Contains(d, StringComparer.Ordinal)) list.Add(d);
        }
    }

    /// <summary>The folders of a PATH-like list, split on <paramref name="separator"/>, empty entries dropped.</summary>
    public static IReadOnlyList<string> SplitFolderList(string? value, char separator) =>
        (value ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
