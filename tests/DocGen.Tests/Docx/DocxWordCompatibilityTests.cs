using System.IO.Compression;
using System.Xml.Linq;
using DocGen.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.Docx;

/// <summary>
/// What Word and WPS read from the XML — font hints, condensing, the font table, built-in headings and quick
/// styles, content types, page-number fonts and rows kept together. Read from the XML itself: LibreOffice ignores most of it.
/// </summary>
public class DocxWordCompatibilityTests
{
    private static IEnumerable<Style> StylesOf(WordprocessingDocument word) =>
        word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>();

    private static Style Style(WordprocessingDocument word, string id) => StylesOf(word).Single(s => s.StyleId!.Value == id);

    private static byte[] Example(string name)
    {
        var result = Pipelines.Default.Build(Repo.Example(name));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        return DocxFiles.Write(result.Document!);
    }

    [Fact]
    public void Every_text_run_and_every_style_font_hints_east_asian_so_quotes_and_dashes_take_the_chinese_font()
    {
        using var word = DocxFiles.Open(Example("ningxia-gov-office-2023"));
        var main = word.MainDocumentPart!;
        var runs = main.Document.Body!.Descendants<Run>()
            .Concat(main.FooterParts.SelectMany(f => f.Footer.Descendants<Run>()))
            .Where(r => r.Elements<Text>().Any()).ToList();
        Assert.True(runs.Count > 100);
        Assert.All(runs, r => Assert.Equal(FontTypeHintValues.EastAsia, r.RunProperties?.RunFonts?.Hint?.Value));
        // The example has the General Punctuation the hint is for.
        Assert.Contains(runs, r => r.InnerText.IndexOfAny(['“', '”', '—', '…']) >= 0);

        var fonts = StylesOf(word).Select(s => s.StyleRunProperties?.RunFonts).OfType<RunFonts>()
            .Append(main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!).ToList();
        Assert.All(fonts, f => Assert.Equal(FontTypeHintValues.EastAsia, f.Hint?.Value));
        // Digits and Latin letters keep the Latin font.
        var body = Style(word, "body").StyleRunProperties!.RunFonts!;
        Assert.Equal(("Times New Roman", "Times New Roman", "仿宋_GB2312"), (body.Ascii!.Value, body.HighAnsi!.Value, body.EastAsia!.Value));
    }

    [Fact]
    public void Only_styles_on_the_body_grid_are_condensed_and_every_other_style_sets_spacing_zero()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        int Spacing(string id) => Style(word, id).StyleRunProperties!.Spacing!.Val!.Value;
        foreach (var id in new[] { "Normal", "body", "Heading1", "Heading2", "Heading3", "attachmentNote", "attachmentLabel" })
            Assert.True(Spacing(id) < 0, id);
        foreach (var id in new[] { "title", "agencyLine", "attachmentTitle", "tableText", "PageNumberOdd", "PageNumberEven" })
            Assert.Equal(0, Spacing(id));
    }

    [Fact]
    public void Font_table_describes_every_font_as_word_does_so_a_missing_one_is_substituted()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var fonts = word.MainDocumentPart!.FontTablePart!.Fonts.Elements<Font>().ToDictionary(f => f.Name!.Value!);
        Assert.Equal(["Times New Roman", "仿宋_GB2312", "宋体", "方正小标宋简体", "楷体_GB2312", "黑体"], fonts.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, font) in fonts.Where(f => f.Key != "Times New Roman"))
        {
            Assert.False(string.IsNullOrEmpty(font.AltName?.Val?.Value), name);
            Assert.Equal(20, font.Panose1Number!.Val!.Value!.Length);
            Assert.Equal("86", font.FontCharSet!.Val!.Value);
            Assert.NotNull(font.FontFamily?.Val);
            Assert.NotNull(font.Pitch?.Val);
            Assert.Equal(8, font.FontSignature!.UnicodeSignature0!.Value!.Length);
            Assert.Equal(8, font.FontSignature.CodePageSignature0!.Value!.Length);
            // Bit 18 of the code-page signature: the font covers code page 936 (GB2312).
            Assert.True((Convert.ToUInt32(font.FontSignature.CodePageSignature0.Value, 16) & (1u << 18)) != 0, name);
        }
        Assert.Equal(("仿宋", "楷体", "SimSun", "SimHei"),
            (fonts["仿宋_GB2312"].AltName!.Val!.Value, fonts["楷体_GB2312"].AltName!.Val!.Value, fonts["宋体"].AltName!.Val!.Value, fonts["黑体"].AltName!.Val!.Value));
        Assert.Equal("02010600030101010101", fonts["宋体"].Panose1Number!.Val!.Value);
        var tnr = fonts["Times New Roman"];
        Assert.Equal(("00", FontFamilyValues.Roman), (tnr.FontCharSet!.Val!.Value, tnr.FontFamily!.Val!.Value));
    }

    [Fact]
    public void The_windows_font_names_switch_writes_fangsong_and_kaiti_instead_of_the_gb2312_names()
    {
        var styles = SampleDocuments.Styles with { };
        var windows = new Model.Document(SampleDocuments.Info, new DocGen.Docx.DocxOptions(DocGen.Docx.DocxFontNames.Windows).ApplyTo(styles), SampleDocuments.Report().Blocks);
        using var word = DocxFiles.Open(DocxFiles.Write(windows));
        var fonts = word.MainDocumentPart!.FontTablePart!.Fonts.Elements<Font>().Select(f => f.Name!.Value!).ToList();
        Assert.Contains("仿宋", fonts);
        Assert.Contains("楷体", fonts);
        Assert.DoesNotContain(fonts, f => f.EndsWith("_GB2312", StringComparison.Ordinal));
        Assert.Equal("仿宋", Style(word, "body").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("楷体", Style(word, "Heading2").StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("KaiTi", word.MainDocumentPart.FontTablePart.Fonts.Elements<Font>().Single(f => f.Name! == "楷体").AltName!.Val!.Value);
    }

    [Fact]
    public void The_switch_is_read_from_the_style_sheet_and_a_wrong_value_is_a_template_error()
    {
        string dir = Directory.CreateTempSubdirectory("docgen-styles-").FullName;
        try
        {
            string sheet = File.ReadAllText(Repo.StyleSheet("gov-info-annual-2021"));
            string Write(string value)
            {
                string path = Path.Combine(dir, "styles.json");
                File.WriteAllText(path, sheet.Replace("\"pdf\": {", $"\"docx\": {{ \"fontNames\": \"{value}\" }},\n  \"pdf\": {{", StringComparison.Ordinal));
                return path;
            }
            Assert.Equal(DocGen.Docx.DocxFontNames.Windows, DocGen.Docx.DocxOptions.Of(Templates.StyleSheetLoader.Load(Write("windows")).Styles).FontNames);
            Assert.Equal(DocGen.Docx.DocxFontNames.Gb2312, DocGen.Docx.DocxOptions.Of(Templates.StyleSheetLoader.Load(Repo.StyleSheet("gov-info-annual-2021")).Styles).FontNames);
            var e = Assert.Throws<Model.DocGenException>(() => Templates.StyleSheetLoader.Load(Write("mac")));
            Assert.Contains("docx.fontNames", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Headings_are_the_built_in_heading_styles_and_lead_into_body_text()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        for (int level = 1; level <= 3; level++)
        {
            var h = Style(word, $"Heading{level}");
            Assert.Equal($"heading {level}", h.StyleName!.Val!.Value);
            Assert.Equal(level - 1, h.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
            Assert.Equal("body", h.NextParagraphStyle!.Val!.Value);
            Assert.NotNull(h.PrimaryStyle);
        }
        Assert.Equal("一级标题", Style(word, "Heading1").Aliases!.Val!.Value);
        Assert.Equal("Heading1", word.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .First(p => p.InnerText == "一、总体情况").ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        foreach (var id in new[] { "title", "agencyLine", "attachmentTitle", "attachmentLabel" })
            Assert.Equal("body", Style(word, id).NextParagraphStyle?.Val?.Value);
        // Enter inside a table cell stays table text.
        Assert.Null(Style(word, "tableText").NextParagraphStyle);
    }

    [Fact]
    public void Normal_carries_the_two_character_indent_and_only_styles_a_clerk_picks_are_quick_styles()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var normal = Style(word, "Normal").StyleParagraphProperties!.Indentation!;
        Assert.Equal((200, "640"), (normal.FirstLineChars!.Value, normal.FirstLine!.Value!));
        // Styles that are not indented say so, since Normal is.
        Assert.Equal(0, Style(word, "title").StyleParagraphProperties!.Indentation!.FirstLineChars!.Value);

        foreach (var id in new[] { "Normal", "body", "Heading1", "title" })
            Assert.NotNull(Style(word, id).PrimaryStyle);
        foreach (var id in new[] { "PageNumberOdd", "PageNumberEven", "DocGenTableGrid", "runInHead2Char", "runInHead3Char" })
            Assert.Null(Style(word, id).PrimaryStyle);
        Assert.NotNull(Style(word, "PageNumberOdd").SemiHidden);
    }

    [Fact]
    public void Content_types_use_application_xml_as_the_default_and_override_the_main_part()
    {
        using var zip = new ZipArchive(new MemoryStream(DocxFiles.Report));
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        XDocument types;
        using (var s = zip.GetEntry("[Content_Types].xml")!.Open()) types = XDocument.Load(s);
        var defaults = types.Root!.Elements(ns + "Default").ToDictionary(e => (string)e.Attribute("Extension")!, e => (string)e.Attribute("ContentType")!);
        Assert.Equal("application/xml", defaults["xml"]);
        Assert.Equal("application/vnd.openxmlformats-package.relationships+xml", defaults["rels"]);
        var overrides = types.Root.Elements(ns + "Override").ToDictionary(e => (string)e.Attribute("PartName")!, e => (string)e.Attribute("ContentType")!);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", overrides["/word/document.xml"]);
        // Every XML part of the package has its own content type.
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) && e.FullName != "[Content_Types].xml"))
            Assert.True(overrides.ContainsKey("/" + entry.FullName), entry.FullName);
    }

    [Fact]
    public void Page_numbers_are_song_ti_digits_as_gbt9704_asks()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        foreach (var id in new[] { "PageNumberOdd", "PageNumberEven" })
        {
            var fonts = Style(word, id).StyleRunProperties!.RunFonts!;
            Assert.Equal(("宋体", "宋体", "宋体"), (fonts.Ascii!.Value, fonts.HighAnsi!.Value, fonts.EastAsia!.Value));
        }
        foreach (var footer in word.MainDocumentPart!.FooterParts)
            Assert.All(footer.Footer.Descendants<Run>(), r => Assert.Null(r.RunProperties?.RunFonts?.Ascii));
    }

    private static bool KeepsNext(TableRow row) =>
        row.Elements<TableCell>().SelectMany(c => c.Elements<Paragraph>()).All(p => p.ParagraphProperties?.KeepNext is not null);

    [Fact]
    public void Table_two_blocks_and_the_header_rows_of_tables_three_and_four_stay_with_their_first_rows()
    {
        var result = Pipelines.Default.Build(Repo.Example("ningxia-gov-office-2023"));
        var model = result.Document!.Blocks.OfType<Model.Table>().ToList();
        using var word = DocxFiles.Open(DocxFiles.Write(result.Document));
        var tables = word.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        Assert.All(tables.SelectMany(t => t.Elements<TableRow>()), r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<CantSplit>()));

        // 表二: every row keeps with the next one of its block; the last row of each block does not (a block may start a page).
        var two = tables[0].Elements<TableRow>().ToList();
        var blockEnds = Enumerable.Range(0, two.Count).Where(r => r == two.Count - 1 || model[0].IsLabelRow(r + 1) && !model[0].IsLabelRow(r)).ToList();
        Assert.Equal(4, blockEnds.Count);
        for (int r = 0; r < two.Count; r++)
            Assert.Equal(!blockEnds.Contains(r), KeepsNext(two[r]));

        // 表三 and 表四: header rows and the first data row keep with the next row, so two data rows follow the header
        // (表四 has a single data row: its header stays with it).
        foreach (var (table, m) in new[] { (tables[1], model[1]), (tables[2], model[2]) })
        {
            var rows = table.Elements<TableRow>().ToList();
            int kept = Math.Min(m.HeaderRows + 1, rows.Count - 1);
            for (int r = 0; r < rows.Count; r++) Assert.Equal(r < kept, KeepsNext(rows[r]));
        }
    }

    [Fact]
    public void Core_properties_carry_the_title_without_bold_markers_and_the_language()
    {
        var doc = SampleDocuments.Report() with { Info = SampleDocuments.Info with { Title = "示例机关2023年政府信息公开工作年度报告" } };
        using var word = DocxFiles.Open(DocxFiles.Write(doc));
        Assert.Equal("zh-CN", word.PackageProperties.Language);

        var data = DataFiles.Load("ningxia-gov-office-2023");
        data["title"]!["lines"] = new System.Text.Json.Nodes.JsonArray("**自治区人民政府办公厅**2023年政府信息公开工作年度报告");
        var bold = Pipelines.Default.Build(DataFiles.Write(data));
        Assert.True(bold.Ok, string.Join("\n", bold.Diagnostics.Select(d => d.Format())));
        Assert.Equal("自治区人民政府办公厅2023年政府信息公开工作年度报告", bold.Document!.Info.Title);
        using var boldWord = DocxFiles.Open(DocxFiles.Write(bold.Document));
        Assert.DoesNotContain("**", boldWord.PackageProperties.Title, StringComparison.Ordinal);
    }

    [LibreOfficeFact]
    public void In_libreoffice_each_block_of_table_two_stays_on_one_page()
    {
        // The last row of 表二 (行政事业性收费) used to land alone at the top of the next page of the 2023 example.
        string pdf = LibreOffice.ConvertToPdf(Example("ningxia-gov-office-2023"), "table-two");
        try
        {
            var (_, words) = PdfWords.Read(pdf);
            var list = words.ToList();
            // A block's label and the first word after it (in reading order) that starts its last row.
            (int Label, int Row) Pages(string label, string lastRow)
            {
                int at = list.FindIndex(w => w.Text.StartsWith(label, StringComparison.Ordinal));
                Assert.True(at >= 0, label);
                return (list[at].Page, list.Skip(at).First(w => w.Text.StartsWith(lastRow, StringComparison.Ordinal)).Page);
            }
            foreach (var (label, lastRow) in new[] { ("第二十条第（一）项", "行政规范性文件"), ("第二十条第（六）项", "行政强制"), ("第二十条第（八）项", "行政事业性收费") })
            {
                var (labelPage, rowPage) = Pages(label, lastRow);
                Assert.True(labelPage == rowPage, $"{label} on page {labelPage}, {lastRow} on page {rowPage}");
            }
        }
        finally { LibreOffice.DeleteOutput(pdf); }
    }
}
