using System.Text.RegularExpressions;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;
using DocGen.Templates;
using DocGen.Tests.Support;

namespace DocGen.Tests.Golden;

/// <summary>
/// The font files the golden pages are drawn with. A page's pixels depend on the font files, so the golden pages are made with
/// exactly the stand-ins of the style sheets from the Debian font packages scripts/ensure-deps.sh installs (what the README's test
/// command puts on a CI machine), never with an office font a developer happens to have installed: <see cref="Problems"/> names
/// any role drawn otherwise. The list of files with their package versions is kept beside the pages (Golden/fonts.txt), so a
/// font package update is named as such rather than showing up as changed pixels.
/// </summary>
internal static partial class GoldenFonts
{
    public static string ManifestPath => Path.Combine(GoldenPages.Folder, "fonts.txt");

    private static readonly Lazy<(string Manifest, IReadOnlyList<string> Problems)> Current = new(Inspect);

    /// <summary>One line a font file: path#face, Debian package, package version.</summary>
    public static string Manifest => Current.Value.Manifest;

    /// <summary>Roles drawn with something other than a stand-in from a package the README's command installs.</summary>
    public static IReadOnlyList<string> Problems => Current.Value.Problems;

    /// <summary>Why the fonts differ from those the golden pages were drawn with, or null when they are the same.</summary>
    public static string? DifferenceFromGolden()
    {
        string golden = File.Exists(ManifestPath) ? File.ReadAllText(ManifestPath) : "(none)\n";
        return golden == Manifest ? null
            : $"the golden pages were drawn with the fonts of {ManifestPath}:\n{golden}this machine draws with:\n{Manifest}";
    }

    private static (string, IReadOnlyList<string>) Inspect()
    {
        var problems = new List<string>();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var styles in Directory.EnumerateFiles(Repo.Templates, "styles.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var role in FontReport.Describe(StyleSheetLoader.Load(styles).Styles, FontSettings.Default))
                foreach (var (chosen, latin) in new[] { (role.ChosenFile, false), (role.ChosenLatinFile, true) })
                {
                    string where = $"{Path.GetRelativePath(Repo.Root, styles)} role {role.Role}{(latin ? " (Latin)" : "")}";
                    var candidate = role.Candidates.FirstOrDefault(c => c.IsLatin == latin && c.ResolvedPath is { } p && chosen is not null && chosen.StartsWith(p, StringComparison.Ordinal));
                    if (candidate is null) problems.Add($"{where}: no font ({role.Problem})");
                    else if (candidate.Match != FontMatch.Fallback) problems.Add($"{where}: drawn with {chosen} ({candidate.Match}), not with the style sheet's stand-in");
                    else files.Add(chosen!);
                }
        }
        var packages = OwningPackages(files.Select(f => f.Split('#')[0]).Distinct().ToList());
        var installed = ReadmeFontPackages();
        var lines = new List<string>();
        foreach (var file in files)
        {
            var (package, version) = packages.GetValueOrDefault(file.Split('#')[0], ("(no package)", ""));
            if (!installed.Contains(package)) problems.Add($"{file} comes from {package}, not from a font package scripts/ensure-deps.sh installs ({string.Join(' ', installed)})");
            lines.Add($"{file}\t{package}\t{version}");
        }
        return (string.Concat(lines.Select(l => l + "\n")), problems);
    }

    /// <summary>The Debian package and its version that installed each file (dpkg-query -S, then -W).</summary>
    private static Dictionary<string, (string Package, string Version)> OwningPackages(IReadOnlyList<string> paths)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        if (paths.Count == 0) return [];
        foreach (var line in ProcessRunner.Run("dpkg-query", ["-S", .. paths]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0) owners[line[(colon + 2)..]] = line[..colon];
        }
        var versions = ProcessRunner.RunOk("dpkg-query", ["-W", "-f=${Package}\t${Version}\n", .. owners.Values.Distinct()]).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1]);
        return owners.ToDictionary(o => o.Key, o => (o.Value, versions.GetValueOrDefault(o.Value, "")));
    }

    /// <summary>The font packages the README's command installs: the font_pkgs list of scripts/ensure-deps.sh.</summary>
    private static IReadOnlySet<string> ReadmeFontPackages()
    {
        string script = File.ReadAllText(Path.Combine(Repo.Root, "scripts", "ensure-deps.sh"));
        var list = FontPackageList().Match(script);
        Assert.True(list.Success, "scripts/ensure-deps.sh has no font_pkgs=(…) list");
        return list.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^font_pkgs=\(([^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex FontPackageList();
}
