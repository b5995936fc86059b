using DocGen.Pdf.Fonts;

namespace DocGen.Pdf;

/// <summary>
/// The plan of a document: pages with every line, glyph, table cell and rule positioned. Coordinates are points
/// from the top-left corner of the page (y grows downwards), as on paper. Painting reads nothing else.
/// </summary>
public sealed record LayoutResult(IReadOnlyList<PageLayout> Pages, IReadOnlyList<OutlineEntry> Outline);

public sealed record PageLayout(int Number, double WidthPt, double HeightPt, IReadOnlyList<LaidLine> Lines, IReadOnlyList<CellBox> Cells, IReadOnlyList<RuleLine> Rules);

public enum LineKind { Paragraph, TableCell, PageNumber }

/// <summary>
/// One line of text. <see cref="Top"/>/<see cref="Height"/> is its line box (one grid line for body text);
/// glyphs are drawn on <see cref="Baseline"/>. <see cref="BlockIndex"/> is the index in Document.Blocks.
/// </summary>
public sealed record LaidLine(LineKind Kind, string Style, int BlockIndex, double X, double Top, double Height, double Baseline, double Width, IReadOnlyList<PlacedGlyph> Glyphs)
{
    public string Text => string.Concat(Glyphs.Select(g => g.Text));
    public bool FirstOfParagraph { get; init; }
    public bool LastOfParagraph { get; init; }
    /// <summary>For table cell lines: the grid position of the origin cell.</summary>
    public int Row { get; init; } = -1;
    public int Column { get; init; } = -1;
}

/// <summary>
/// A glyph or a run of glyphs drawn at X on the line's baseline. Without <see cref="Pitch"/> the run uses the font's
/// own advances; with it, character k of the run starts at X + k × Pitch (grid text).
/// </summary>
public sealed record PlacedGlyph(double X, string Text, FontFace Face, double SizePt, bool Bold)
{
    public double? Pitch { get; init; }

    /// <summary>Origin of each character of the run, for checks and for readers of the plan.</summary>
    public IEnumerable<double> CharacterOrigins()
    {
        double x = X;
        foreach (var r in Text.EnumerateRunes())
        {
            yield return x;
            x += Pitch ?? Face.AdvanceEm(r.Value) * SizePt;
        }
    }
}

/// <summary>
/// The part of a table cell on one page. A row-spanning cell split by a page break has one box per page; on the
/// continuation page <see cref="Repeated"/> is true and its label is drawn again where its rows there have room for it
/// (rows never grow for it: the DOCX does not repeat it). Header rows repeated on a
/// new page are also <see cref="Repeated"/>.
/// </summary>
public sealed record CellBox(string TableId, int Row, int Column, int RowSpan, int ColSpan, double X, double Top, double Width, double Height, string Text)
{
    public bool Repeated { get; init; }
    public bool IsHeader { get; init; }
}

public sealed record RuleLine(double X1, double Y1, double X2, double Y2, double WidthPt);

/// <summary>A bookmark: level 1 for 一、 headings, 2 for （一）.</summary>
public sealed record OutlineEntry(int Level, string Title, int PageIndex, double Top);
