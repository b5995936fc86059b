using System.Text;

namespace DocGen.Pdf.Layout;

/// <summary>
/// One string per character of the Basic Multilingual Plane, made on first use and shared by every report of the process:
/// layout holds each character's text, and a new string per character of every paragraph was a steady share of a report's
/// allocation. Strings are immutable, so sharing them changes nothing; a race only makes an equal string twice.
/// </summary>
internal static class RuneText
{
    private static readonly string?[] Bmp = new string?[0x10000];

    public static string Of(Rune rune)
    {
        if (!rune.IsBmp) return rune.ToString();
        return Bmp[rune.Value] ??= rune.ToString();
    }
}
