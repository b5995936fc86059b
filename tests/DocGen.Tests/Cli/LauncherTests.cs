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
        MakeCheckout(dir);

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

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void With_DOCGEN_AOT_the_native_executable_is_built_once_and_run_without_dotnet()
    {
        if (System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64) return;
        using var dir = new TempDir();
        MakeCheckout(dir);

        var first = Launch(dir, "--version", aot: true);
        var second = Launch(dir, "--version", aot: true);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("native --version", first.Stdout.Trim());
        Assert.Contains("Native AOT，约 5 分钟", first.Stderr);
        Assert.Contains("-p:PublishAot=true", File.ReadAllText(dir.File("publish-args")));
        Assert.True(second.ExitCode == 0 && second.Stderr.Length == 0 && second.Stdout.Trim() == "native --version", second.ToString());
        // Without the variable the ReadyToRun build is made and run through dotnet, as before.
        var plain = Launch(dir, "--version");
        Assert.StartsWith("ran ", plain.Stdout);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_failed_precompilation_falls_back_to_a_plain_build_and_says_so()
    {
        using var dir = new TempDir();
        MakeCheckout(dir);
        File.WriteAllText(dir.File("publish-fails"), "");

        var first = Launch(dir, "--version");
        var second = Launch(dir, "--version");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("ran ", first.Stdout);
        Assert.Contains("预编译（ReadyToRun）没有成功（error NETSDK1047: assets file has no target for linux-x64）", first.Stderr);
        Assert.Contains(".build/cli/.built", first.Stderr);
        Assert.True(second.ExitCode == 0 && second.Stderr.Length == 0, second.ToString());
    }

    /// <summary>A copy of the checkout's layout with a stand-in `dotnet` on PATH, so no real build is needed.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeCheckout(TempDir dir)
    {
        File.Copy(Path.Combine(Repo.Root, "docgen"), dir.File("docgen"));
        Directory.CreateDirectory(dir.File("scripts"));
        // Fonts are installed on this machine: the real ensure-deps.sh is then silent, as on a second run.
        File.Copy(Path.Combine(Repo.Root, "scripts", "ensure-deps.sh"), dir.File("scripts/ensure-deps.sh"));
        Directory.CreateDirectory(dir.File("src/DocGen.Cli"));
        File.WriteAllText(dir.File("src/DocGen.Cli/Program.cs"), "// stand-in");
        File.WriteAllText(dir.File("Directory.Build.props"), "<Project/>");
        File.WriteAllText(dir.File("Directory.Packages.props"), "<Project/>");
        Directory.CreateDirectory(dir.File("bin"));
        // `dotnet publish … -o DIR` makes DIR/docgen.dll, and with -p:PublishAot=true a native DIR/docgen that says it ran;
        // `dotnet DLL ARGS` prints what it was asked to run.
        File.WriteAllText(dir.File("bin/dotnet"), """
            #!/usr/bin/env bash
            if [[ "$1" == publish && -f "$(dirname "$0")/../publish-fails" ]]; then
              echo "  /x/DocGen.Cli.csproj : error NETSDK1047: assets file has no target for linux-x64"; exit 1
            fi
            if [[ "$1" == build ]]; then
              while [[ $# -gt 0 ]]; do [[ "$1" == -o ]] && { mkdir -p "$2"; touch "$2/docgen.dll"; }; shift; done
              exit 0
            fi
            if [[ "$1" == publish ]]; then
              echo "$*" >> "$(dirname "$0")/../publish-args"
              aot=0; [[ "$*" == *PublishAot=true* ]] && aot=1
              while [[ $# -gt 0 ]]; do
                if [[ "$1" == -o ]]; then
                  mkdir -p "$2"
                  if ((aot)); then printf '#!/usr/bin/env bash\necho "native $*"\n' > "$2/docgen"; chmod +x "$2/docgen"; else touch "$2/docgen.dll"; fi
                fi
                shift
              done
              exit 0
            fi
            echo "ran $*"
            """);
        File.SetUnixFileMode(dir.File("bin/dotnet"), (UnixFileMode)0b111_101_101);
    }

    private static ProcessResult Launch(TempDir dir, string arg, string? more = null, string? lang = null, bool touch = false, bool aot = false)
    {
        if (touch)
        {
            Thread.Sleep(1100); // a newer modification time than the stamp, on file systems with one-second times
            File.SetLastWriteTimeUtc(dir.File("src/DocGen.Cli/Program.cs"), DateTime.UtcNow);
        }
        var psi = ProcessRunner.Info("bash", [dir.File("docgen"), arg, .. more is null ? [] : new[] { more }, .. lang is null ? [] : new[] { lang }]);
        psi.Environment["PATH"] = dir.File("bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment.Remove("DOCGEN_LANG");
        if (aot) psi.Environment["DOCGEN_AOT"] = "1";
        else psi.Environment.Remove("DOCGEN_AOT");
        return ProcessRunner.Run(psi);
    }
}
