namespace DocGen.Tests.Docx;

/// <summary>Finds the repository (the folder holding DocGen.sln) and the shared spec folder beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string StyleSheet2021 => Path.Combine(Root, "templates", "gov-info-annual-2021", "styles.json");

    /// <summary>shared/spec, looked for from the repository root upwards (a worktree sits beside /work/shared).</summary>
    public static string? SharedSpec
    {
        get
        {
            for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "spec");
                if (Directory.Exists(candidate)) return candidate;
            }
            return null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("DocGen.sln not found above " + AppContext.BaseDirectory);
    }
}
