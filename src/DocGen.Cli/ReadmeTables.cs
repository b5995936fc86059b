using System.Text;
using DocGen.Model;

namespace DocGen.Cli;

/// <summary>
/// The README's generated tables: the exit codes (from <see cref="ExitCodes"/>) and the diagnostic ids (from
/// <see cref="DiagnosticCatalog"/>, each error with the exit code its failure kind maps to). Each sits between two marker comments;
/// a test fails when the README differs, and `scripts/update-readme-ids.sh` (which refuses to run in CI) rewrites them.
/// </summary>
public static class ReadmeTables
{
    public const string IdsStart = "<!-- diagnostic-ids: generated from src/DocGen.Model/DiagnosticCatalog.cs by scripts/update-readme-ids.sh; do not edit -->";
    public const string IdsEnd = "<!-- /diagnostic-ids -->";

    /// <summary>The Markdown table of ids, one row per catalog entry, lines ending in \n.</summary>
    public static string Ids()
    {
        var sb = new StringBuilder();
        sb.Append("| id | severity | exit code | meaning | 含义 |\n|---|---|---|---|---|\n");
        foreach (var k in DiagnosticCatalog.All)
        {
            string severity = k.Severity == Severity.Error ? "error" : "warning";
            string exit = k.Failure is not { } f ? $"{ExitCodes.Success}" : k.OtherFailure is { } o ? $"{ExitCodes.Of(f)} or {ExitCodes.Of(o)}" : $"{ExitCodes.Of(f)}";
            sb.Append($"| `{k.Id}` | {severity} | {exit} | {Cell(k.MeaningEn)} | {Cell(k.MeaningZh)} |\n");
        }
        return sb.ToString();
    }

    /// <summary>The README with both generated tables replaced; null when a marker is missing.</summary>
    public static string? Splice(string readme)
    {
        string? withExits = Splice(readme, ExitCodes.Start, ExitCodes.End, ExitCodes.Markdown());
        return withExits is null ? null : Splice(withExits, IdsStart, IdsEnd, Ids());
    }

    private static string? Splice(string readme, string startMarker, string endMarker, string table)
    {
        int start = readme.IndexOf(startMarker, StringComparison.Ordinal);
        int end = readme.IndexOf(endMarker, StringComparison.Ordinal);
        if (start < 0 || end < start) return null;
        int from = start + startMarker.Length;
        return readme[..from] + "\n" + table + readme[end..];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
