using System.Text.RegularExpressions;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// The folders where the operating system keeps installed fonts, searched after the user's font folders: on Linux the
/// &lt;dir&gt; entries of fontconfig's configuration (what fc-list lists), on Windows the system and the per-user Fonts folder,
/// on macOS the system, local and user Library/Fonts.
/// </summary>
internal static partial class SystemFontFolders
{
    private static readonly Lazy<IReadOnlyList<string>> Folders = new(Find);

    public static IReadOnlyList<string> All => Folders.Value;

    /// <summary>
    /// Whether a file lies in a system-wide font folder (/usr/share/fonts …), where only the package manager or an administrator
    /// writes, by renaming a new file into place; the per-user folders of the list (~/.fonts, ~/.local/share/fonts) do not count.
    /// </summary>
    public static bool IsSystemWide(string path)
    {
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        string full = Path.GetFullPath(path);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        foreach (var folder in All)
        {
            string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
            if (home.Length > 0 && root.StartsWith(Path.TrimEndingDirectorySeparator(home) + Path.DirectorySeparatorChar, comparison)) continue;
            if (OperatingSystem.IsWindows() && Environment.GetEnvironmentVariable("LOCALAPPDATA") is { Length: > 0 } local && root.StartsWith(local, comparison)) continue;
            if (full.StartsWith(root, comparison)) return true;
        }
        return false;
    }

    private static List<string> Find()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var list = new List<string>();
        if (OperatingSystem.IsWindows())
        {
            list.Add(Path.Combine(Environment.GetEnvironmentVariable("WINDIR") ?? @"C:\Windows", "Fonts"));
            if (Environment.GetEnvironmentVariable("LOCALAPPDATA") is { Length: > 0 } local)
                list.Add(Path.Combine(local, "Microsoft", "Windows", "Fonts"));
        }
        else if (OperatingSystem.IsMacOS())
            list.AddRange(["/Library/Fonts", "/System/Library/Fonts", Path.Combine(home, "Library", "Fonts")]);
        else
            list.AddRange(FontconfigFolders(home));
        return list.Distinct(StringComparer.Ordinal).Where(Directory.Exists).ToList();
    }

    /// <summary>The &lt;dir&gt; entries of /etc/fonts/fonts.conf and conf.d (prefix="xdg" is under XDG_DATA_HOME, ~ is the home folder).</summary>
    private static IEnumerable<string> FontconfigFolders(string home)
    {
        var files = new List<string> { "/etc/fonts/fonts.conf" };
        try
        {
            if (Directory.Exists("/etc/fonts/conf.d")) files.AddRange(Directory.EnumerateFiles("/etc/fonts/conf.d", "*.conf").Order(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        string xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        var found = new List<string>();
        foreach (var file in files)
        {
            // Most of the 60-odd files configure rendering and name no folder: only those with a <dir are decoded and searched.
            byte[] bytes;
            try { bytes = File.ReadAllBytes(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (bytes.AsSpan().IndexOf("<dir"u8) < 0) continue;
            string text = System.Text.Encoding.UTF8.GetString(bytes);
            foreach (Match m in DirElement().Matches(text))
            {
                string dir = m.Groups[2].Value.Trim();
                if (m.Groups[1].Value == "xdg") dir = Path.Combine(xdg, dir);
                else if (dir.StartsWith('~')) dir = home + dir[1..];
                if (Path.IsPathRooted(dir)) found.Add(dir);
            }
        }
        return found.Count > 0 ? found : ["/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(xdg, "fonts"), Path.Combine(home, ".fonts")];
    }

    [GeneratedRegex("<dir(?:\\s+prefix=\"(\\w+)\")?[^>]*>([^<]+)</dir>")]
    private static partial Regex DirElement();
}
