namespace DocGen.Model;

/// <summary>
/// The neutral document that every writer reads. Built once from the template's markup;
/// the DOCX writer and the PDF layout engine never look at the data file or the template.
/// </summary>
public sealed record Document(DocumentInfo Info, StyleSheet Styles, IReadOnlyList<Block> Blocks);

/// <summary>Metadata written into DOCX core properties and PDF document info. No clock: the date is part of the input so output is reproducible.</summary>
public sealed record DocumentInfo(string Title, string Author, string Subject = "", string Language = "zh-CN")
{
    /// <summary>Fixed creation date; writers use it for every timestamp they must emit.</summary>
    public DateTimeOffset Date { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>Where a block or run came from, so a writer can name it in an error (e.g. a glyph no font covers).</summary>
public sealed record SourceRef(string Description)
{
    public static readonly SourceRef None = new("");

    /// <summary>The data file and position it came from, when it came from one: a layout error can then point there.</summary>
    public string? File { get; init; }
    public int Line { get; init; }
    public int Column { get; init; }
    public string? JsonPath { get; init; }

    public override string ToString() => Description;
}

public abstract record Block
{
    public SourceRef Source { get; init; } = SourceRef.None;
}

/// <summary>A paragraph in a named paragraph style (a key of <see cref="StyleSheet.Paragraphs"/>).</summary>
public sealed record Paragraph(string Style, IReadOnlyList<Inline> Inlines) : Block
{
    public string PlainText => string.Concat(Inlines.Select(i => i.Text));
}

/// <summary>
/// A run of text. <paramref name="CharacterStyle"/> names an entry of <see cref="StyleSheet.Characters"/>
/// (for example the run-in head of a "（一）" item); Bold comes from a **…** span in the data.
/// </summary>
public sealed record Inline(string Text, string? CharacterStyle = null, bool Bold = false);

/// <summary>Starts the next block on a new page.</summary>
public sealed record PageBreak : Block;

/// <summary>Vertical space measured in body lines (GB/T 9704 "空一行").</summary>
public sealed record Spacer(double Lines) : Block;
