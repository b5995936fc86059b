using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

/// <summary>
/// Runs the real command line (`dotnet docgen.dll …`) built beside the tests, with the checkout's templates and Chinese messages,
/// so the tests see exactly what a clerk or a pipeline sees: exit code, stdout, stderr and files on disk.
/// </summary>
public static class CliRunner
{
    public static string Dll { get; } = FindDll();

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static ProcessResult Run(string workingDirectory, params string[] args)
    {
        using var p = Start(workingDirectory, args);
        return ProcessRunner.Wait(p, Limit);
    }

    public static Process Start(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOCGEN_TEMPLATES"] = Repo.Templates;
        psi.Environment.Remove("DOCGEN_LANG");
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>A polite stop, as Ctrl-C or a service manager would ask (Process.Kill sends SIGKILL on Unix).</summary>
    public static void Terminate(Process p)
    {
        if (kill(p.Id, 15) != 0) throw new InvalidOperationException($"kill -TERM {p.Id} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>src/DocGen.Cli/bin/CONFIG/TFM/docgen.dll, for the configuration and framework the tests were built with.</summary>
    private static string FindDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = testBin.Name, config = testBin.Parent!.Name;
        string dll = Path.Combine(Repo.Root, "src", "DocGen.Cli", "bin", config, tfm, "docgen.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("build the solution first: docgen.dll not found", dll);
        return dll;
    }
}

/// <summary>A scratch folder per test, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("docgen-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
