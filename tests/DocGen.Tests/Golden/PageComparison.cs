namespace DocGen.Tests.Golden;

/// <summary>
/// Whether a rendered page looks the same as its golden page to a reader. A pixel counts as changed when its gray differs by more
/// than <see cref="Tolerance"/> (a quarter of black); a page matches only when no pixel changed. Why that ignores nothing a reader
/// sees: at 100 dpi every stroke of every glyph the reports use is at least a pixel wide (a 1 pt stroke is 1.4 px), so a stroke,
/// a full stop or a rule that appears, vanishes or moves by a pixel covers at least half of some pixel and changes it by 128 or
/// more; what stays below a quarter is anti-aliasing at glyph edges (another rasteriser version shades edge pixels a few levels
/// differently) and the rounding to 16 stored levels (at most 8 either way).
/// </summary>
internal static class PageComparison
{
    public const int Tolerance = 64;

    /// <summary>Pixels whose gray differs by more than the tolerance; pages of different sizes differ everywhere.</summary>
    public static int ChangedPixels(GrayImage expected, GrayImage actual)
    {
        if (expected.Width != actual.Width || expected.Height != actual.Height) return Math.Max(expected.Pixels.Length, actual.Pixels.Length);
        int changed = 0;
        for (int i = 0; i < expected.Pixels.Length; i++)
            if (Math.Abs(expected.Pixels[i] - actual.Pixels[i]) > Tolerance) changed++;
        return changed;
    }

    // Palette of the difference image: the page faint, ink that vanished red, ink that appeared blue, drift within the tolerance yellow.
    private const byte Paper = 0, FaintInk = 1, Vanished = 2, Appeared = 3, Drift = 4;

    private static readonly byte[] Palette =
    [
        255, 255, 255,
        190, 190, 190,
        220, 0, 0,
        0, 70, 230,
        250, 200, 0,
    ];

    /// <summary>
    /// A picture of what changed: both pages drawn faintly, changed pixels in strong colour (red where the golden page had ink the
    /// new one lacks, blue where the new one has ink the golden page lacked), small differences in yellow. Pages of different sizes
    /// are compared over their common area.
    /// </summary>
    public static void WriteDifference(GrayImage expected, GrayImage actual, string path)
    {
        int width = Math.Max(expected.Width, actual.Width), height = Math.Max(expected.Height, actual.Height);
        var indices = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int e = At(expected, x, y), a = At(actual, x, y), d = a - e;
                indices[y * width + x] = d > Tolerance ? Vanished
                    : -d > Tolerance ? Appeared
                    : d != 0 ? Drift
                    : Math.Min(e, a) < 128 ? FaintInk
                    : Paper;
            }
        GrayImage.WritePalettePng(path, width, height, indices, Palette);
    }

    private static int At(GrayImage image, int x, int y) => x < image.Width && y < image.Height ? image.Pixels[y * image.Width + x] : 255;
}
