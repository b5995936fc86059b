namespace DocGen.Tests.Robustness;

/// <summary>
/// Broken copies of the 2021 template's manifest, style sheet and tables: an unknown key, a missing or mistyped one, a number out of
/// the range a page allows, a bad pattern, a path out of the folder. Each is an E-TEMPLATE-… at its file(line,col), exit 3, never
/// E-INTERNAL, and no content of a file outside the folder reaches a message.
/// </summary>
public class TemplateFileFaultTests
{
    private const string Manifest = "template.json";
    private const string Styles = "styles.json";
    private const string Applications = "tables/applications.json";
    private const string Review = "tables/review-litigation.json";

    private static TemplateFault Edit(string file, string from, string to, string id, string? lineWith, string text) =>
        new(t => TemplateFault.Edit(t, file, from, to), id, file, lineWith, text);

    private static readonly Dictionary<string, TemplateFault> Faults = new()
    {
        // template.json
        ["manifest-not-json"] = Edit(Manifest, "\"version\": \"1.0.0\",", "\"version\": \"1.0.0\",,", "E-TEMPLATE-JSON", "\"version\"", "JSON"),
        ["manifest-unknown-key"] = Edit(Manifest, "\"version\": \"1.0.0\",", "\"version\": \"1.0.0\",\n  \"descripton\": \"x\",", "E-TEMPLATE-FIELD", "descripton", "description"),
        ["manifest-duplicate-key"] = Edit(Manifest, "\"version\": \"1.0.0\",", "\"version\": \"1.0.0\",\n  \"version\": \"2\",", "E-TEMPLATE-JSON", "\"version\": \"2\"", "两次"),
        ["manifest-tables-not-a-list"] = Edit(Manifest, "\"tables\": [\"tables/active-disclosure.json\", \"tables/applications.json\", \"tables/review-litigation.json\"]",
            "\"tables\": \"tables/applications.json\"", "E-TEMPLATE-FIELD", "\"tables\"", "数组"),
        ["manifest-entry-missing-file"] = Edit(Manifest, "\"entry\": \"report.scriban-html\"", "\"entry\": \"report.hbs\"", "E-TEMPLATE-MISSING", "\"entry\"", "report.hbs"),
        ["manifest-entry-etc-passwd"] = Edit(Manifest, "\"entry\": \"report.scriban-html\"", "\"entry\": \"/etc/passwd\"", "E-TEMPLATE-PATH", "\"entry\"", "相对路径"),
        ["manifest-entry-parent"] = Edit(Manifest, "\"entry\": \"report.scriban-html\"", "\"entry\": \"../../../../../../etc/passwd\"", "E-TEMPLATE-PATH", "\"entry\"", "之外"),
        ["manifest-table-dev-zero"] = Edit(Manifest, "\"tables/applications.json\"", "\"../../../../../../../dev/zero\"", "E-TEMPLATE-PATH", "\"tables\"", "之外"),
        ["manifest-styles-symlink-out"] = new(t =>
        {
            File.CreateSymbolicLink(Path.Combine(t, "outside.json"), "/etc/passwd");
            TemplateFault.Edit(t, Manifest, "\"styles\": \"styles.json\"", "\"styles\": \"outside.json\"");
        }, "E-TEMPLATE-PATH", Manifest, "\"styles\"", "之外"),
        ["manifest-entry-is-a-folder"] = new(t =>
        {
            Directory.CreateDirectory(Path.Combine(t, "parts"));
            TemplateFault.Edit(t, Manifest, "\"entry\": \"report.scriban-html\"", "\"entry\": \"parts\"");
        }, "E-TEMPLATE-IO", Manifest, "\"entry\"", "文件夹"),
        ["manifest-narrative-bad-path"] = Edit(Manifest, "\"preamble\": \"前言", "\"preamble..x\": \"前言", "E-TEMPLATE-FIELD", "preamble..x", "preamble..x"),
        ["manifest-default-title-syntax"] = Edit(Manifest, "\"defaultTitle\": \"{{ agency }}", "\"defaultTitle\": \"{{ agency ", "E-TEMPLATE-SYNTAX", "defaultTitle", "语法错误"),
        // styles.json
        ["styles-unknown-key"] = Edit(Styles, "\"linesPerPage\": 22,", "\"linesPerPage\": 22,\n    \"linesPerPagee\": 23,", "E-TEMPLATE-FIELD", "linesPerPagee", "linesPerPage"),
        ["styles-lines-per-page-zero"] = Edit(Styles, "\"linesPerPage\": 22,", "\"linesPerPage\": 0,", "E-TEMPLATE-FIELD", "\"linesPerPage\"", "范围"),
        ["styles-chars-per-line-zero"] = Edit(Styles, "\"charsPerLine\": 28,", "\"charsPerLine\": 0,", "E-TEMPLATE-FIELD", "\"charsPerLine\"", "范围"),
        ["styles-lines-per-page-text"] = Edit(Styles, "\"linesPerPage\": 22,", "\"linesPerPage\": \"二十二\",", "E-TEMPLATE-FIELD", "\"linesPerPage\"", "数字"),
        ["styles-body-5000pt"] = Edit(Styles, "\"font\": \"fangsong\", \"size\": \"三号\"", "\"font\": \"fangsong\", \"size\": \"5000pt\"", "E-TEMPLATE-FIELD", "\"5000pt\"", "5000pt"),
        ["styles-margins-beyond-page"] = Edit(Styles, "\"left\": 28,", "\"left\": 200,", "E-TEMPLATE-FIELD", "\"marginsMm\"", "版心"),
        ["styles-invalid-regex"] = Edit(Styles, "\"pattern\": \"^（[一二三四五六七八九十]+）\"", "\"pattern\": \"^（[一二三\"", "E-TEMPLATE-FIELD", "\"^（[一二三\"", "正则"),
        ["styles-unknown-font-role"] = Edit(Styles, "\"font\": \"fangsong\", \"size\": \"三号\", \"align\": \"justify\", \"firstLineIndentChars\": 2 },",
            "\"font\": \"fangsog\", \"size\": \"三号\", \"align\": \"justify\", \"firstLineIndentChars\": 2 },", "E-TEMPLATE-FIELD", "fangsog", "fangsong"),
        ["styles-unknown-align"] = Edit(Styles, "\"align\": \"center\", \"linePitch\": \"13.5pt\"", "\"align\": \"centre\", \"linePitch\": \"13.5pt\"", "E-TEMPLATE-FIELD", "centre", "center"),
        ["styles-hinting-not-bool"] = Edit(Styles, "\"fontHinting\": false", "\"fontHinting\": \"no\"", "E-TEMPLATE-FIELD", "fontHinting", "true"),
        ["styles-cjk-latin-spacing-out-of-range"] = Edit(Styles, "\"pdf\": {", "\"typography\": { \"cjkLatinSpacingEm\": 5 },\n  \"pdf\": {", "E-TEMPLATE-FIELD", "cjkLatinSpacingEm", "范围"),
        ["styles-docx-font-names-unknown"] = Edit(Styles, "\"pdf\": {", "\"docx\": { \"fontNames\": \"gbk\" },\n  \"pdf\": {", "E-TEMPLATE-FIELD", "fontNames", "gb2312"),
        ["styles-base-outside"] = Edit(Styles, "\"pdf\": {", "\"base\": \"/etc/passwd\",\n  \"pdf\": {", "E-TEMPLATE-PATH", "\"base\"", "base"),
        ["styles-numbering-unknown-style"] = Edit(Styles, "\"paragraphStyle\": \"heading2\"", "\"paragraphStyle\": \"heading7\"", "E-TEMPLATE-FIELD", "heading7", "heading7"),
        // tables/*.json
        ["table-header-rows-text"] = Edit(Review, "\"headerRows\": 3,", "\"headerRows\": \"三\",", "E-TEMPLATE-FIELD", "\"headerRows\"", "数字"),
        ["table-header-rows-too-many"] = Edit(Review, "\"headerRows\": 3,", "\"headerRows\": 9,", "E-TEMPLATE-FIELD", "\"headerRows\"", "范围"),
        ["table-without-column-widths"] = new(t => TemplateCopies.Edit(t, Review, s => System.Text.RegularExpressions.Regex.Replace(s, "\"columnWidthsMm\": \\[[^\\]]*\\],", "")),
            "E-TEMPLATE-FIELD", Review, "{", "columnWidthsMm"),
        ["table-unknown-value-type"] = Edit(Review, "\"valueType\": \"count\"", "\"valueType\": \"counts\"", "E-TEMPLATE-FIELD", "\"valueType\"", "count"),
        ["table-col-span-too-wide"] = Edit(Review, "\"colSpan\": 10", "\"colSpan\": 11", "E-TEMPLATE-TABLE", "\"colSpan\": 11", "列"),
        ["table-rule-unknown-column"] = Edit(Review, "\"pending\"\n        ]", "\"pendng\"\n        ]", "E-TEMPLATE-TABLE", "\"pendng\"", "pending"),
        ["table-unknown-cell-key"] = Edit(Review, "\"rowLabel\": \"review\",", "\"rowLable\": \"review\",", "E-TEMPLATE-FIELD", "rowLable", "rowLabel"),
        ["table-wider-than-page"] = Edit(Review, "\"columnWidthsMm\": [\n    10.4,", "\"columnWidthsMm\": [\n    30.4,", "E-TEMPLATE-FIELD", "\"columnWidthsMm\"", "版心"),
        ["table-rule-kind"] = Edit(Applications, "\"kind\": \"sum\"", "\"kind\": \"total\"", "E-TEMPLATE-FIELD", "\"kind\": \"total\"", "sum"),
    };

    public static TheoryData<string> Names => new(Faults.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Fault_is_reported_with_template_file_and_line(string name) => Faults[name].Check();
}
