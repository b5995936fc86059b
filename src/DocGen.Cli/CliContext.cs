using DocGen.Model;

namespace DocGen.Cli;

/// <summary>What every command shares: the language of the CLI's own messages, the output streams and the cancel token.</summary>
public sealed class CliContext(bool english, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
{
    public bool English { get; } = english;
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;
    public CancellationToken Cancel { get; } = cancel;

    /// <summary>Picks the Chinese or English text of one of the CLI's own messages.</summary>
    public string T(string zh, string en) => English ? en : zh;

    public void PrintDiagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Err.WriteLine(d.Format(English));
    }

    /// <summary>Prints the diagnostics of a failure that stops the whole command and returns its exit code.</summary>
    public int Fail(DocGenException e)
    {
        PrintDiagnostics(e.Diagnostics);
        return ExitCodes.Of(e.Kind);
    }

    public int Usage(string zh, string en)
    {
        Err.WriteLine(T("用法错误：", "usage error: ") + T(zh, en));
        return ExitCodes.Of(FailureKind.Usage);
    }
}
