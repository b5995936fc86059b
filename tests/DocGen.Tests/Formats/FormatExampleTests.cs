using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Formats;

/// <summary>The 2019 trial format and the pre-2019 format are template folders only: their examples must build like the 2021 ones.</summary>
public class FormatExampleTests
{
    [Theory]
    [InlineData("ningxia-gov-office-2020", 3)]
    [InlineData("ningxia-region-2018", 1)]
    public void Example_builds_without_errors_or_warnings(string name, int tables)
    {
        var result = Pipelines.Default.Build(Repo.Example(name));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(tables, result.Document!.Blocks.OfType<Table>().Count());
    }

    private static Document Build(string name)
    {
        var result = Pipelines.Default.Build(Repo.Example(name));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return result.Document!;
    }

    private static string Text(Paragraph p) => string.Concat(p.Inlines.Select(i => i.Text));

    [Fact]
    public void F2019_table_two_is_18_rows_on_a_7_column_grid()
    {
        var t2 = Build("ningxia-gov-office-2020").Blocks.OfType<Table>().Single(t => t.Id == "activeDisclosure");
        var grid = new TableGrid(t2);
        Assert.Equal((18, 7), (grid.RowCount, grid.ColumnCount));
        Assert.Equal(7, grid.At(0, 0).ColSpan);                        // 第二十条第（一）项
        Assert.Equal(("本年新制作数量", 2), (grid.At(1, 1).Text, grid.At(1, 1).ColSpan));
        Assert.Equal(("对外公开总数量", 2), (grid.At(1, 5).Text, grid.At(1, 5).ColSpan));
        Assert.Equal(("规范性文件", "34", "113"), (grid.At(3, 0).Text, grid.At(3, 1).Text, grid.At(3, 5).Text));
        Assert.Equal(("其他对外管理服务事项", "-1"), (grid.At(7, 0).Text, grid.At(7, 3).Text));
        Assert.Equal("+1", grid.At(6, 3).Text);                          // 行政许可 本年增/减
        Assert.Equal("0", grid.At(10, 3).Text);                          // 行政处罚 本年增/减
        Assert.Equal(("本年增/减", 3), (grid.At(13, 4).Text, grid.At(13, 4).ColSpan));
        Assert.Equal(("1", "0"), (grid.At(14, 1).Text, grid.At(14, 4).Text));
        Assert.Equal(("采购总金额", 3), (grid.At(16, 4).Text, grid.At(16, 4).ColSpan));
        Assert.Equal(("政府集中采购", "14", "2154.97万元"), (grid.At(17, 0).Text, grid.At(17, 1).Text, grid.At(17, 4).Text));
        Assert.True(grid.At(17, 4).IsValue);
    }

    [Fact]
    public void F2019_table_three_has_one_other_handling_row_and_a_20_row_result_label()
    {
        var t3 = Build("ningxia-gov-office-2020").Blocks.OfType<Table>().Single(t => t.Id == "applications");
        var grid = new TableGrid(t3);
        Assert.Equal((26, 10), (grid.RowCount, grid.ColumnCount));
        Assert.Equal(("三、本年度办理结果", 20), (grid.At(5, 0).Text, grid.At(5, 0).RowSpan));
        Assert.Same(grid.At(5, 0), grid.At(24, 0));
        Assert.Equal(("（六）其他处理", 2), (grid.At(23, 1).Text, grid.At(23, 1).ColSpan));
        Assert.Equal("（七）总计", grid.At(24, 1).Text);
        Assert.Equal(("4441", "4447"), (grid.At(24, 3).Text, grid.At(24, 9).Text));
        Assert.Equal(("四、结转下年度继续办理", 3), (grid.At(25, 0).Text, grid.At(25, 0).ColSpan));
        Assert.Equal(3, t3.HeaderRows);
    }

    [Fact]
    public void F2019_report_has_the_two_line_title_and_the_closing_in_section_six()
    {
        var paragraphs = Build("ningxia-gov-office-2020").Blocks.OfType<Paragraph>().ToList();
        Assert.Equal(["自治区人民政府办公厅", "2020年政府信息公开工作年度报告"], paragraphs.Where(p => p.Style == "title").Select(Text));
        var headings = paragraphs.Where(p => p.Style == "heading1").Select(Text).ToList();
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项"], headings);
        Assert.StartsWith("如有疑问或意见建议", Text(paragraphs[^1]));
        Assert.Equal("六、其他需要报告的事项", Text(paragraphs[^3]));
    }

    [Fact]
    public void Legacy_report_has_seven_sections_then_the_attachment_on_its_own_page()
    {
        var doc = Build("ningxia-region-2018");
        var paragraphs = doc.Blocks.OfType<Paragraph>().ToList();
        Assert.Equal(["一、概述", "二、深化重点领域政府信息公开情况", "三、政府信息主动公开情况", "四、政府信息依申请公开情况",
            "五、因信息公开申请行政复议、提起行政诉讼、收到举报投诉情况", "六、机构设置和经费保障情况", "七、存在的主要问题及改进措施"],
            paragraphs.Where(p => p.Style == "heading1").Select(Text));
        Assert.Equal(2, paragraphs.TakeWhile(p => Text(p) != "一、概述").Count(p => p.Style == "body"));

        var tail = doc.Blocks.TakeLast(4).ToList();
        var note = Assert.IsType<Paragraph>(tail[0]);
        Assert.Equal(("attachmentNote", "附件：宁夏回族自治区2018年度政府信息公开情况统计表"), (note.Style, Text(note)));
        var label = Assert.IsType<Paragraph>(tail[1]);
        Assert.Equal(("attachmentLabel", "附件"), (label.Style, Text(label)));
        Assert.True(doc.Styles.Paragraphs["attachmentLabel"].PageBreakBefore);
        var title = Assert.IsType<Paragraph>(tail[2]);
        Assert.Equal(("attachmentTitle", "宁夏回族自治区2018年度政府信息公开情况统计表"), (title.Style, Text(title)));
        Assert.Equal("statistics", Assert.IsType<Table>(tail[3]).Id);
    }

    [Fact]
    public void Legacy_statistics_table_has_units_indents_and_a_repeated_header()
    {
        var table = Build("ningxia-region-2018").Blocks.OfType<Table>().Single();
        var grid = new TableGrid(table);
        Assert.Equal(1, table.HeaderRows);
        Assert.Equal(3, grid.ColumnCount);
        Assert.Equal(["统计指标", "单位", "统计数"], table.Rows[0].Cells.Select(c => c.Text));
        // 被依法纠错数 and 其他情形数 occur under both 四 and 五: the first occurrence is enough here.
        var byLabel = table.Rows.Skip(1).GroupBy(r => r.Cells[0].Text).ToDictionary(g => g.Key, g => g.First().Cells);
        Assert.Equal(1 + 58 + 7, table.Rows.Count); // header, 58 value rows, 7 heading rows
        Assert.Equal(("", ""), (byLabel["一、主动公开情况"][1].Text, byLabel["一、主动公开情况"][2].Text));
        Assert.Equal(("条", "706668", 1.0), (byLabel["（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"][1].Text,
            byLabel["（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"][2].Text, byLabel["（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"][0].IndentChars));
        Assert.Equal(3.0, byLabel["其中：涉及国家秘密"][0].IndentChars);
        Assert.Equal(6.0, byLabel["涉及商业秘密"][0].IndentChars);
        Assert.Equal(("万元", "2602.76"), (byLabel["（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面经费）"][1].Text,
            byLabel["（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面经费）"][2].Text));
        Assert.Equal(("人次", "19871"), (byLabel["（三）接受培训人员数"][1].Text, byLabel["（三）接受培训人员数"][2].Text));
        Assert.Equal("750", byLabel["（一）收到申请数"][2].Text);
        Assert.All(table.Rows.Skip(1), r => Assert.Equal(HAlign.Left, r.Cells[0].Align));
    }

    [Fact]
    public void Legacy_attachment_title_defaults_to_agency_and_year()
    {
        var data = DataFiles.Load("ningxia-region-2018");
        data.Remove("attachment");
        var result = Pipelines.Default.Build(DataFiles.Write(data));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var paragraphs = result.Document!.Blocks.OfType<Paragraph>().ToList();
        Assert.Equal("附件：宁夏回族自治区2018年度政府信息公开情况统计表", Text(paragraphs.Single(p => p.Style == "attachmentNote")));
        Assert.Equal("宁夏回族自治区2018年度政府信息公开情况统计表", Text(paragraphs.Single(p => p.Style == "attachmentTitle")));
    }
}
