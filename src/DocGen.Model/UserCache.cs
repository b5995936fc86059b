namespace DocGen.Model;

/// <summary>The per-user folder for what DocGen can rebuild at any time (the font-name index, the extracted built-in templates):
/// $XDG_CACHE_HOME/docgen, else %LOCALAPPDATA%\docgen on Windows, else ~/.cache/docgen (the XDG base-directory default).</summary>
public static class UserCache
{
    public static string Folder()
    {
        string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } x ? x
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "docgen");
    }
}
