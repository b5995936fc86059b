using System.Security.Cryptography;
using System.Text;
using DocGen.Model;
using DocGen.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// The one PDFsharp implementation of the drawing seam. Besides drawing it makes the file reproducible (fixed dates
/// and document ID from the input) and `qpdf --check` clean: PDFsharp's own Flate output lacks the zlib end marker
/// (platform-facts §1.4) and is slow, so PDFsharp writes every stream uncompressed and <see cref="StreamCompressor"/>
/// compresses them afterwards with System.IO.Compression.
/// </summary>
internal sealed class PdfSharpDocumentCanvas : IDocumentCanvas
{
    private readonly PdfDocument _doc;
    private readonly DocumentInfo _info;
    private readonly string _fingerprint;
    private readonly Dictionary<(string, double, bool), XFont> _fonts = [];
    private readonly Dictionary<double, XPen> _pens = [];
    private readonly List<PdfOutline> _level1 = [];
    private PageCanvas? _current;

    public PdfSharpDocumentCanvas(DocumentInfo info, string fingerprint)
    {
        PdfSharpFonts.EnsureInstalled();   // licence and font resolver before the first PdfDocument
        _doc = new PdfDocument();
        _info = info;
        _fingerprint = fingerprint;
        // We compress every stream ourselves (see StreamCompressor); both switches are needed, NoCompression alone
        // still leaves page contents to PDFsharp's encoder.
        _doc.Options.NoCompression = true;
        _doc.Options.CompressContentStreams = false;
        _doc.PageLayout = PdfPageLayout.SinglePage;
    }

    public IPageCanvas AddPage(double widthPt, double heightPt)
    {
        _current?.Dispose();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(widthPt);
        page.Height = XUnit.FromPoint(heightPt);
        _current = new PageCanvas(this, XGraphics.FromPdfPage(page));
        return _current;
    }

    public void AddBookmark(int level, string title, int pageIndex, double top)
    {
        var page = _doc.Pages[pageIndex];
        if (level <= 1 || _level1.Count == 0)
        {
            var o = _doc.Outlines.Add(title, page, true);
            o.PageDestinationType = PdfPageDestinationType.Xyz;
            o.Top = top;
            _level1.Add(o);
        }
        else
        {
            var o = _level1[^1].Outlines.Add(title, page, false);
            o.PageDestinationType = PdfPageDestinationType.Xyz;
            o.Top = top;
        }
        if (_doc.Outlines.Count > 0) _doc.PageMode = PdfPageMode.UseOutlines;
    }

    public void Save(Stream output)
    {
        _current?.Dispose();
        _current = null;
        var date = _info.Date.UtcDateTime;
        _doc.Info.Title = _info.Title;
        _doc.Info.Author = _info.Author;
        if (_info.Subject.Length > 0) _doc.Info.Subject = _info.Subject;
        _doc.Info.CreationDate = date;
        _doc.Info.ModificationDate = date;
        _doc.Language = _info.Language;
        // The same input must give the same bytes: the ID is a hash of the document, not a random GUID.
        // PDFsharp keeps the ID as 16 raw bytes in a string and also derives the XMP document/instance UUIDs from it.
        var id = new string(SHA256.HashData(Encoding.UTF8.GetBytes(_fingerprint)).Take(16).Select(b => (char)b).ToArray());
        _doc.Internals.FirstDocumentID = id;
        _doc.Internals.SecondDocumentID = id;
        FixSubsetTags();
        using var ms = new MemoryStream();
        _doc.Save(ms, false);
        var bytes = ms.GetBuffer().AsSpan(0, (int)ms.Length);
        FixXmpUuids(bytes);
        output.Write(StreamCompressor.Compress(bytes));
    }

    /// <summary>
    /// PDFsharp draws the six-letter subset tag (ABCDEF+Name) from a generator shared by the process, so parallel
    /// renders interleave and the same document gets different tags. Replace each tag with one derived from the
    /// font name and its order of first use in this document.
    /// </summary>
    private void FixSubsetTags()
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var dicts = _doc.Internals.GetAllObjects().OfType<PdfDictionary>()
            .Where(d => d.Elements.ContainsKey("/FontName") || d.Elements.ContainsKey("/BaseFont"))
            .OrderBy(d => PdfInternals.GetObjectNumber(d)).ToList();
        foreach (var d in dicts)
            foreach (var key in new[] { "/FontName", "/BaseFont" })
            {
                string? name = d.Elements.GetName(key);
                if (string.IsNullOrEmpty(name) || name.Length < 8 || name[7] != '+') continue;
                string tag = name.Substring(1, 6);
                if (!renamed.TryGetValue(tag, out var fixedTag))
                {
                    var h = SHA256.HashData(Encoding.UTF8.GetBytes(name[8..] + "#" + renamed.Count));
                    fixedTag = new string(h.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
                    renamed[tag] = fixedTag;
                }
                d.Elements.SetName(key, "/" + fixedTag + name[7..]);
            }
    }

    /// <summary>
    /// PDFsharp writes random UUIDs into the XMP metadata (xmpMM:DocumentID/InstanceID). The packet is stored
    /// uncompressed, so the UUIDs are overwritten in place with ones derived from the document; lengths and
    /// therefore the cross-reference offsets stay the same.
    /// </summary>
    private void FixXmpUuids(Span<byte> pdf)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("xmp\u0001" + _fingerprint));
        foreach (var (tag, offset) in new[] { ("<xmpMM:DocumentID>uuid:", 0), ("<xmpMM:InstanceID>uuid:", 16) })
        {
            int at = pdf.IndexOf(Encoding.ASCII.GetBytes(tag));
            if (at < 0) continue;
            var uuid = Encoding.ASCII.GetBytes(new Guid(hash.AsSpan(offset, 16)).ToString("D"));
            var target = pdf.Slice(at + tag.Length, uuid.Length);
            if (target.IndexOf((byte)'<') >= 0) continue;   // not the 36-character form we expect: leave it alone
            uuid.CopyTo(target);
        }
    }

    private XFont Font(TrueTypeFace face, double size, bool bold)
    {
        var key = (face.Key, size, bold);
        if (!_fonts.TryGetValue(key, out var f))
            _fonts[key] = f = new XFont(face.Key, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        return f;
    }

    private XPen Pen(double width)
    {
        if (!_pens.TryGetValue(width, out var p))
            _pens[width] = p = new XPen(XColors.Black, width) { LineCap = XLineCap.Square };
        return p;
    }

    public void Dispose()
    {
        _current?.Dispose();
        _doc.Dispose();
    }

    private sealed class PageCanvas(PdfSharpDocumentCanvas owner, XGraphics gfx) : IPageCanvas, IDisposable
    {
        public void DrawGlyphRun(double x, double baseline, string text, TrueTypeFace face, double sizePt, bool bold, double scaleX = 1)
        {
            var font = owner.Font(face, sizePt, bold);
            if (scaleX == 1)
            {
                gfx.DrawString(text, font, XBrushes.Black, x, baseline);
                return;
            }
            var state = gfx.Save();
            gfx.TranslateTransform(x, baseline);
            gfx.ScaleTransform(scaleX, 1);
            gfx.DrawString(text, font, XBrushes.Black, 0, 0);
            gfx.Restore(state);
        }

        public void DrawLine(double x1, double y1, double x2, double y2, double widthPt) =>
            gfx.DrawLine(owner.Pen(widthPt), x1, y1, x2, y2);

        public void Dispose() => gfx.Dispose();
    }
}
