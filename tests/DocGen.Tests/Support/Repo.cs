namespace DocGen.Tests.Support;

/// <summary>Paths inside the checkout, found by walking up from the test binaries to the folder holding DocGen.sln.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");
    public static string Examples => Path.Combine(Root, "examples");
    public static string Example(string name) => Path.Combine(Examples, name + ".json");

    /// <summary>../shared beside the checkout (reference reports and specs).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string SharedSpec => Path.Combine(Shared, "spec");
    public static string StyleSheet(string template) => Path.Combine(Templates, template, "styles.json");
    public static string ReferenceReport(string name) => Path.Combine(Shared, "reference-reports", name + ".txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DocGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("DocGen.sln not found above " + AppContext.BaseDirectory);
    }
}
