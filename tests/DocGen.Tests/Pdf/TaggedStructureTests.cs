using DocGen.Model;
using DocGen.Pdf;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>
/// The tagged PDF (PDF/UA-1) as poppler reads it: every piece of text in exactly one structure element or an artifact, the
/// document's order, headings, run-in heads, and tables with their header cells, scopes, headers and spans.
/// </summary>
public class TaggedStructureTests
{
    private static Document Model(string example) => Pipelines.Default.Build(Repo.Example(example)).Document!;

    /// <summary>
    /// The text drawn as artifacts, read from the layout: page numbers, and the text of cells the planner repeated on a
    /// continuation page (header rows, labels of a span cut by the page).
    /// </summary>
    private static string ArtifactText(LayoutResult layout)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var page in layout.Pages)
        {
            var repeated = page.Cells.Where(c => c.Repeated).ToList();
            foreach (var line in page.Lines)
            {
                if (line.Kind == LineKind.PageNumber) sb.Append(line.Text);
                else if (line.Kind == LineKind.TableCell && repeated.Any(c => c.Row == line.Row && c.Column == line.Column
                         && line.Top >= c.Top - 0.01 && line.Top <= c.Top + c.Height && line.X >= c.X - 0.01 && line.X <= c.X + c.Width))
                    sb.Append(line.Text);
            }
        }
        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Tagged_text_is_the_document_once_and_the_page_text_is_tagged_text_plus_artifacts(string example)
    {
        string pdf = ExampleOutputs.Pdf(example);
        var doc = Model(example);
        var tree = TaggedPdf.Structure(pdf);
        Assert.Equal("Document", tree.Type);
        // In reading order, every paragraph and every cell once: nothing left out, nothing tagged twice.
        Assert.Equal(TaggedPdf.NoSpace(ModelText.Of(doc)), TaggedPdf.NoSpace(tree.Text()));
        // What the page shows (pdftotext) is that text plus the artifacts, character for character.
        var pageText = TaggedPdf.Chars(Tools.PdfText(pdf));
        var expected = TaggedPdf.Chars(tree.Text() + ArtifactText(PdfFixture.Renderer.Layout(doc)));
        Assert.Equal(expected.OrderBy(kv => kv.Key), pageText.OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData("ningxia-gov-office-2023")]
    [InlineData("pingluo-county-2023")]
    public void Tables_carry_their_header_cells_scopes_and_spans(string example)
    {
        var doc = Model(example);
        var models = doc.Blocks.OfType<Table>().ToList();
        var tables = TaggedPdf.Structure(ExampleOutputs.Pdf(example)).Descendants().Where(n => n.Type == "Table").ToList();
        Assert.Equal(3, models.Count);
        Assert.Equal(models.Count, tables.Count);
        for (int t = 0; t < models.Count; t++)
        {
            var model = models[t];
            var cells = model.Rows.SelectMany(r => r.Cells).ToList();
            var nodes = tables[t].Descendants().ToList();
            var th = nodes.Where(n => n.Type == "TH").ToList();
            var td = nodes.Where(n => n.Type == "TD").ToList();
            // Labels are header cells, figures are data cells; counted from the table's definition.
            Assert.Equal(cells.Count(c => !c.IsValue), th.Count);
            Assert.Equal(cells.Count(c => c.IsValue), td.Count);
            Assert.Equal(cells.Count(c => c.RowSpan > 1), nodes.Count(n => n.Attributes.ContainsKey("RowSpan")));
            Assert.Equal(cells.Count(c => c.ColSpan > 1), nodes.Count(n => n.Attributes.ContainsKey("ColSpan")));
            Assert.Equal(cells.Where(c => c.RowSpan > 1).Select(c => c.RowSpan.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
                nodes.Where(n => n.Attributes.ContainsKey("RowSpan")).Select(n => n.Attributes["RowSpan"]).Order());
            Assert.All(th, h => Assert.Contains(h.Attributes["Scope"], new[] { "/Column", "/Row" }));
            // Header rows are the THead, one TR per grid row.
            var head = tables[t].Kids.SingleOrDefault(k => k.Type == "THead");
            Assert.Equal(model.HeaderRows, head?.Kids.Count ?? 0);
            Assert.Equal(model.Rows.Count, nodes.Count(n => n.Type == "TR"));
            // Every data cell names its header cells, and every name is a header cell's ID.
            var ids = th.Select(h => h.Id).ToHashSet();
            Assert.All(td, d =>
            {
                var names = System.Text.RegularExpressions.Regex.Matches(d.Attributes["Headers"], @"\(([^)]*)\)").Select(m => m.Groups[1].Value).ToList();
                Assert.NotEmpty(names);
                Assert.All(names, n => Assert.Contains(n, ids));
            });
        }
    }

    [Fact]
    public void A_data_cell_names_the_labels_above_and_beside_it()
    {
        var tables = TaggedPdf.Structure(ExampleOutputs.Pdf("ningxia-gov-office-2023")).Descendants().Where(n => n.Type == "Table").ToList();
        var byId = tables.SelectMany(t => t.Descendants()).Where(n => n.Id is not null).ToDictionary(n => n.Id!, n => n.Text());
        string Headers(StructNode td) => string.Join("|", System.Text.RegularExpressions.Regex.Matches(td.Attributes["Headers"], @"\(([^)]*)\)")
            .Select(m => byId[m.Groups[1].Value]));
        // 表三, the 科研机构 column of 4.保护第三方合法权益: both header levels above, the three nested labels beside.
        var t3 = tables[1].Descendants().Where(n => n.Type == "TR").ToList();
        var row = t3.Single(r => r.Kids.Any(k => k.Text() == "4.保护第三方合法权益"));
        Assert.Equal("申请人情况|法人或其他组织|科研机构|三、本年度办理结果|（三）不予公开|4.保护第三方合法权益", Headers(row.Kids.Where(k => k.Type == "TD").ElementAt(2)));
        // 表二, 行政处罚: the label rows that introduce its block, not those of the blocks above.
        var t2 = tables[0].Descendants().Where(n => n.Type == "TR").ToList();
        var penalty = t2.Single(r => r.Kids.Any(k => k.Text() == "行政处罚"));
        Assert.Equal("第二十条第（六）项|本年处理决定数量|行政处罚", Headers(penalty.Kids.Single(k => k.Type == "TD")));
    }

    [Fact]
    public void Headings_paragraphs_and_run_in_heads_are_tagged()
    {
        var doc = Model("ningxia-gov-office-2023");
        var tree = TaggedPdf.Structure(ExampleOutputs.Pdf("ningxia-gov-office-2023"));
        var blocks = tree.Kids;
        var expected = doc.Blocks.Where(b => b is Paragraph or Table).Select(b => b switch
        {
            Paragraph p => doc.Styles.Paragraph(p.Style).OutlineLevel is var l and >= 1 and <= 6 ? "H" + l : "P",
            _ => "Table",
        }).ToList();
        Assert.Equal(expected, blocks.Select(b => b.Type).ToList());
        Assert.Contains(blocks, b => b.Type == "H1" && b.Text() == "一、总体情况");
        // A run-in head (a run in a character style) is a Span inside its paragraph, before the paragraph's own text.
        var runIns = doc.Blocks.OfType<Paragraph>().Where(p => p.Inlines.Any(i => i.CharacterStyle is not null)).ToList();
        Assert.NotEmpty(runIns);
        var spans = blocks.Where(b => b.Kids.Any(k => k.Type == "Span")).ToList();
        Assert.Equal(runIns.Count, spans.Count);
        for (int i = 0; i < runIns.Count; i++)
        {
            Assert.Equal(TaggedPdf.NoSpace(runIns[i].Inlines.First(x => x.CharacterStyle is not null).Text), TaggedPdf.NoSpace(spans[i].Kids[0].Text()));
            Assert.Same(spans[i].Kids[0], spans[i].Content[0]);
        }
    }

    [Fact]
    public void A_table_split_across_pages_is_one_table_and_its_repeated_header_is_an_artifact()
    {
        var doc = PdfFixture.TableAcrossPages();
        var layout = PdfFixture.Renderer.Layout(doc);
        Assert.True(layout.Pages.Count(p => p.Cells.Count > 0) >= 2, "the fixture's table must run over two pages");
        Assert.Contains(layout.Pages[^1].Cells, c => c.Repeated);
        var pdf = PdfFixture.WriteTemp(PdfFixture.Render(doc), "split-table");
        var tree = TaggedPdf.Structure(pdf);
        var table = Assert.Single(tree.Descendants(), n => n.Type == "Table");
        Assert.Equal(28, table.Descendants().Count(n => n.Type == "TR"));
        // 申请人情况 is printed on every page the table reaches and tagged once.
        Assert.Equal(layout.Pages.Count(p => p.Cells.Count > 0), System.Text.RegularExpressions.Regex.Count(Tools.PdfText(pdf), "申请人情况"));
        Assert.Single(table.Descendants(), n => n.Text() == "申请人情况");
        Assert.Equal(TaggedPdf.NoSpace(ModelText.Of(doc)), TaggedPdf.NoSpace(tree.Text()));
    }
}
