using DocGen.Pdf.Fonts;
using PdfSharp.Fonts;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// PDFsharp's font resolver is global and may be set only once per process (a later assignment is silently ignored,
/// platform-facts §1.3), so one resolver serves every face ever parsed by <see cref="FontLibrary"/>, by its stable key.
/// </summary>
internal sealed class PdfSharpFonts : IFontResolver
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return;
            PdfSharp.PdfSharpLicense.SetAgplLicense();   // PDFsharp 6.5 is AGPL-3.0; nothing renders without this call
            if (GlobalFontSettings.FontResolver is not null and not PdfSharpFonts)
                throw new DocGen.Model.DocGenException("E-FONT-RESOLVER",
                    "进程中已经设置了另一个 PDFsharp 字体解析器（GlobalFontSettings.FontResolver 只能设置一次），DocGen 无法注册自己的字体",
                    DocGen.Model.FailureKind.Internal);
            GlobalFontSettings.FontResolver ??= new PdfSharpFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (FontLibrary.ByResolverKey(familyName) is null) return null;
        // Only the regular face is registered; PDFsharp then simulates bold (stroked outlines), which works in 6.5.
        return bold ? new FontResolverInfo(familyName, true, false) : new FontResolverInfo(familyName);
    }

    public byte[]? GetFont(string faceName) => FontLibrary.ByResolverKey(faceName)?.Bytes;
}
