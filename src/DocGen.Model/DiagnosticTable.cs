using System.Text;

namespace DocGen.Model;

/// <summary>
/// The README's table of diagnostic ids, generated from <see cref="DiagnosticCatalog"/>: it sits between two marker comments,
/// a test fails when it differs from the catalog, and `scripts/update-readme-ids.sh` (which refuses to run in CI) rewrites it.
/// </summary>
public static class DiagnosticTable
{
    public const string Start = "<!-- diagnostic-ids: generated from src/DocGen.Model/DiagnosticCatalog.cs by scripts/update-readme-ids.sh; do not edit -->";
    public const string End = "<!-- /diagnostic-ids -->";

    /// <summary>The Markdown table, one row per catalog entry, lines ending in \n.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("| id | severity | exit code | meaning | 含义 |\n|---|---|---|---|---|\n");
        foreach (var k in DiagnosticCatalog.All)
        {
            string severity = k.Severity == Severity.Error ? "error" : "warning";
            string exit = k.Failure is not { } f ? "0" : k.OtherFailure is { } o ? $"{(int)f} or {(int)o}" : $"{(int)f}";
            sb.Append($"| `{k.Id}` | {severity} | {exit} | {Cell(k.MeaningEn)} | {Cell(k.MeaningZh)} |\n");
        }
        return sb.ToString();
    }

    /// <summary>The README with the text between the markers replaced by <see cref="Markdown"/>; null when a marker is missing.</summary>
    public static string? Splice(string readme)
    {
        int start = readme.IndexOf(Start, StringComparison.Ordinal);
        int end = readme.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) return null;
        int from = start + Start.Length;
        return readme[..from] + "\n" + Markdown() + readme[end..];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
