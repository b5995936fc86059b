using DocGen.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;
using DocGen.Templates;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>
/// Documents built from the real 2021 style sheet: a long multi-page report body with headings, run-in heads,
/// document numbers and punctuation at line ends, and a table shaped like table 三 of the 2021 format (28 × 10).
/// </summary>
public static class PdfFixture
{
    public static StyleSheet Styles { get; } = StyleSheetLoader.Load(Repo.StyleSheet("gov-info-annual-2021")).Styles;

    public static FontSettings Fonts { get; } = new([]);

    public static PdfRenderer Renderer { get; } = new(Fonts);

    public static DocumentInfo Info { get; } = new("测试机关2023年政府信息公开工作年度报告", "测试机关") { Date = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero) };

    public static Paragraph P(string style, string text, string source = "") => new(style, [new Inline(text)]) { Source = new SourceRef(source) };

    public static Paragraph RunIn(string head, string rest, string source = "") =>
        new("body", [new Inline(head, "runInHead2"), new Inline(rest)]) { Source = new SourceRef(source) };

    private static readonly string[] Sentences =
    [
        "坚持质量和实效并举，提高信息发布“含金量”，权威准确传递政策意图、及时快速传播政府声音、有效回应引导市场预期。",
        "全年累计发布信息3712条，其中，行政文件79件、图解88篇，公布常务会议37次、通知公告10次。",
        "办理“主席信箱”2038件并刊登办理结果，发布“在线访谈”21期、网络征集21次、回应关切39篇；",
        "政务微信发布信息639篇、政务微博发布信息359篇。编审刊发《自治区政府公报》24期，并上线专栏同步发布电子书。",
        "根据国办公开办函〔2021〕30号要求，建成政府信息公开申请平台，全年办理政府信息公开申请61件、行政复议1件、行政诉讼8件；",
        "《解决实际问题，及时回应关切——余某某申请公开12328交通运输服务监督热线录音》案例入选典型案例……",
        "采用机器扫描、技术巡查、人工核查和交叉互检等方式每10日开展1次全面检查，累计查找问题线索1200条。",
        "持续推动适老化与无障碍改造，全区91家政府网站全部实现支持互联网协议第6版，改造达到90%。",
    ];

    /// <summary>Deterministic body text: sentences rotated so that marks land at every column over the paragraphs.</summary>
    public static string BodyText(int seed, int sentences)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < sentences; i++) sb.Append(Sentences[(seed * 3 + i) % Sentences.Length]);
        return sb.ToString();
    }

    /// <summary>A report of about a dozen pages: title, preamble, six headings with run-in items and body paragraphs.</summary>
    public static Document LongReport()
    {
        var blocks = new List<Block>
        {
            P("title", "测试机关2023年政府信息公开工作年度报告", "标题"),
            new Spacer(1), // the templates put one blank line after the title block
            P("body", "根据《中华人民共和国政府信息公开条例》规定和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，现发布本报告。本报告统计数据从2023年1月1日至12月31日。", "preamble[0]"),
        };
        string[] heads = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"];
        for (int h = 0; h < heads.Length; h++)
        {
            blocks.Add(P("heading1", heads[h], $"sections[{h}].heading"));
            blocks.Add(P("body", BodyText(h, 3), $"sections[{h}].paragraphs[0]"));
            if (h == 5) blocks.Add(P("heading2", "（一）全区政务公开工作要点落实情况", "sections[5].heading2"));
            for (int k = 0; k < 4; k++)
            {
                blocks.Add(RunIn($"（{"一二三四"[k]}）依法公布政府信息。", BodyText(h * 4 + k, 2 + (h + k) % 4), $"sections[{h}].paragraphs[{k + 1}]"));
            }
            if (h == 2) blocks.Add(TableThree(fill: 7));
        }
        return new Document(Info, Styles, blocks);
    }

    /// <summary>
    /// Table 三 of the 2021 format: 28 rows × 10 columns, a 3×3 corner note, 三、本年度办理结果
    /// spanning 22 rows in a ~6 mm column, category labels spanning their items.
    /// </summary>
    public static Table TableThree(int fill = 0)
    {
        double[] widths = [6.3, 15.5, 37.4, 10.4, 12.8, 12.8, 18.0, 15.5, 10.4, 16.9];
        var rows = new List<List<TableCell>>();
        for (int r = 0; r < 28; r++) rows.Add([]);
        void Add(int r, int c, string text, int rs = 1, int cs = 1, HAlign align = HAlign.Center) =>
            rows[r].Add(new TableCell(r, c, text.Split('\n'), rs, cs, align));
        Add(0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3, HAlign.Left);
        Add(0, 3, "申请人情况", 1, 7);
        Add(1, 3, "自然人", 2);
        Add(1, 4, "法人或其他组织", 1, 5);
        Add(1, 9, "总计", 2);
        string[] kinds = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];
        for (int k = 0; k < 5; k++) Add(2, 4 + k, kinds[k]);
        Add(3, 0, "一、本年新收政府信息公开申请数量", 1, 3, HAlign.Left);
        Add(4, 0, "二、上年结转政府信息公开申请数量", 1, 3, HAlign.Left);
        Add(5, 0, "三、本年度办理结果", 22);
        Add(5, 1, "（一）予以公开", 1, 2, HAlign.Left);
        Add(6, 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2, HAlign.Left);
        Add(7, 1, "（三）不予公开", 8);
        string[] r3 = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"];
        for (int i = 0; i < 8; i++) Add(7 + i, 2, r3[i], align: HAlign.Left);
        Add(15, 1, "（四）无法提供", 3);
        string[] r4 = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"];
        for (int i = 0; i < 3; i++) Add(15 + i, 2, r4[i], align: HAlign.Left);
        Add(18, 1, "（五）不予处理", 5);
        string[] r5 = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"];
        for (int i = 0; i < 5; i++) Add(18 + i, 2, r5[i], align: HAlign.Left);
        Add(23, 1, "（六）其他处理", 3);
        string[] r6 = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"];
        for (int i = 0; i < 3; i++) Add(23 + i, 2, r6[i], align: HAlign.Left);
        Add(26, 1, "（七）总计", 1, 2, HAlign.Left);
        Add(27, 0, "四、结转下年度继续办理", 1, 3, HAlign.Left);
        for (int r = 3; r < 28; r++)
            for (int c = 3; c < 10; c++)
                rows[r].Add(new TableCell(r, c, [((r * 7 + c * 3 + fill) % 40).ToString(System.Globalization.CultureInfo.InvariantCulture)]) { IsValue = true });
        return new Table("T3", widths, 3, rows.Select(cells => new TableRow(cells.OrderBy(c => c.Column).ToList())).ToList()) { Source = new SourceRef("tables.applications") };
    }

    /// <summary>Body paragraphs that fill most of a page, then table 三, so the table must break across pages.</summary>
    public static Document TableAcrossPages()
    {
        var blocks = new List<Block>
        {
            P("heading1", "三、收到和处理政府信息公开申请情况", "sections[2].heading"),
            P("body", BodyText(1, 9), "sections[2].paragraphs[0]"),
            TableThree(),
        };
        return new Document(Info, Styles, blocks);
    }

    public static byte[] Render(Document doc)
    {
        using var ms = new MemoryStream();
        Renderer.Render(doc, ms);
        return ms.ToArray();
    }

    public static string WriteTemp(byte[] pdf, string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "docgen-pdf-tests");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, $"{name}-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
