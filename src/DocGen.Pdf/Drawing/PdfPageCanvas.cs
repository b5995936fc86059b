using System.Text;
using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Drawing;

/// <summary>What an untagged piece of page content is: a page number, or something repeated for the reader's eye.</summary>
internal enum Artifact { Pagination, PageNumber }

/// <summary>
/// One page's content stream: rules first (an artifact), then all text in one text object, each piece inside a marked-content
/// sequence of its structure element or an artifact. Consecutive glyph runs on one
/// baseline in one font, size, weight and scale are buffered and shown by one operation (<see cref="GlyphLineWriter"/>);
/// segments start with relative Td moves. PDF's y axis points up, the layout's down: y = page height − layout y.
/// </summary>
internal sealed class PdfPageCanvas(PdfDocumentCanvas document, int index, double heightPt)
{
    /// <summary>The simulated bold PDFsharp drew, kept so pages look as before: outlines stroked 2 % of the em wide, 2 % em extra spacing.</summary>
    private const double BoldEmphasis = 0.02;

    private (StructElement? Element, Artifact Artifact) _owner;
    private bool _marked;

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

    /// <summary>
    /// Draws text on a baseline starting at x (points from the page's top-left corner), with the face's own advances (no
    /// shaping, no kerning), the glyphs scaled horizontally by <paramref name="scaleX"/> (1 = as designed).
    /// </summary>
    public void DrawGlyphRun(double x, double baseline, string text, FontFace face, double sizePt, bool bold, double scaleX = 1)
    {
        var font = document.Font(face);
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

    /// <summary>
    /// The text that follows belongs to <paramref name="element"/>, or is an artifact when it is null (a page number, a header
    /// row or span label repeated on a continuation page). A new marked-content sequence opens only when the owner changes,
    /// so the lines of one paragraph on a page are one sequence.
    /// </summary>
    public void Mark(StructElement? element, Artifact artifact = Artifact.Pagination)
    {
        var owner = (element, element is null ? artifact : Artifact.Pagination);
        if (_marked && owner == _owner) return;
        FlushSegment();
        if (_marked) _text.Append("EMC\n");
        _owner = owner;
        _marked = true;
        if (element is null)
        {
            _text.Append(artifact == Artifact.PageNumber ? "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n" : "/Artifact <</Type /Pagination>> BDC\n");
            return;
        }
        int mcid = document.Tree.Mark(element, index);
        _text.Append('/').Append(element.Type).Append(" <</MCID ").Append(mcid).Append(">> BDC\n");
    }

    /// <summary>The page's content stream, deflated, and the fonts it uses; called once when the page is complete.</summary>
    public (byte[] Content, IReadOnlyList<EmbeddedFont> Fonts) Finish()
    {
        FlushSegment();
        if (_marked) _text.Append("EMC\n");
        _marked = false;
        var content = new StringBuilder(_rules.Length + _text.Length + 64);
        content.Append("q\n");
        // Table rules carry no content a reader needs: a layout artifact.
        if (_ruleWidth >= 0) content.Append("/Artifact <</Type /Layout>> BDC\n").Append(_rules).Append("EMC\n");
        if (_text.Length > 0) content.Append("BT\n").Append(_text).Append("ET\n");
        content.Append("Q\n");
        // Latin-1: literal strings carry the CIDs' bytes as they are.
        return (EmbeddedFont.Deflate(Encoding.Latin1.GetBytes(content.ToString()), EmbeddedFont.TextLevel), _used);
    }

    /// <summary>Up to four decimals, no exponent, no trailing zeros: what PDF content streams read.</summary>
    private static StringBuilder Num(StringBuilder sb, double v) => PdfNumber.Append(sb, v, 4);
}
