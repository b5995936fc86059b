using System.Text;
using DocGen.Tests.Cli;
using DocGen.Tests.Support;

namespace DocGen.Tests.Publish;

/// <summary>
/// The executables of scripts/publish.sh. Publishing takes minutes of CPU per runtime, so each test runs when
/// DOCGEN_PUBLISHED names a folder it wrote holding that runtime: scripts/test.sh publishes linux-x64 (the Native AOT
/// executable, where reflection the JIT allows can fail) for every run, scripts/test-publish.sh all three runtimes.
/// </summary>
public sealed class PublishedExecutableTests
{
    private static string Published => Environment.GetEnvironmentVariable("DOCGEN_PUBLISHED")!;

    [PublishedFact("linux-x64")]
    public void Linux_x64_executable_without_dotnet_renders_every_example_byte_identical_to_the_plain_build()
    {
        using var dir = new TempDir();
        var plain = CliRunner.Run(dir.Path, "render", Repo.Examples, "-o", dir.File("plain"));
        Assert.True(plain.ExitCode == 0, plain.ToString());

        var published = RunWithoutDotnet(dir, "render", Repo.Examples, "-o", dir.File("published"));
        Assert.True(published.Code == 0, published.Output);
        var expected = Directory.GetFiles(dir.File("plain")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(8, expected.Count);
        Assert.Equal(expected, Directory.GetFiles(dir.File("published")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var name in expected)
            Assert.True(File.ReadAllBytes(Path.Combine(dir.File("plain"), name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir.File("published"), name!))),
                $"{name} differs between the plain build and the published executable");
    }

    [PublishedFact("linux-x64")]
    public void Linux_x64_executable_validates_checks_and_reports_json_as_the_plain_build_does()
    {
        using var dir = new TempDir();
        foreach (var args in new[] { new[] { "validate", Repo.Examples, "--json" }, ["check", Repo.Examples, "--json"], ["templates", "--json"] })
        {
            var plain = CliRunner.Run(dir.Path, args);
            var published = RunWithoutDotnet(dir, args);
            Assert.Equal(plain.ExitCode, published.Code);
            // Timings differ from run to run, and the templates folder (the checkout's or the extracted one) is named.
            Assert.Equal(Normalise(plain.Stdout), Normalise(published.Stdout.Replace(published.Templates, Repo.Templates)));
        }
    }

    [PublishedFact("linux-x64")]
    public void Two_first_runs_at_once_share_one_extracted_templates_folder()
    {
        using var dir = new TempDir();
        var runs = Enumerable.Range(0, 2).AsParallel().WithDegreeOfParallelism(2)
            .Select(i => RunWithoutDotnet(dir, "validate", Repo.Example("pingluo-county-2023"))).ToList();
        Assert.All(runs, r => Assert.True(r.Code == 0, r.Output));
        var cache = Path.Combine(dir.Path, "home", ".cache", "docgen");
        Assert.Single(Directory.EnumerateDirectories(cache));
    }

    [PublishedFact("win-x64")]
    public void Win_x64_executable_is_a_pe32_plus_file_carrying_the_templates()
    {
        byte[] exe = File.ReadAllBytes(Path.Combine(Published, "win-x64", "docgen.exe"));
        Assert.Equal((byte)'M', exe[0]);
        Assert.Equal((byte)'Z', exe[1]);
        int pe = BitConverter.ToInt32(exe, 0x3C);
        Assert.Equal("PE\0\0", Encoding.ASCII.GetString(exe, pe, 4));
        Assert.Equal(0x8664, BitConverter.ToUInt16(exe, pe + 4));      // IMAGE_FILE_MACHINE_AMD64
        Assert.Equal(0x20B, BitConverter.ToUInt16(exe, pe + 24));      // optional header magic: PE32+
        AssertCarriesTemplates(exe);
    }

    [PublishedFact("linux-arm64")]
    public void Linux_arm64_executable_is_an_aarch64_elf_file_carrying_the_templates()
    {
        byte[] exe = File.ReadAllBytes(Path.Combine(Published, "linux-arm64", "docgen"));
        Assert.Equal("\u007fELF", Encoding.ASCII.GetString(exe, 0, 4));
        Assert.Equal(2, exe[4]);                                       // ELFCLASS64
        Assert.Equal(0xB7, BitConverter.ToUInt16(exe, 18));            // EM_AARCH64
        AssertCarriesTemplates(exe);
    }

    /// <summary>Every template file's bytes are inside the executable (resources are stored uncompressed).</summary>
    private static void AssertCarriesTemplates(byte[] exe)
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Templates, "*", SearchOption.AllDirectories))
            Assert.True(exe.AsSpan().IndexOf(File.ReadAllBytes(file)) >= 0, $"{Path.GetRelativePath(Repo.Root, file)} is not inside the executable");
    }

    private static string Normalise(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"elapsedMs\": [0-9]+", "\"elapsedMs\": 0");

    private sealed record Result(int Code, string Stdout, string Stderr, string Templates)
    {
        public string Output => $"exit {Code}\n{Stdout}\n{Stderr}";
    }

    /// <summary>
    /// Runs the linux-x64 executable as on a machine without .NET: from an empty folder (no templates/ above it), an empty HOME,
    /// a PATH without dotnet, no DOTNET_* variables; as root, also in a mount namespace where /usr/share/dotnet is an empty folder.
    /// </summary>
    private static Result RunWithoutDotnet(TempDir dir, params string[] args)
    {
        string exe = Path.Combine(Published, "linux-x64", "docgen");
        string home = Path.Combine(dir.Path, "home"), work = Path.Combine(dir.Path, "work"), bin = Path.Combine(dir.Path, "bin");
        foreach (var d in new[] { home, work, bin }) Directory.CreateDirectory(d);
        bool hide = Environment.UserName == "root" && File.Exists("/usr/bin/unshare") && Directory.Exists("/usr/share/dotnet");
        var psi = hide
            ? ProcessRunner.Info("/usr/bin/unshare", ["--mount", "/bin/sh", "-c", "/bin/mount -t tmpfs none /usr/share/dotnet && exec \"$0\" \"$@\"", exe, .. args])
            : ProcessRunner.Info(exe, args);
        psi.WorkingDirectory = work;
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.StartsWith("DOCGEN_", StringComparison.Ordinal) || k == "XDG_CACHE_HOME").ToList())
            psi.Environment.Remove(key);
        psi.Environment["HOME"] = home;
        psi.Environment["PATH"] = bin;
        var r = ProcessRunner.Run(psi);
        string cache = Path.Combine(home, ".cache", "docgen");
        string templates = Directory.Exists(cache) ? Directory.EnumerateDirectories(cache, "templates-*").FirstOrDefault() ?? "" : "";
        return new Result(r.ExitCode, r.Stdout, r.Stderr, templates);
    }
}

/// <summary>
/// A test of one runtime's published executable: skipped unless DOCGEN_PUBLISHED names a folder of scripts/publish.sh that
/// holds that runtime.
/// </summary>
public sealed class PublishedFactAttribute : FactAttribute
{
    public PublishedFactAttribute(string runtime)
    {
        string? folder = Environment.GetEnvironmentVariable("DOCGEN_PUBLISHED");
        if (folder is not { Length: > 0 } || !Directory.Exists(Path.Combine(folder, runtime)))
            Skip = $"set DOCGEN_PUBLISHED to an output folder of scripts/publish.sh holding {runtime} (scripts/test-publish.sh does)";
    }
}
