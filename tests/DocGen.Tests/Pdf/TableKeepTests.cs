using System.Text.Json.Nodes;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>
/// A table's heading stays with its header rows and at least two data rows. The preamble grows one line at a
/// time, so across 24 lengths every table starts at every line of a page, including the foot.
/// </summary>
public class TableKeepTests
{
    private const string Sentence = "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。";

    public static TheoryData<int> PreambleLengths => new(Enumerable.Range(0, 24));

    [Theory]
    [MemberData(nameof(PreambleLengths))]
    public void A_table_starts_with_its_heading_header_rows_and_two_data_rows_on_one_page(int extraLines)
    {
        var data = DataFiles.Load("ningxia-gov-office-2023");
        var preamble = data["preamble"]!.AsArray();
        for (int i = 0; i < extraLines; i++) preamble.Add((JsonNode)Sentence);
        var result = Pipelines.Default.Build(DataFiles.Write(data));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var doc = result.Document!;
        var layout = PdfFixture.Renderer.Layout(doc);

        for (int b = 0; b < doc.Blocks.Count; b++)
        {
            if (doc.Blocks[b] is not Table table) continue;
            var first = layout.Pages.First(p => p.Cells.Any(c => c.TableId == table.Id));
            int dataRows = Enumerable.Range(table.HeaderRows, table.Rows.Count - table.HeaderRows).Count(r => !table.IsLabelRow(r));
            int onFirstPage = first.Cells.Where(c => c.TableId == table.Id && !c.Repeated && c.Row >= table.HeaderRows && !table.IsLabelRow(c.Row))
                .Select(c => c.Row).Distinct().Count();
            Assert.True(onFirstPage >= Math.Min(2, dataRows), $"{table.Id}: {onFirstPage} data row(s) on page {first.Number} with {extraLines} extra preamble lines");

            // The heading kept with the table (the paragraph before it, keep-with-next) is on that page too.
            if (b > 0 && doc.Blocks[b - 1] is Paragraph heading && doc.Styles.Paragraph(heading.Style).KeepWithNext)
                Assert.Contains(first.Lines, l => l.BlockIndex == b - 1);
        }
    }
}
