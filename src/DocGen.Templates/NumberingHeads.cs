using System.Text.RegularExpressions;

namespace DocGen.Templates;

/// <summary>
/// The ways clerks type a numbering head other than the standard GB/T 9704 forms 一、（一）1.: half-width or mixed brackets
/// "(二)", Arabic digits in brackets "（2）" where a Chinese numeral is expected, "一." or "一，" for "一、", "1、" or "１." for "1.".
/// Which standard form is right is not decided here: each candidate is offered to the style sheet's numbering rules.
/// </summary>
public static partial class NumberingHeads
{
    public sealed record Fixed(string Text, string Typed, string Standard);

    [GeneratedRegex(@"^(\*\*)?([(（]\s*)([一二三四五六七八九十]+|[0-9０-９]{1,2})(\s*[)）])")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^(\*\*)?([一二三四五六七八九十]+)\s*[.．，,]")]
    private static partial Regex ChineseWithPoint();

    [GeneratedRegex(@"^(\*\*)?([0-9０-９]{1,2})\s*[、．，,.]")]
    private static partial Regex DigitsWithPoint();

    /// <summary>The text with its head in the first standard form that <paramref name="accepted"/> takes, or null.</summary>
    public static Fixed? Standardise(string text, Func<string, bool> accepted)
    {
        foreach (var (typed, prefix, candidates) in Candidates(text))
            foreach (var standard in candidates)
            {
                if (standard == typed) continue;
                string fixedText = prefix + standard + text[(prefix.Length + typed.Length)..];
                if (accepted(fixedText)) return new Fixed(fixedText, typed, standard);
            }
        return null;
    }

    private static IEnumerable<(string Typed, string Prefix, string[] Candidates)> Candidates(string text)
    {
        if (Bracketed().Match(text) is { Success: true } b)
        {
            string numeral = b.Groups[3].Value, prefix = b.Groups[1].Value;
            string typed = b.Value[prefix.Length..];
            yield return IsDigits(numeral)
                ? (typed, prefix, [$"（{Ascii(numeral)}）", $"（{Chinese(int.Parse(Ascii(numeral), System.Globalization.CultureInfo.InvariantCulture))}）"])
                : (typed, prefix, [$"（{numeral}）"]);
        }
        if (ChineseWithPoint().Match(text) is { Success: true } c)
        {
            string prefix = c.Groups[1].Value;
            yield return (c.Value[prefix.Length..], prefix, [$"{c.Groups[2].Value}、"]);
        }
        if (DigitsWithPoint().Match(text) is { Success: true } d)
        {
            string prefix = d.Groups[1].Value;
            yield return (d.Value[prefix.Length..], prefix, [$"{Ascii(d.Groups[2].Value)}.", $"{Chinese(int.Parse(Ascii(d.Groups[2].Value), System.Globalization.CultureInfo.InvariantCulture))}、"]);
        }
    }

    private static bool IsDigits(string s) => s.All(ch => ch is >= '0' and <= '9' or >= '０' and <= '９');

    private static string Ascii(string digits) => new(digits.Select(ch => ch is >= '０' and <= '９' ? (char)('0' + (ch - '０')) : ch).ToArray());

    /// <summary>1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (numbering never reaches 100).</summary>
    public static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        if (n <= 0 || n >= 100) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return digits[n].ToString();
        string tens = n / 10 == 1 ? "十" : $"{digits[n / 10]}十";
        return n % 10 == 0 ? tens : tens + digits[n % 10];
    }
}
