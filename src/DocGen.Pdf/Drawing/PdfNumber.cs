using System.Text;

namespace DocGen.Pdf.Drawing;

/// <summary>Numbers as content streams read them: no exponent, no trailing zeros.</summary>
internal static class PdfNumber
{
    /// <summary>Appends v rounded to at most <paramref name="decimals"/> decimals (≤ 6).</summary>
    public static StringBuilder Append(StringBuilder sb, double v, int decimals)
    {
        long unit = Unit(decimals);
        long scaled = (long)Math.Round(v * unit, MidpointRounding.AwayFromZero);
        if (scaled < 0) { sb.Append('-'); scaled = -scaled; }
        sb.Append(scaled / unit);
        long frac = scaled % unit;
        if (frac != 0)
        {
            sb.Append('.');
            for (long div = unit / 10; frac != 0; div /= 10)
            {
                sb.Append((char)('0' + frac / div));
                frac %= div;
            }
        }
        return sb;
    }

    /// <summary>The value a reader gets back from <see cref="Append"/>.</summary>
    public static double Rounded(double v, int decimals)
    {
        long unit = Unit(decimals);
        return Math.Round(v * unit, MidpointRounding.AwayFromZero) / unit;
    }

    private static long Unit(int decimals)
    {
        long unit = 1;
        for (int i = 0; i < decimals; i++) unit *= 10;
        return unit;
    }
}
