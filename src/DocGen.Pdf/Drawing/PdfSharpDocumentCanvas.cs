using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocGen.Model;
using DocGen.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// The drawing seam over PDFsharp's object model. PDFsharp keeps pages, outline, document information and the file
/// structure; page content and fonts are written here, because PDFsharp's own text path cost most of a report's render
/// time (a linear cmap search per character, a font subset padded to the face's full glyph count and compressed at
/// every save) and made its biggest part (see BENCHMARKS.md). The file is reproducible (fixed dates, subset tags and
/// document ID from the input) and `qpdf --check` clean: every stream is compressed here with ZLibStream, because
/// PDFsharp's Flate output lacks the zlib end marker (platform-facts §1.4).
/// </summary>
internal sealed class PdfSharpDocumentCanvas : IDocumentCanvas
{
    private readonly PdfDocument _doc;
    private readonly DocumentInfo _info;
    private readonly string _fingerprint;
    private readonly bool _keepHinting;
    private readonly Dictionary<FontFace, EmbeddedFont> _fonts = [];
    private readonly List<PdfOutline> _level1 = [];
    private PageCanvas? _current;

    public PdfSharpDocumentCanvas(DocumentInfo info, string fingerprint, bool keepHinting = true)
    {
        _keepHinting = keepHinting;
        PdfSharpLicence.Ensure();
        _doc = new PdfDocument();
        _info = info;
        _fingerprint = fingerprint;
        _doc.Options.CompressContentStreams = false;
        _doc.PageLayout = PdfPageLayout.SinglePage;
    }

    public IPageCanvas AddPage(double widthPt, double heightPt)
    {
        _current?.Finish();
        var page = _doc.AddPage();
        page.Width = XUnit.FromPoint(widthPt);
        page.Height = XUnit.FromPoint(heightPt);
        _current = new PageCanvas(this, page, heightPt);
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
        _current?.Finish();
        _current = null;
        foreach (var font in _fonts.Values.OrderBy(f => f.Number)) font.Write(_doc);
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
        using var ms = new MemoryStream();
        _doc.Save(ms, false);
        var bytes = ms.GetBuffer().AsSpan(0, (int)ms.Length);
        FixXmpUuids(bytes);
        output.Write(bytes);
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

    private EmbeddedFont Font(FontFace face)
    {
        if (!_fonts.TryGetValue(face, out var f))
            _fonts[face] = f = new EmbeddedFont(face, _fonts.Count, _doc, _keepHinting);
        return f;
    }

    public void Dispose()
    {
        _doc.Dispose();
    }

    /// <summary>
    /// One page's content stream: rules first, then all text in one text object. Consecutive glyph runs on one
    /// baseline in one font, size, weight and scale are buffered and shown by one operation (<see cref="GlyphLineWriter"/>);
    /// segments start with relative Td moves. PDF's y axis points up, the layout's down: y = page height − layout y.
    /// </summary>
    private sealed class PageCanvas(PdfSharpDocumentCanvas owner, PdfPage page, double heightPt) : IPageCanvas
    {
        /// <summary>PDFsharp's simulated bold, kept so pages look as before: outlines stroked 2 % of the em wide, 2 % em extra spacing.</summary>
        private const double BoldEmphasis = 0.02;

        private readonly StringBuilder _rules = new("2 J\n");
        private readonly StringBuilder _text = new();
        private readonly List<EmbeddedFont> _used = [];
        private readonly List<ShownGlyph> _segment = [];
        private (EmbeddedFont Font, double Size, bool Bold, double Tz, double Baseline) _segmentKey;
        private double _ruleWidth = -1, _x, _y, _size, _boldSize, _tz = 100, _spacing, _runX, _runY, _runExactX, _runExactY, _segmentY, _pen;
        private EmbeddedFont? _font;
        private bool _bold, _shown;

        public void DrawLine(double x1, double y1, double x2, double y2, double widthPt)
        {
            if (widthPt != _ruleWidth) { Num(_rules, widthPt).Append(" w\n"); _ruleWidth = widthPt; }
            Num(_rules, x1).Append(' '); Num(_rules, heightPt - y1).Append(" m ");
            Num(_rules, x2).Append(' '); Num(_rules, heightPt - y2).Append(" l S\n");
        }

        public void DrawGlyphRun(double x, double baseline, string text, FontFace face, double sizePt, bool bold, double scaleX = 1)
        {
            var font = owner.Font(face);
            if (!_used.Contains(font)) _used.Add(font);
            // Keyed by the Tz as written: scales that print alike draw alike, and need no second Tz.
            double tz = PdfNumber.Rounded(scaleX * 100, 4);
            var key = (font, sizePt, bold, tz, baseline);
            if (_segment.Count > 0 && key != _segmentKey) FlushSegment();
            _segmentKey = key;
            // Where the run starts: the layout's position reached by moves rounded to 0.0001 pt, each relative to the
            // previous run's exact position, as pages were written when every run had its own Td. Readers sum those
            // rounded moves, so the sum, not the exact position, is what earlier output showed; keeping it keeps every
            // pixel (it differs from the exact position by a few thousandths of a point at most).
            _runX += PdfNumber.Rounded(x - _runExactX, 4);
            _runY += PdfNumber.Rounded(heightPt - baseline - _runExactY, 4);
            _runExactX = x;
            _runExactY = heightPt - baseline;
            x = _runX;
            // Within a run the glyphs sit where a reader's pen puts them: the advances from /W, the simulated bold's
            // spacing, both scaled by Tz; computed from the numbers as written, so merged runs land exactly there.
            double size = PdfNumber.Rounded(sizePt, 4), th = tz / 100;
            double spacing = BaseSpacing(sizePt, bold);
            if (_segment.Count == 0) _segmentY = _runY;
            foreach (var rune in text.EnumerateRunes())
            {
                ushort cid = font.Cid(rune);
                double width = font.Width(cid);
                _segment.Add(new ShownGlyph(cid, width, x));
                x += (width / 1000 * size + spacing) * th;
            }
        }

        /// <summary>The character spacing a run is drawn with: none, or simulated bold's 2 % of the em as written.</summary>
        private static double BaseSpacing(double sizePt, bool bold) => bold ? PdfNumber.Rounded(sizePt * BoldEmphasis, 4) : 0;

        /// <summary>Writes the buffered segment: state changes, a Td to its first glyph, one text-showing operation.</summary>
        private void FlushSegment()
        {
            if (_segment.Count == 0) return;
            var (font, sizePt, bold, tz, _) = _segmentKey;
            if (font != _font || sizePt != _size)
            {
                _text.Append("/F").Append(font.Number).Append(' ');
                Num(_text, sizePt).Append(" Tf\n");
                _font = font;
                _size = sizePt;
            }
            if (bold != _bold || (bold && sizePt != _boldSize))
            {
                // Tc is left to the line writer, which starts from the bold spacing and adds any common gap.
                if (bold)
                {
                    _text.Append("2 Tr ");
                    Num(_text, sizePt * BoldEmphasis).Append(" w\n");
                    _boldSize = sizePt;
                }
                else _text.Append("0 Tr\n");
                _bold = bold;
            }
            if (tz != _tz)
            {
                // Tz scales glyph advances and Tc, not the Td moves, which stay in unscaled text space.
                Num(_text, tz).Append(" Tz\n");
                _tz = tz;
            }
            // A segment on the baseline of the one before continues from where the pen stopped (a TJ number closes any
            // gap), which leaves the line start in place: the next line's Td is then mostly the same "0 -leading".
            // Td moves are written rounded and the line start tracked as a reader sums them.
            double penX = _pen;
            if (Math.Abs(_segmentY - _y) > GlyphLineWriter.Tolerance / 10 || !_shown)
            {
                double dx = PdfNumber.Rounded(_segment[0].X - _x, 4), dy = PdfNumber.Rounded(_segmentY - _y, 4);
                Num(_text, dx).Append(' ');
                Num(_text, dy).Append(" Td ");
                _x += dx;
                _y += dy;
                penX = _x;
            }
            _pen = GlyphLineWriter.Append(_text, _segment, penX, PdfNumber.Rounded(sizePt, 4), tz / 100,
                BaseSpacing(sizePt, bold), ref _spacing);
            _shown = true;
            _segment.Clear();
        }

        public void Finish()
        {
            FlushSegment();
            var content = new StringBuilder(_rules.Length + _text.Length + 32);
            content.Append("q\n").Append(_rules);
            if (_text.Length > 0) content.Append("BT\n").Append(_text).Append("ET\n");
            content.Append("Q\n");
            // Latin-1: literal strings carry the CIDs' bytes as they are.
            var data = EmbeddedFont.Deflate(Encoding.Latin1.GetBytes(content.ToString()), EmbeddedFont.TextLevel);
            var stream = page.Contents.AppendContent();
            if (stream.Stream is null) stream.CreateStream(data);
            else stream.Stream.Value = data;
            stream.Elements.SetName("/Filter", "/FlateDecode");
            if (_used.Count > 0)
            {
                var fonts = new PdfDictionary();
                foreach (var f in _used) fonts.Elements.SetReference("/F" + f.Number.ToString(CultureInfo.InvariantCulture), f.Type0);
                page.Resources.Elements["/Font"] = fonts;
            }
        }

        /// <summary>Up to four decimals, no exponent, no trailing zeros: what PDF content streams read.</summary>
        private static StringBuilder Num(StringBuilder sb, double v) => PdfNumber.Append(sb, v, 4);
    }
}

/// <summary>PDFsharp 6.5 is AGPL-3.0 and renders nothing until the licence is acknowledged, once per process.</summary>
internal static class PdfSharpLicence
{
    private static readonly Lazy<bool> Done = new(() => { PdfSharp.PdfSharpLicense.SetAgplLicense(); return true; });

    public static void Ensure() => _ = Done.Value;
}
