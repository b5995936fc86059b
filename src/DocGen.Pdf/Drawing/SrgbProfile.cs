namespace DocGen.Pdf.Drawing;

/// <summary>The sRGB ICC profile of the PDF/A output intent, embedded in the assembly (origin and licence: ColorProfiles/README.md).</summary>
internal static class SrgbProfile
{
    /// <summary>The output condition the profile describes, as the ICC registry names it.</summary>
    public const string Name = "sRGB IEC61966-2.1";

    private static readonly Lazy<byte[]> Profile = new(() =>
    {
        using var s = typeof(SrgbProfile).Assembly.GetManifestResourceStream("DocGen.Pdf.sRGB.icc")
            ?? throw new InvalidOperationException("the sRGB profile is missing from DocGen.Pdf");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    });

    public static byte[] Bytes => Profile.Value;
}
