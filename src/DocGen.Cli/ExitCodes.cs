using System.Text;
using DocGen.Model;

namespace DocGen.Cli;

/// <summary>
/// The process's exit codes: the one table that turns the kind of a failure (<see cref="FailureKind"/>, which the model and the
/// engine speak) into the number a pipeline sees. Pipelines test these numbers, so they never change; the README's table of
/// exit codes is generated from this one (`docgen diagnostics --update-readme`) and a test keeps the two in step.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Ctrl-C or SIGTERM (128 + SIGINT's 2, as shells report a process ended by it).</summary>
    public const int Cancelled = 130;

    /// <summary>Every exit code in order: the number, the failure it stands for (none for success and cancellation) and its meaning.</summary>
    public static IReadOnlyList<(int Code, FailureKind? Kind, string Meaning)> Table { get; } =
    [
        (Success, null, "success (warnings may have been printed)"),
        (2, FailureKind.InvalidData, "invalid data (validation failed)"),
        (3, FailureKind.Template, "template error"),
        (4, FailureKind.Font, "a font or glyph is missing"),
        (5, FailureKind.Io, "I/O error (unreadable input, output folder not writable, disk full…)"),
        (64, FailureKind.Usage, "usage error (unknown option, missing argument)"),
        (70, FailureKind.Internal, "internal error (a bug: please report it with the input)"),
        (Cancelled, null, "cancelled (Ctrl-C or SIGTERM, at any stage, within a second; also how `watch` ends); no partial or temporary file is left, existing files are untouched"),
    ];

    private static readonly Dictionary<FailureKind, int> ByKind = Table.Where(r => r.Kind is not null).ToDictionary(r => r.Kind!.Value, r => r.Code);

    /// <summary>The exit code of a failure of this kind.</summary>
    public static int Of(FailureKind kind) => ByKind[kind];

    /// <summary>The exit code of an outcome: <see cref="Success"/> when nothing failed.</summary>
    public static int Of(FailureKind? failure) => failure is { } kind ? Of(kind) : Success;

    public const string Start = "<!-- exit-codes: generated from src/DocGen.Cli/ExitCodes.cs by scripts/update-readme-ids.sh; do not edit -->";
    public const string End = "<!-- /exit-codes -->";

    /// <summary>The README's Markdown table of exit codes, lines ending in \n.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder("| code | meaning |\n|---|---|\n");
        foreach (var (code, _, meaning) in Table) sb.Append($"| {code} | {meaning} |\n");
        return sb.ToString();
    }
}
