using DocGen.Model;
using DocGen.Templates;
using DocGen.Tests.Support;

namespace DocGen.Tests.Docx;

/// <summary>Documents built from the real 2021 style sheet, shaped like the published annual reports.</summary>
internal static class SampleDocuments
{
    public static StyleSheet Styles { get; } = StyleSheetLoader.Load(Repo.StyleSheet("gov-info-annual-2021")).Styles;

    public static readonly DocumentInfo Info = new("示例机关2023年政府信息公开工作年度报告", "示例机关办公室")
    {
        Date = new DateTimeOffset(2024, 1, 20, 9, 30, 0, TimeSpan.FromHours(8)),
    };

    /// <summary>Column widths of table 三 scaled from a published report to the 156 mm type area.</summary>
    public static readonly double[] T3WidthsMm = [6.3, 15.5, 37.4, 10.4, 12.8, 12.8, 18.0, 15.5, 10.4, 16.9];

    public const string Corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    public const string ResultsLabel = "三、本年度办理结果";
    public const string NotDisclosedLabel = "（三）不予公开";

    /// <summary>A body line of exactly 26 full-width characters: with the 2-字 indent it fills one 28-character grid line.</summary>
    public static string GridLine(int n) => "第" + FullWidth(n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)) + "行" + new string('政', 22);

    /// <summary>27 characters after the indent: one more than a line holds, so the last one must wrap.</summary>
    public static readonly string OverlongLine = "第" + FullWidth("24") + "行" + new string('溢', 23);

    private static string FullWidth(string digits) => string.Concat(digits.Select(d => (char)(d - '0' + '０')));

    /// <summary>
    /// Three pages: title, prose and table 三 (page 1–2 depending on the table), then after a page break 22 one-line body
    /// paragraphs that must fill exactly one page, then the 23rd line on the next page.
    /// </summary>
    public static Document Report()
    {
        var blocks = new List<Block>
        {
            P("title", "示例机关"),
            P("title", "2023年政府信息公开工作年度报告"),
            P("body", "根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现发布本报告。本报告统计数据从2023年1月1日至12月31日。"),
            P("heading1", "一、总体情况"),
            new Paragraph("body", [
                new Inline("（一）主动公开。", "runInHead2"),
                new Inline("全年主动公开政府信息1234条，其中"),
                new Inline("规范性文件12件", Bold: true),
                new Inline("，均按规定在门户网站发布。"),
            ]),
            P("heading1", "三、收到和处理政府信息公开申请情况"),
            T3(),
            new PageBreak(),
        };
        for (int i = 1; i <= 23; i++) blocks.Add(P("body", GridLine(i)));
        blocks.Add(P("body", OverlongLine));
        blocks.Add(new Spacer(1));
        blocks.Add(P("attachmentNote", "附件：示例统计表"));
        return new Document(Info, Styles, blocks);
    }

    public static Paragraph P(string style, string text) => new(style, [new Inline(text)]);

    /// <summary>
    /// Shapes the writer must handle beyond the typical report: a page break straight before a table, two tables in a row,
    /// a fractional spacer, hard line breaks and tabs, cell styles, indents and bold, a document ending in a table, and
    /// page numbers that do not alternate.
    /// </summary>
    public static Document EdgeCases()
    {
        var small = new Table("small", [40, 60, 56], 1,
        [
            new TableRow([new TableCell(0, 0, ["项目"]), new TableCell(0, 1, ["说明"], ColSpan: 2)]),
            new TableRow([
                new TableCell(1, 0, ["一、甲", "二、乙"], RowSpan: 2, Align: HAlign.Left) { Bold = true },
                new TableCell(1, 1, ["缩进两字"], Align: HAlign.Left) { IndentChars = 2 },
                new TableCell(1, 2, ["1.5"]) { IsValue = true, Style = "body" },
            ]) { MinHeightMm = 8 },
            new TableRow([new TableCell(2, 1, []), new TableCell(2, 2, ["末"])]),
        ]);
        var number = Styles.Page.PageNumber with { OddEvenAlternate = false };
        var styles = Styles with { Page = Styles.Page with { PageNumber = number } };
        Block[] blocks =
        [
            P("title", "边界情形"),
            new Paragraph("body", [new Inline("第一行\n第二行\t制表"), new Inline("", "runInHead3"), new Inline("加粗", Bold: true)]),
            new PageBreak(),
            small,
            small with { Id = "small2" },
            new Spacer(1.5),
            P("heading2", "（一）二级标题"),
            P("heading3", "1.三级标题"),
            P("attachmentLabel", "附件"),
            P("attachmentTitle", "附件标题"),
            small with { Id = "small3" },
        ];
        return new Document(Info with { Title = "边界情形" }, styles, blocks);
    }

    /// <summary>Table 三 of the 2021 format: 28 rows × 10 columns with the spans of the printed form.</summary>
    public static Table T3()
    {
        var rows = new List<List<TableCell>>();
        for (int r = 0; r < 28; r++) rows.Add([]);
        void Add(int row1, int col1, string text, int rs = 1, int cs = 1, HAlign align = HAlign.Center) =>
            rows[row1 - 1].Add(new TableCell(row1 - 1, col1 - 1, [text], rs, cs, align));

        Add(1, 1, Corner, 3, 3);
        Add(1, 4, "申请人情况", 1, 7);
        Add(2, 4, "自然人", 2, 1);
        Add(2, 5, "法人或其他组织", 1, 5);
        Add(2, 10, "总计", 2, 1);
        string[] orgs = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];
        for (int i = 0; i < orgs.Length; i++) Add(3, 5 + i, orgs[i]);

        Add(4, 1, "一、本年新收政府信息公开申请数量", 1, 3, HAlign.Left);
        Add(5, 1, "二、上年结转政府信息公开申请数量", 1, 3, HAlign.Left);
        Add(6, 1, ResultsLabel, 22, 1);
        Add(6, 2, "（一）予以公开", 1, 2, HAlign.Left);
        Add(7, 2, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2, HAlign.Left);
        Group(8, NotDisclosedLabel, ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]);
        Group(16, "（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]);
        Group(19, "（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息"]);
        Group(24, "（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]);
        Add(27, 2, "（七）总计", 1, 2, HAlign.Left);
        Add(28, 1, "四、结转下年度继续办理", 1, 3, HAlign.Left);

        // Data cells: a value that names its own row, so the text order of the PDF can be checked (row 4 → 40…46).
        for (int r = 4; r <= 28; r++)
            for (int c = 4; c <= 10; c++)
                rows[r - 1].Add(new TableCell(r - 1, c - 1, [(r * 10 + c - 4).ToString(System.Globalization.CultureInfo.InvariantCulture)]) { IsValue = true });

        return new Table("T3", T3WidthsMm, HeaderRows: 3,
            rows.Select(cells => new TableRow(cells.OrderBy(c => c.Column).ToList())).ToList());

        void Group(int firstRow, string label, string[] items)
        {
            Add(firstRow, 2, label, items.Length, 1);
            for (int i = 0; i < items.Length; i++) Add(firstRow + i, 3, items[i], 1, 1, HAlign.Left);
        }
    }
}
