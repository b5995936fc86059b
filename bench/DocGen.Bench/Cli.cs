namespace DocGen.Bench;

/// <summary>The few arguments the harness takes, and where the checkout (examples/, templates/) is.</summary>
internal static class Cli
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The first argument that is not an option (or a value of one), else the ningxia-gov-office-2023 example.</summary>
    public static string DataFile(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal)) { i++; continue; }
            return Path.GetFullPath(args[i]);
        }
        return Path.Combine(RepoRoot, "examples", "ningxia-gov-office-2023.json");
    }

    public static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out int v) || v < 1) throw new ArgumentException($"{name} needs a positive integer");
        return v;
    }

    public static string Required(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0 || i + 1 >= args.Length) throw new ArgumentException($"{name} is required");
        return args[i + 1];
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln"))) return dir.FullName;
        throw new ArgumentException("cannot find the checkout (DocGen.sln) above the program or the current folder");
    }
}
