using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

/// <summary>
/// The first `./docgen` call says what it does on stderr (one line per step, with the expected time), later calls are
/// quiet. The real launcher runs in a copy of the checkout's layout with a stand-in `dotnet` on PATH, so no two-minute build is needed.
/// </summary>
public sealed class LauncherTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void First_call_announces_the_build_and_later_calls_are_quiet()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(Repo.Root, "docgen"), dir.File("docgen"));
        Directory.CreateDirectory(dir.File("scripts"));
        // Fonts are installed on this machine: the real ensure-deps.sh is then silent, as on a second run.
        File.Copy(Path.Combine(Repo.Root, "scripts", "ensure-deps.sh"), dir.File("scripts/ensure-deps.sh"));
        Directory.CreateDirectory(dir.File("src/DocGen.Cli"));
        File.WriteAllText(dir.File("src/DocGen.Cli/Program.cs"), "// stand-in");
        File.WriteAllText(dir.File("Directory.Build.props"), "<Project/>");
        File.WriteAllText(dir.File("Directory.Packages.props"), "<Project/>");
        Directory.CreateDirectory(dir.File("bin"));
        // `dotnet publish … -o DIR` makes DIR/docgen.dll; `dotnet DLL ARGS` prints what it was asked to run.
        File.WriteAllText(dir.File("bin/dotnet"), """
            #!/usr/bin/env bash
            if [[ "$1" == publish ]]; then
              while [[ $# -gt 0 ]]; do [[ "$1" == -o ]] && { mkdir -p "$2"; touch "$2/docgen.dll"; }; shift; done
              exit 0
            fi
            echo "ran $*"
            """);
        File.SetUnixFileMode(dir.File("bin/dotnet"), (UnixFileMode)0b111_101_101);

        var first = Launch(dir, "--version");
        var second = Launch(dir, "--version");
        var english = Launch(dir, "--version", "--lang", "en", touch: true);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("ran ", first.Stdout);
        Assert.Contains("首次使用，正在编译程序（约 2 分钟", first.Stderr);
        Assert.Contains("编译完成（用时", first.Stderr);
        Assert.Equal(2, first.Stderr.Trim().Split('\n').Length);
        Assert.True(second.ExitCode == 0 && second.Stderr.Length == 0, second.ToString());
        Assert.Contains("sources changed: rebuilding (about a minute)", english.Stderr);
    }

    private static ProcessResult Launch(TempDir dir, string arg, string? more = null, string? lang = null, bool touch = false)
    {
        if (touch)
        {
            Thread.Sleep(1100); // a newer modification time than the stamp, on file systems with one-second times
            File.SetLastWriteTimeUtc(dir.File("src/DocGen.Cli/Program.cs"), DateTime.UtcNow);
        }
        var psi = ProcessRunner.Info("bash", [dir.File("docgen"), arg, .. more is null ? [] : new[] { more }, .. lang is null ? [] : new[] { lang }]);
        psi.Environment["PATH"] = dir.File("bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment.Remove("DOCGEN_LANG");
        return ProcessRunner.Run(psi);
    }
}
