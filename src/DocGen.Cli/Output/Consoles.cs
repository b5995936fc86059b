using Spectre.Console;

namespace DocGen.Cli.Output;

/// <summary>Spectre consoles over our own writers: colours on a terminal, plain wide text when redirected (logs, pipes, tests).</summary>
public static class Consoles
{
    public static IAnsiConsole For(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        // A redirected console has no width; wrapping at 80 columns would break paths in logs.
        if (redirected) console.Profile.Width = 240;
        return console;
    }
}
