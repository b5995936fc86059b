using DocGen.Model;

namespace DocGen.Pdf.Layout;

/// <summary>
/// Block flow and pagination: paragraphs line by line on the type area, filling every page (GB/T 9704: 22 lines), keep-with-next
/// chains (a heading stays with the first lines of what follows), explicit page breaks, spacers and tables (through
/// <see cref="TablePlanner"/>). Then page numbers.
/// </summary>
internal sealed class DocumentLayout
{
    private const double Eps = 0.01;
    private readonly Document _doc;
    private readonly FontContext _fonts;
    private readonly StyleSheet _s;
    private readonly double _left, _top, _width, _height;
    private readonly List<PageBuilder> _pages = [];
    private readonly List<OutlineEntry> _outline = [];
    private readonly object?[] _prepared;   // ParagraphLines or TablePlanner per block, built on first use

    public DocumentLayout(Document doc, FontContext fonts)
    {
        _doc = doc;
        _fonts = fonts;
        _s = doc.Styles;
        var p = _s.Page;
        _left = Units.MmToPt(p.LeftMm);
        _top = Units.MmToPt(p.TopMm);
        _width = Units.MmToPt(p.TypeAreaWidthMm);
        _height = Units.MmToPt(p.TypeAreaHeightMm);
        _prepared = new object?[doc.Blocks.Count];
    }

    public LayoutResult Run()
    {
        NewPage();
        for (int i = 0; i < _doc.Blocks.Count; i++)
        {
            switch (_doc.Blocks[i])
            {
                case Paragraph:
                    PlaceParagraph(i);
                    break;
                case DocGen.Model.Table:
                    Planner(i).Place(() => Current, NewPage, _left, _top, _width, _height);
                    break;
                case PageBreak:
                    NewPage();
                    break;
                case Spacer sp:
                    // Blank lines at the top of a page would only push the text down; GB/T 9704 blank lines separate things on one page.
                    if (!Current.IsEmpty) Current.Y = Math.Min(_height, Current.Y + sp.Lines * _s.LinePitchPt);
                    break;
            }
        }
        var pageSize = (Units.MmToPt(_s.Page.WidthMm), Units.MmToPt(_s.Page.HeightMm));
        var pages = new List<PageLayout>();
        foreach (var b in _pages)
        {
            PageNumbers.Add(b, _s, _fonts);
            pages.Add(new PageLayout(b.Number, pageSize.Item1, pageSize.Item2, b.Lines, b.Cells, b.Rules));
        }
        return new LayoutResult(pages, _outline);
    }

    private PageBuilder Current => _pages[^1];

    private PageBuilder NewPage()
    {
        if (_pages.Count > 0 && Current.IsEmpty) return Current;   // never leave a blank page behind
        var p = new PageBuilder(_pages.Count + 1);
        _pages.Add(p);
        return p;
    }

    private ParagraphLines Para(int i) => (ParagraphLines)(_prepared[i] ??= ParagraphLayout.Build((Paragraph)_doc.Blocks[i], i, _fonts, _width));

    private TablePlanner Planner(int i) => (TablePlanner)(_prepared[i] ??= new TablePlanner((DocGen.Model.Table)_doc.Blocks[i], i, _fonts));

    /// <summary>Height a block needs at the bottom of a page so that a heading kept with it is not stranded.</summary>
    private double MinStart(int i, int depth = 0)
    {
        if (i >= _doc.Blocks.Count || depth > 8) return 0;
        switch (_doc.Blocks[i])
        {
            case Paragraph:
                var p = Para(i);
                if (p.Style.KeepWithNext) return p.SpaceBefore + p.Height + p.SpaceAfter + MinStart(i + 1, depth + 1);
                // Keep-with-next asks for the next paragraph's first line only: without widow control (the DOCX turns it off,
                // see PlaceParagraph) Word and LibreOffice let that paragraph break after its first line.
                return p.SpaceBefore + Math.Min(p.Lines.Count, 1) * p.Pitch;
            case DocGen.Model.Table:
                return Planner(i).MinStartHeight();
            default:
                return 0;
        }
    }

    private void PlaceParagraph(int i)
    {
        var p = Para(i);
        if (p.Style.PageBreakBefore) NewPage();
        if (!Current.IsEmpty) Current.Y += p.SpaceBefore;
        if (p.Style.KeepWithNext && !Current.IsEmpty && Current.Y + p.Height + p.SpaceAfter + MinStart(i + 1) > _height + Eps)
            NewPage();
        int n = p.Lines.Count, k0 = 0;
        while (k0 < n)
        {
            int left = n - k0;
            int fit = (int)Math.Floor((_height - Current.Y + Eps) / p.Pitch);
            if (fit >= left)
            {
                Put(p, k0, left);
                k0 = n;
                break;
            }
            // GB/T 9704 fills every page with its 22 lines: a paragraph breaks wherever the page is full, even leaving one line
            // at the foot or the head of a page, as the DOCX does (widow control off) in Word and LibreOffice.
            int take = fit;
            if (take <= 0 && Current.IsEmpty) take = Math.Max(1, fit);      // taller than a page: nothing better is possible
            if (take > 0) Put(p, k0, take);
            k0 += take;
            NewPage();
        }
        Current.Y += p.SpaceAfter;
    }

    private void Put(ParagraphLines p, int from, int count)
    {
        var page = Current;
        // The bookmark points at where the heading really landed, after keep-with-next and orphan moves.
        if (from == 0 && count > 0 && p.Style.OutlineLevel is 1 or 2)
            _outline.Add(new OutlineEntry(p.Style.OutlineLevel, p.Paragraph.PlainText.Trim(), page.Number - 1, _top + page.Y));
        for (int k = from; k < from + count; k++)
        {
            var l = p.Lines[k];
            double top = _top + page.Y;
            page.Lines.Add(l with { X = _left + l.X, Top = top, Baseline = top + l.Baseline });
            page.Y += p.Pitch;
        }
    }
}
