using static DocGen.Model.FailureKind;

namespace DocGen.Model;

/// <summary>
/// Every diagnostic id DocGen reports, written once: severity, the failure (exit code) of an error, and its meaning in Chinese
/// and English. Code makes diagnostics only from these entries (a test scans src/ for id literals elsewhere); the README's id
/// table is generated from <see cref="All"/> (by the CLI's ReadmeTables). Ids are stable: pipelines match on them.
/// </summary>
public static class DiagnosticCatalog
{
    // Every entry in the order of this file, filled by the helpers below as the fields are initialised (in textual order, so
    // this list must stay first). Not read back by reflection: the published Native AOT executable has no metadata tokens to
    // order fields by (FieldInfo.MetadataToken throws there), which made every diagnostic fail.
    private static readonly List<DiagnosticKind> Entries = [];

    private static DiagnosticKind Add(DiagnosticKind kind)
    {
        Entries.Add(kind);
        return kind;
    }

    private static DiagnosticKind E(string id, FailureKind failure, string zh, string en, FailureKind? otherFailure = null) =>
        Add(new(id, Severity.Error, failure, zh, en) { OtherFailure = otherFailure });
    private static DiagnosticKind W(string id, string zh, string en) => Add(new(id, Severity.Warning, null, zh, en));
    private static DiagnosticKind Family(string id, Severity severity, FailureKind? failure, string zh, string en) =>
        Add(new(id, severity, failure, zh, en) { IsFamily = true });

    // The data file as JSON.
    public static readonly DiagnosticKind JsonSyntax = E("E-JSON-SYNTAX", InvalidData, "数据文件不是有效的 JSON（说明原因和位置）", "the data file is not valid JSON (says why and where)");
    public static readonly DiagnosticKind JsonEncoding = E("E-JSON-ENCODING", InvalidData, "数据文件不是 UTF-8 文本（UTF-16、UTF-32、GBK 或二进制文件）", "the data file is not UTF-8 text (UTF-16, UTF-32, GBK or a binary file)");
    public static readonly DiagnosticKind JsonDuplicate = E("E-JSON-DUPLICATE", InvalidData, "同一个对象中同一个键出现了两次", "the same key twice in one object");
    public static readonly DiagnosticKind DataTooLarge = E("E-DATA-TOO-LARGE", InvalidData, "数据文件超过 20 MB", "the data file is larger than 20 MB");

    // The data file's content.
    public static readonly DiagnosticKind DataType = E("E-DATA-TYPE", InvalidData, "值的类型不对（如应为数字却是文字）", "a value of the wrong type (text where a number belongs …)");
    public static readonly DiagnosticKind DataMissing = E("E-DATA-MISSING", InvalidData, "缺少必填的字段", "a required field is missing");
    public static readonly DiagnosticKind DataEmpty = E("E-DATA-EMPTY", InvalidData, "必填的文字为空", "a required text is empty");
    public static readonly DiagnosticKind DataYear = E("E-DATA-YEAR", InvalidData, "年度不是合理的年份", "the year is not a plausible year");
    public static readonly DiagnosticKind DataNumber = E("E-DATA-NUMBER", InvalidData, "数字的写法不被接受（如带指数）", "a number written in a form not accepted (an exponent …)");
    public static readonly DiagnosticKind DataRange = E("E-DATA-RANGE", InvalidData, "数字超出范围", "a number out of range");
    public static readonly DiagnosticKind DataNegative = E("E-DATA-NEGATIVE", InvalidData, "件数或金额为负数", "a negative count or amount");
    public static readonly DiagnosticKind DataInteger = E("E-DATA-INTEGER", InvalidData, "件数不是整数", "a count that is not a whole number");
    public static readonly DiagnosticKind DataLabelEmpty = E("E-DATA-LABEL-EMPTY", InvalidData, "标签替换为空", "an empty label override");
    public static readonly DiagnosticKind DataAcknowledgement = E("E-DATA-ACK", InvalidData, "acknowledgements 中的说明不完整或指向不存在的规则", "an acknowledgement that is incomplete or names no rule of the format");
    public static readonly DiagnosticKind DataControlChar = E("E-DATA-CONTROL-CHAR", InvalidData, "文字中有控制字符", "a control character in a text");
    public static readonly DiagnosticKind DataBold = E("E-DATA-BOLD", InvalidData, "加粗标记 ** 不成对", "unbalanced ** bold markers");
    public static readonly DiagnosticKind DataTemplate = E("E-DATA-TEMPLATE", InvalidData, "数据文件没有说明报告格式（template）", "the data file names no format (template)");
    public static readonly DiagnosticKind DataTemplateUnknown = E("E-DATA-TEMPLATE-UNKNOWN", InvalidData, "template 指定的格式没有安装", "the format named by template is not installed");
    public static readonly DiagnosticKind DataUnknownField = W("W-DATA-UNKNOWN-FIELD", "未知的字段或标签键（附可能想写的名称）", "an unknown field or label key (with the name probably meant)");
    public static readonly DiagnosticKind DataNarrativeEmpty = W("W-DATA-NARRATIVE-EMPTY", "正文部分没有文字，只印标题", "a part of the text is empty: only its heading is printed");
    public static readonly DiagnosticKind DataNarrativeMissing = W("W-DATA-NARRATIVE-MISSING", "正文部分缺失，只印标题", "a part of the text is left out: only its heading is printed");
    public static readonly DiagnosticKind DataNumbering = W("W-DATA-NUMBERING", "编号不是标准写法，已按标准形式印出", "a numbering head typed another way, printed in the standard form");
    public static readonly DiagnosticKind AcknowledgementUnused = W("W-ACK-UNUSED", "acknowledgements 中说明的规则并没有被违反", "an acknowledgement of a rule that is not broken");

    // The tables' rules: their ids (T3-1 …) are the template's; an acknowledged break is the warning W- plus that id.
    public static readonly DiagnosticKind TableRule = Family("T…", Severity.Error, InvalidData, "表格不符合格式的规则（规则编号见模板的 tables/*.json）", "a table breaks a rule of the format (rule ids in the template's tables/*.json)");
    public static readonly DiagnosticKind TableRuleAcknowledged = Family("W-T…", Severity.Warning, null, "数据文件已说明的规则例外（照样生成）", "a rule break the data file acknowledges (the report is produced)");

    // Fonts and layout.
    public static readonly DiagnosticKind GlyphMissing = E("E-GLYPH-MISSING", Font, "没有字体能印出的字符", "a character no font can print");
    public static readonly DiagnosticKind FontMissing = E("E-FONT-MISSING", Font, "找不到某个字体角色的字体文件", "no font file found for a font role");
    public static readonly DiagnosticKind FontUnsupported = E("E-FONT-UNSUPPORTED", Font, "字体文件损坏或格式不支持", "a damaged font file or one of an unsupported kind");
    public static readonly DiagnosticKind LayoutRowTooTall = E("E-LAYOUT-ROW-TOO-TALL", InvalidData, "表格的一行比一页还高", "a table row taller than a page", otherFailure: Template);

    // Templates.
    public static readonly DiagnosticKind TemplateJson = E("E-TEMPLATE-JSON", Template, "模板文件不是有效的 JSON", "a template file is not valid JSON");
    public static readonly DiagnosticKind TemplateField = E("E-TEMPLATE-FIELD", Template, "模板文件的键未知、缺少、类型不对或超出范围", "a template file's key is unknown, missing, mistyped or out of range");
    public static readonly DiagnosticKind TemplateTable = E("E-TEMPLATE-TABLE", Template, "表格定义不一致（未定义的行列、超出网格的单元格……）", "a table definition that does not hold together (undefined row or column, a cell outside the grid …)");
    public static readonly DiagnosticKind TemplatePath = E("E-TEMPLATE-PATH", Template, "模板中的路径指向模板文件夹以外", "a path in the template leads out of its folder");
    public static readonly DiagnosticKind TemplateMissing = E("E-TEMPLATE-MISSING", Template, "找不到模板中列出的文件", "a file the template names does not exist");
    public static readonly DiagnosticKind TemplateIo = E("E-TEMPLATE-IO", Template, "无法读取模板文件夹或文件", "a template folder or file cannot be read");
    public static readonly DiagnosticKind TemplateSyntax = E("E-TEMPLATE-SYNTAX", Template, "Scriban 模板语法错误", "a Scriban syntax error in the template");
    public static readonly DiagnosticKind TemplateRuntime = E("E-TEMPLATE-RUNTIME", Template, "模板执行出错（未定义的名称……）", "the template failed while running (an undefined name …)");
    public static readonly DiagnosticKind TemplateLimit = E("E-TEMPLATE-LIMIT", Template, "模板超出循环、递归、输出或时间的上限", "the template reached a loop, recursion, output or time limit");
    public static readonly DiagnosticKind TemplateChecks = E("E-TEMPLATE-CHECKS", Template, "checks.json 中的审读规则有误", "a rule of checks.json is wrong");
    public static readonly DiagnosticKind Markup = E("E-MARKUP", Template, "模板生成的标记无效", "the markup the template produced is not valid");
    public static readonly DiagnosticKind StyleUnknown = E("E-STYLE-UNKNOWN", Template, "样式表中没有所用的样式或字体角色", "a style or font role the style sheet does not define");
    public static readonly DiagnosticKind StyleField = E("E-STYLE-FIELD", Template, "样式表中的值无法使用（如页码格式）", "a style sheet value that cannot be used (the page number format …)");
    public static readonly DiagnosticKind TableGrid = E("E-TABLE-GRID", Template, "表格的单元格不能排成网格", "a table's cells do not form a grid");

    // Files.
    public static readonly DiagnosticKind IoNotFound = E("E-IO-NOT-FOUND", Io, "找不到输入文件", "an input file does not exist");
    public static readonly DiagnosticKind IoRead = E("E-IO-READ", Io, "无法读取输入文件，或输入是一个文件夹", "an input cannot be read, or is a folder");
    public static readonly DiagnosticKind IoOutDir = E("E-IO-OUTDIR", Io, "无法创建输出文件夹", "the output folder cannot be made");
    public static readonly DiagnosticKind IoWrite = E("E-IO-WRITE", Io, "无法写出或替换输出文件", "an output cannot be written or replaced");
    public static readonly DiagnosticKind IoDiskFull = E("E-IO-DISK-FULL", Io, "磁盘已满，没有写出任何文件", "the disk is full; nothing was written");
    public static readonly DiagnosticKind IoOutputIsInput = E("E-IO-OUTPUT-IS-INPUT", Io, "输出文件就是输入文件", "an output would be the input file itself");
    public static readonly DiagnosticKind IoReadOnly = E("E-IO-READONLY", Io, "已有的输出文件是只读的（--force 才替换）", "an existing output is read-only (replaced only with --force)");
    public static readonly DiagnosticKind IoSymlink = E("E-IO-SYMLINK", Io, "输出文件名是一个符号链接（--force 才替换）", "an output name is a symbolic link (replaced only with --force)");

    // Regional sums (docgen merge).
    public static readonly DiagnosticKind MergeNoInput = E("E-MERGE-NO-INPUT", InvalidData, "没有要汇总的数据文件", "no data files to merge");
    public static readonly DiagnosticKind MergeDuplicate = E("E-MERGE-DUPLICATE", InvalidData, "同一个数据文件被列出了多次", "the same data file is listed more than once");
    public static readonly DiagnosticKind MergeTemplate = E("E-MERGE-TEMPLATE", InvalidData, "数据文件的报告格式不同", "data files of different formats");
    public static readonly DiagnosticKind MergeYear = E("E-MERGE-YEAR", InvalidData, "数据文件的年度不同", "data files of different years");
    public static readonly DiagnosticKind MergeInput = E("E-MERGE-INPUT", InvalidData, "有错误的数据文件不能参与汇总", "a data file with errors cannot be merged");
    public static readonly DiagnosticKind MergeNarrative = E("E-MERGE-NARRATIVE", InvalidData, "正文文件（--narrative）无法使用", "the narrative file (--narrative) cannot be used");
    public static readonly DiagnosticKind MergeAgency = W("W-MERGE-AGENCY", "汇总结果没有机关名称", "the merged file has no agency name");
    public static readonly DiagnosticKind MergeNarrativeYear = W("W-MERGE-NARRATIVE-YEAR", "正文文件的年度与数据不同", "the narrative file is of another year than the data");
    public static readonly DiagnosticKind MergeText = W("W-MERGE-TEXT", "数据文件的正文不会进入汇总结果", "the data files' text is not carried into the merged file");

    // Checks of the text (docgen check); continuity checks are named by checks.json, W-CHECK-CARRYOVER and -INFORCE in the formats shipped.
    public static readonly DiagnosticKind CheckNumber = W("W-CHECK-NUMBER", "正文中的数字与表格不符", "a number in the text contradicts the tables");
    public static readonly DiagnosticKind CheckYear = W("W-CHECK-YEAR", "正文中的年度不是报告年度", "a year in the text is not the report's year");
    public static readonly DiagnosticKind CheckAgency = W("W-CHECK-AGENCY", "正文中出现了其他机关或地方的名称", "the text names another agency or place");
    public static readonly DiagnosticKind CheckRequired = W("W-CHECK-REQUIRED", "缺少格式要求的内容", "content the format requires is missing");
    public static readonly DiagnosticKind CheckNumbering = W("W-CHECK-NUMBERING", "编号跳号、重复或倒退", "numbering that skips, repeats or goes back");
    public static readonly DiagnosticKind CheckPunctHalfWidth = W("W-CHECK-PUNCT-HALFWIDTH", "中文中用了半角标点", "half-width punctuation in Chinese text");
    public static readonly DiagnosticKind CheckQuotes = W("W-CHECK-QUOTES", "引号不成对或混用", "unpaired or mixed quotation marks");
    public static readonly DiagnosticKind CheckPunctDoubled = W("W-CHECK-PUNCT-DOUBLED", "标点重复", "doubled punctuation");
    public static readonly DiagnosticKind CheckSpace = W("W-CHECK-SPACE", "汉字之间有空格", "a space between Chinese characters");
    public static readonly DiagnosticKind CheckDuplicate = W("W-CHECK-DUPLICATE", "同一段落印了两次", "a paragraph printed twice");
    public static readonly DiagnosticKind CheckPrevious = W("W-CHECK-PREVIOUS", "--previous 不是上一年度的报告，未作跨年度核对", "--previous is not the report of the year before: nothing is compared");
    public static readonly DiagnosticKind CheckContinuity = Family("W-CHECK-…", Severity.Warning, null, "与上一年度报告不衔接（编号由 checks.json 给出，如 W-CHECK-CARRYOVER、W-CHECK-INFORCE）", "does not carry on from last year's report (ids given by checks.json, such as W-CHECK-CARRYOVER, W-CHECK-INFORCE)");

    // The program itself.
    public static readonly DiagnosticKind UsageFormat = E("E-USAGE-FORMAT", Usage, "--format 中有不支持的输出格式", "an output format --format does not know");
    public static readonly DiagnosticKind ServePort = E("E-SERVE-PORT", Io, "docgen serve 无法在所要求的端口上监听", "docgen serve cannot listen on the port asked for");
    public static readonly DiagnosticKind DocxBlock = E("E-DOCX-BLOCK", FailureKind.Internal, "DOCX 输出遇到不支持的内容块（程序缺陷）", "the DOCX writer met a block it does not support (a bug)");
    public static readonly DiagnosticKind Internal = E("E-INTERNAL", FailureKind.Internal, "DocGen 自身的缺陷（请报告）", "a bug of DocGen's own (please report it)");
    public static readonly DiagnosticKind Unknown = E("E-UNKNOWN", FailureKind.Internal, "失败中没有任何错误（程序缺陷）", "a failure that carries no error (a bug)");

    /// <summary>Every entry, in the order of this file (the README table's order).</summary>
    public static IReadOnlyList<DiagnosticKind> All { get; } = Entries.AsReadOnly();

    /// <summary>The prefix of every finding of docgen check, including the continuity checks checks.json names.</summary>
    public const string CheckPrefix = "W-CHECK-";

    /// <summary>The warning an acknowledged break of a table rule is reported as.</summary>
    public static string AcknowledgedId(string ruleId) => "W-" + ruleId;

    /// <summary>The table rule a diagnostic id stands for: T3-1 for both T3-1 and its acknowledged W-T3-1.</summary>
    public static string RuleIdOf(string id) => id.StartsWith("W-", StringComparison.Ordinal) ? id[2..] : id;

    /// <summary>The entry of an id, or null; a template-defined id (T3-1, W-T3-1, W-CHECK-CARRYOVER) finds its family.</summary>
    public static DiagnosticKind? Find(string id) =>
        All.FirstOrDefault(k => !k.IsFamily && k.Id == id)
        ?? (id.StartsWith(CheckPrefix, StringComparison.Ordinal) ? CheckContinuity
            : id.StartsWith("W-", StringComparison.Ordinal) ? TableRuleAcknowledged
            : id.StartsWith("E-", StringComparison.Ordinal) ? null
            : TableRule);

    /// <summary>A diagnostic of a table rule the template defines (T3-1 …): an error, or the warning W-T3-1 when acknowledged.</summary>
    public static Diagnostic Rule(string ruleId, bool acknowledged, string zh, string en, string? file = null, int line = 0, int column = 0, string? jsonPath = null) =>
        (acknowledged ? TableRuleAcknowledged : TableRule).Create(zh, en, file, line, column, jsonPath) with { Id = acknowledged ? AcknowledgedId(ruleId) : ruleId, Acknowledged = acknowledged };

    /// <summary>A continuity finding of docgen check --previous, with the id its checks.json rule gives (W-CHECK-CARRYOVER …).</summary>
    public static Diagnostic Continuity(string checkId, string zh, string en, string? file = null, int line = 0, int column = 0, string? jsonPath = null) =>
        CheckContinuity.Create(zh, en, file, line, column, jsonPath) with { Id = checkId };
}
