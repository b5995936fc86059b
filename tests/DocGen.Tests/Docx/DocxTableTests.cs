using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.Docx;

/// <summary>Table 三 (28 × 10) read back from the DOCX must be exactly the model's grid.</summary>
public class DocxTableTests
{
    private static Table T3(DocumentFormat.OpenXml.Packaging.WordprocessingDocument word) =>
        word.MainDocumentPart!.Document.Body!.Elements<Table>().Single();

    [Fact]
    public void Merges_reproduce_the_model_grid()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        Assert.Equal(28, T3(word).Elements<TableRow>().Count());
        Assert.Empty(DocxGridReader.Differences(T3(word), SampleDocuments.T3()));
    }

    [Fact]
    public void Spanning_labels_are_written_once()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var texts = T3(word).Descendants<TableCell>().Select(tc => tc.InnerText).ToList();
        Assert.Single(texts, t => t == SampleDocuments.ResultsLabel);
        Assert.Single(texts, t => t == SampleDocuments.NotDisclosedLabel);
        Assert.Single(texts, t => t == SampleDocuments.Corner);
        var label = T3(word).Descendants<TableCell>().Single(tc => tc.InnerText == SampleDocuments.ResultsLabel);
        Assert.Equal(MergedCellValues.Restart, label.TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.Equal(21, T3(word).Elements<TableRow>().Skip(6).Count(row =>
            row.Elements<TableCell>().First().TableCellProperties?.VerticalMerge is { } v && v.Val!.Value == MergedCellValues.Continue));
    }

    [Fact]
    public void Columns_rows_and_cells_follow_the_table_rules()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var table = T3(word);
        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(10, widths.Count);
        Assert.InRange(widths.Sum(), 8843, 8845); // 156 mm
        Assert.InRange(widths[0], 355, 360);      // the ~6.3 mm column of 三、本年度办理结果

        var tblPr = table.GetFirstChild<TableProperties>()!;
        Assert.Equal(TableLayoutValues.Fixed, tblPr.TableLayout!.Type!.Value);
        var rows = table.Elements<TableRow>().ToList();
        Assert.All(rows, row => Assert.NotNull(row.TableRowProperties!.GetFirstChild<CantSplit>()));
        Assert.Equal(3, rows.Count(row => row.TableRowProperties!.GetFirstChild<TableHeader>() is not null));
        Assert.All(rows.Take(3), row => Assert.NotNull(row.TableRowProperties!.GetFirstChild<TableHeader>()));

        Assert.All(table.Descendants<TableCell>(), tc =>
        {
            Assert.Equal(TableVerticalAlignmentValues.Center, tc.TableCellProperties!.TableCellVerticalAlignment!.Val!.Value);
            Assert.All(tc.Elements<Paragraph>(), p => Assert.Equal("tableText", p.ParagraphProperties!.ParagraphStyleId!.Val!.Value));
        });
        // Label cells that the model aligns left get a direct jc; centred ones inherit the style's centre.
        var left = table.Descendants<TableCell>().Single(tc => tc.InnerText == "一、本年新收政府信息公开申请数量");
        Assert.Equal(JustificationValues.Left, left.Elements<Paragraph>().Single().ParagraphProperties!.Justification!.Val!.Value);
        var centred = table.Descendants<TableCell>().Single(tc => tc.InnerText == "申请人情况");
        Assert.Null(centred.Elements<Paragraph>().Single().ParagraphProperties!.Justification);
    }

    [Fact]
    public void Borders_are_single_half_point_black_rules()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var styleId = T3(word).GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value;
        var style = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId!.Value == styleId);
        var borders = style.StyleTableProperties!.TableBorders!.Elements<BorderType>().ToList();
        Assert.Equal(6, borders.Count);
        Assert.All(borders, b => Assert.Equal((BorderValues.Single, 4u, "000000"), (b.Val!.Value, b.Size!.Value, b.Color!.Value!)));
    }

    [Fact]
    public void Cell_lines_indent_and_bold_are_written()
    {
        using var word = DocxFiles.Open(DocxFiles.Write(SampleDocuments.EdgeCases()));
        var cells = word.MainDocumentPart!.Document.Body!.Elements<Table>().First().Descendants<TableCell>().ToList();
        var twoLines = cells.Single(tc => tc.InnerText == "一、甲二、乙");
        Assert.Equal(["一、甲", "二、乙"], twoLines.Elements<Paragraph>().Select(p => p.InnerText));
        Assert.All(twoLines.Descendants<Run>(), r => Assert.NotNull(r.RunProperties!.Bold));
        var indented = cells.Single(tc => tc.InnerText == "缩进两字").Elements<Paragraph>().Single().ParagraphProperties!.Indentation!;
        Assert.Equal((200, "420"), (indented.LeftChars!.Value, indented.Left!.Value!));
        var styled = cells.Single(tc => tc.InnerText == "1.5").Elements<Paragraph>().Single();
        Assert.Equal("body", styled.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
    }
}
