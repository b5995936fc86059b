using DocGen.Engine;
using DocGen.Tests.Cli;
using DocGen.Tests.Support;

namespace DocGen.Tests.Publish;

/// <summary>
/// The templates compiled into the program (what the published executable uses, having no templates folder beside it),
/// checked on the ordinary build: extracted whole, byte for byte, safely when several processes start at once.
/// </summary>
public sealed class EmbeddedTemplatesTests
{
    [Fact]
    public void Extracted_templates_are_the_checkouts_templates_byte_for_byte()
    {
        using var cache = new TempDir();
        string folder = EmbeddedTemplates.Folder(cache.Path)!;
        var expected = Directory.EnumerateFiles(Repo.Templates, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Templates, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var actual = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        foreach (var file in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(Repo.Templates, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folder, file))), file);
        Assert.Equal(new TemplateLocator(Repo.Templates).Names(), new TemplateLocator(folder).Names());
    }

    [Fact]
    public void Concurrent_extractions_agree_on_one_whole_folder_and_leave_no_staging_folder()
    {
        using var cache = new TempDir();
        using var start = new Barrier(8);
        var folders = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(_ => { start.SignalAndWait(); return EmbeddedTemplates.Folder(cache.Path); }).ToList();
        Assert.Single(folders.Distinct());
        Assert.Equal([Path.GetFileName(folders[0])!], Directory.EnumerateFileSystemEntries(cache.Path).Select(Path.GetFileName));
        Assert.Equal(EmbeddedTemplates.Files().Count, Directory.EnumerateFiles(folders[0]!, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void A_second_run_reuses_the_extracted_folder_without_writing()
    {
        using var cache = new TempDir();
        string first = EmbeddedTemplates.Folder(cache.Path)!;
        var marker = Path.Combine(first, "kept.txt");
        File.WriteAllText(marker, "x");
        Assert.Equal(first, EmbeddedTemplates.Folder(cache.Path));
        Assert.True(File.Exists(marker));
    }

    [Fact]
    public void Cli_without_a_templates_folder_renders_from_its_built_in_templates()
    {
        // Run from a folder with no templates/ above it, with no DOCGEN_TEMPLATES and a copy of the program without the
        // templates folder the build puts beside it: the only templates left are the ones compiled in.
        using var dir = new TempDir();
        string program = Path.Combine(dir.Path, "program");
        CopyProgram(Path.GetDirectoryName(CliRunner.Dll)!, program);
        string work = Path.Combine(dir.Path, "work");
        Directory.CreateDirectory(work);
        File.Copy(Repo.Example("pingluo-county-2023"), Path.Combine(work, "data.json"));
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(program, "docgen.dll"), "templates", "--json" }) psi.ArgumentList.Add(a);
        psi.Environment.Remove("DOCGEN_TEMPLATES");
        psi.Environment["XDG_CACHE_HOME"] = Path.Combine(dir.Path, "cache");
        using var p = System.Diagnostics.Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd(), stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stdout + stderr);
        Assert.Contains(Path.Combine(dir.Path, "cache", "docgen", "templates-"), stdout);
        Assert.Contains("gov-info-annual-2021", stdout);
    }

    private static void CopyProgram(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("templates" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
