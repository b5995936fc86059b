using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocGen.Tests.Support;

namespace DocGen.Tests;

/// <summary>DocGen is MIT-licensed and says so everywhere; the README's table names every package the build uses.</summary>
public class LicenseTests
{
    [Fact]
    public void License_file_package_metadata_and_readme_say_mit()
    {
        string license = File.ReadAllText(Path.Combine(Repo.Root, "LICENSE"));
        Assert.StartsWith("MIT License", license, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) 2026 DocGen developers", license, StringComparison.Ordinal);
        var props = XDocument.Load(Path.Combine(Repo.Root, "Directory.Build.props"));
        Assert.Equal("MIT", props.Descendants("PackageLicenseExpression").Single().Value);
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        Assert.Contains("MIT (see `LICENSE`)", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_lists_every_package_with_a_permissive_licence()
    {
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        string section = readme[readme.IndexOf("## License", StringComparison.Ordinal)..];
        var rows = Regex.Matches(section, @"^\| ([^|]+) \| [^|]+ \| ([^|]+) \|$", RegexOptions.Multiline)
            .SelectMany(m => m.Groups[1].Value.Split(',').Select(n => (Name: n.Trim(), Licence: m.Groups[2].Value.Trim())))
            .ToDictionary(r => r.Name, r => r.Licence);
        var packages = XDocument.Load(Path.Combine(Repo.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Select(p => p.Attribute("Include")!.Value).ToList();
        Assert.NotEmpty(packages);
        Assert.DoesNotContain("PDFsharp", packages);
        Assert.All(packages, p =>
        {
            Assert.True(rows.TryGetValue(p, out var licence), $"{p} is not in the README's License table");
            Assert.Matches(@"^(MIT|Apache-2\.0|BSD-[23]-Clause)$", licence);
        });
    }
}
