using System.Runtime.InteropServices;
using DocGen.Engine;

namespace DocGen.Cli;

/// <summary>
/// Ctrl-C and SIGTERM: the first one cancels the run (every long loop checks the token), and the process ends with exit 130 within
/// a second whatever stage it is in. A stage that does not stop in time (a library call without a cancel check) is cut short:
/// the temporary files are removed once no rename is in progress, so finished reports stay whole and nothing partial remains.
/// A second signal ends the process the same way at once.
/// </summary>
public sealed class Interrupts : IDisposable
{
    /// <summary>How long a cancelled run may take to wind down on its own before it is ended (the promise is 1 s).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(700);

    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration _sigterm;
    private readonly PosixSignalRegistration _sigint;
    private readonly Func<string> _message;
    private Timer? _deadline;

    public Interrupts(Func<string> cancelledMessage)
    {
        _message = cancelledMessage;
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    public CancellationToken Token => _cts.Token;

    private void OnSignal(PosixSignalContext c)
    {
        c.Cancel = true;
        lock (_cts)
        {
            if (_cts.IsCancellationRequested)
            {
                End();
                return;
            }
            _cts.Cancel();
            _deadline = new Timer(_ => End(), null, Grace, Timeout.InfiniteTimeSpan);
        }
    }

    private void End()
    {
        TemporaryFiles.DeleteAllNow(waitForCommit: TimeSpan.FromMilliseconds(250));
        try { Console.Error.WriteLine(_message()); } catch (IOException) { }
        Environment.Exit(ExitCodes.Cancelled);
    }

    public void Dispose()
    {
        _deadline?.Dispose();
        _sigterm.Dispose();
        _sigint.Dispose();
        _cts.Dispose();
    }
}
