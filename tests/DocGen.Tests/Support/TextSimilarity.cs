using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;

namespace DocGen.Tests.Support;

/// <summary>
/// Compares generated text with a reference report the way a reader would: whitespace ignored and full-width punctuation
/// taken as its half-width twin, so only the words and numbers count.
/// </summary>
public static partial class TextSimilarity
{
    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c switch
            {
                '“' or '”' or '″' => '"',
                '‘' or '’' => '\'',
                '〔' or '［' or '【' => '[',
                '〕' or '］' or '】' => ']',
                '、' => ',',
                '。' => '.',
                '—' or '–' or '－' => '-',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>1 − (characters inserted + deleted) / (total length): difflib's ratio, computed with a Myers diff.</summary>
    public static double Ratio(string expected, string actual)
    {
        string a = Normalize(expected), b = Normalize(actual);
        if (a.Length + b.Length == 0) return 1;
        var diff = new Differ().CreateCharacterDiffs(a, b, ignoreWhitespace: false);
        int changed = diff.DiffBlocks.Sum(d => d.DeleteCountA + d.InsertCountB);
        return 1.0 - (double)changed / (a.Length + b.Length);
    }

    /// <summary>The bar for any text made from an example: similarity ≥ 0.97 and every number of the reference present.</summary>
    public static void AssertMatchesReference(string example, string actual)
    {
        string reference = File.ReadAllText(Repo.ReferenceReport(example));
        double ratio = Ratio(reference, actual);
        Assert.True(ratio >= 0.97, $"{example}: similarity {ratio:F4} < 0.97");
        var missing = MissingNumbers(reference, actual);
        Assert.True(missing.Count == 0, $"{example}: numbers of the reference missing: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Number();

    /// <summary>Numbers (digit runs, with decimals) of the reference that do not occur in the generated text.</summary>
    public static IReadOnlyList<string> MissingNumbers(string expected, string actual)
    {
        // Numbers are read before whitespace is dropped: adjacent table cells must not fuse into one long number.
        var have = Number().Matches(actual.Normalize(NormalizationForm.FormKC)).Select(m => m.Value).ToHashSet();
        return Number().Matches(expected.Normalize(NormalizationForm.FormKC)).Select(m => m.Value).Distinct().Where(n => !have.Contains(n)).ToList();
    }
}
