using System.Diagnostics;
using System.Text;

namespace DocGen.Tests.Support;

/// <summary>What one run of an external program did: exit code, everything it wrote to stdout (as UTF-8 text and as bytes) and stderr.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public byte[] StdoutBytes { get; init; } = [];

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// The one way the tests run another program (pdftoppm, qpdf, soffice, docgen itself …). Stdout and stderr are read at the same
/// time: a program that fills the pipe of the stream nobody reads yet blocks forever, so reading one to its end before the other
/// deadlocks as soon as the second holds more than the pipe's 64 KB.
/// </summary>
public static class ProcessRunner
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(3);

    public static ProcessResult Run(string exe, params string[] args) => Run(Info(exe, args));

    /// <summary>A start info with both streams redirected and the arguments passed one by one (no shell quoting).</summary>
    public static ProcessStartInfo Info(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Starts the program and waits for it; past <paramref name="limit"/> (3 minutes unless given) it is killed and the run fails.</summary>
    public static ProcessResult Run(ProcessStartInfo psi, TimeSpan? limit = null)
    {
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + psi.FileName);
        return Wait(p, limit ?? DefaultLimit);
    }

    /// <summary>Reads both streams of a started process to their end, concurrently, and waits for it to exit.</summary>
    public static ProcessResult Wait(Process p, TimeSpan limit)
    {
        var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{p.StartInfo.FileName} {string.Join(' ', p.StartInfo.ArgumentList)} did not finish within {limit}");
        }
        p.WaitForExit();
        copy.Wait();
        var bytes = stdout.ToArray();
        return new ProcessResult(p.ExitCode, Encoding.UTF8.GetString(bytes), stderr.Result) { StdoutBytes = bytes };
    }

    /// <summary>Runs the program and fails the test, with everything it printed, unless it exits with 0.</summary>
    public static ProcessResult RunOk(string exe, params string[] args)
    {
        var result = Run(exe, args);
        Assert.True(result.ExitCode == 0, $"{exe} {string.Join(' ', args)}: {result}");
        return result;
    }
}
