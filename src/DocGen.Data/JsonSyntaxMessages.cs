using System.Text;

namespace DocGen.Data;

/// <summary>
/// Explains a <see cref="JsonSyntaxError"/> to a clerk who has never written JSON, in Chinese and English: what is wrong, the
/// likely cause among those clerks actually meet (a straight " inside Chinese text, full-width ，：“ ” typed with the Chinese
/// input method, a missing comma, a Windows path with single backslashes, a string or bracket left open, text after the end),
/// and the few characters around the spot. The position reported is where the fix belongs.
/// </summary>
internal static class JsonSyntaxMessages
{
    /// <summary>Full-width characters that the Chinese input method types in place of JSON's ASCII punctuation.</summary>
    private static readonly Dictionary<string, string> FullWidth = new()
    {
        ["，"] = ",",
        ["："] = ":",
        ["“"] = "\"",
        ["”"] = "\"",
        ["＂"] = "\"",
        ["｛"] = "{",
        ["｝"] = "}",
        ["［"] = "[",
        ["］"] = "]",
        ["‘"] = "\"",
        ["’"] = "\"",
        ["、"] = ",",
    };

    public static (string Zh, string En, int Offset) Describe(JsonSyntaxError e, byte[] b, int start, int end, TextPositions at)
    {
        string ch = CharAt(b, e.Offset, end);
        string Where(int offset) { var (l, c) = at.At(offset); return $"第 {l} 行第 {c} 列"; }
        string WhereEn(int offset) { var (l, c) = at.At(offset); return $"line {l}, column {c}"; }
        string opened = e.Opened >= 0 ? Where(e.Opened) : "", openedEn = e.Opened >= 0 ? WhereEn(e.Opened) : "";
        string openChar = e.Opened >= 0 && e.Opened < end ? ((char)b[e.Opened]).ToString() : "";
        string closeChar = openChar == "[" ? "]" : "}";
        int offset = e.Offset;
        (string zh, string en) = e.Problem switch
        {
            SyntaxProblem.Empty => ("文件为空（或只有注释），应为一个 JSON 对象 { … }", "the file is empty (or only comments); it should hold one JSON object { … }"),
            SyntaxProblem.TrailingContent => ($"JSON 对象在{Where(e.Previous)}已经结束，后面还有多余的内容：一个数据文件只能有一个 {{ … }}（可能多了一个 }} 或 ]，或粘贴了两份数据）",
                $"the JSON object already ended at ({WhereEn(e.Previous)}); text after it is not allowed: a data file holds one {{ … }} (an extra }} or ], or data pasted twice?)"),
            SyntaxProblem.UnexpectedEnd => ($"JSON 不完整：文件在这里就结束了，{opened}的 {openChar} 没有对应的 {closeChar}（文件可能被截断，或漏写了 {closeChar}）",
                $"the JSON is incomplete: the file ends here, and the {openChar} at ({openedEn}) has no matching {closeChar} (the file may be cut short, or a {closeChar} is missing)"),
            SyntaxProblem.MismatchedClose => ($"括号不配对：{opened}的 {openChar} 应以 {closeChar} 结束，这里却是 {ch}",
                $"brackets do not match: the {openChar} at ({openedEn}) must end with {closeChar}, but here is {ch}"),
            SyntaxProblem.UnexpectedClose => ($"这里缺少值：冒号后面、逗号之间都要有一个值，这里却是 {ch}", $"a value is missing here: a value must follow a colon or a comma, but here is {ch}"),
            SyntaxProblem.ExpectedValue => GluedFullWidth(e, b, end, ref offset) ?? ValueHint(ch, b, e.Offset, end),
            SyntaxProblem.ExpectedPropertyName => NameHint(ch),
            SyntaxProblem.ExpectedColon => FullWidthHint(ch) ?? ($"字段名后面应为英文冒号 :，这里却是 {Shown(ch)}", $"a colon : must follow the field name, but here is {ShownEn(ch)}"),
            SyntaxProblem.MissingComma => MissingComma(ref offset, e),
            SyntaxProblem.ExpectedCommaOrClose => FullWidthHint(ch) ?? (e.AfterString && e.Previous == e.Offset ? StraightQuoteHint()
                : ($"这里应为英文逗号 ,（后面还有内容）或 {closeChar}（{opened}的 {openChar} 到此结束），却是 {Shown(ch)}",
                    $"expected a comma , (more follows) or {closeChar} (closing the {openChar} at ({openedEn})), but here is {ShownEn(ch)}")),
            SyntaxProblem.UnclosedString => ($"字符串没有结束：{opened}的 \" 到{(e.Offset >= end ? "文件末尾" : "行尾")}都没有配对的右引号（漏了右引号？文字中的引号请用中文引号 “ ” 或写成 \\\"；一段文字不能跨行，分段请写成数组中的多个字符串）",
                $"the string is not closed: the \" at ({openedEn}) has no closing quote before the end of the {(e.Offset >= end ? "file" : "line")} (a missing quote? write quotes inside text as “ ” or \\\"; text cannot span lines: put paragraphs in an array of strings)"),
            SyntaxProblem.ControlCharInString => ($"字符串中不能直接含控制字符 U+{b[e.Offset]:X4}{(b[e.Offset] == 9 ? "（制表符）" : "")}：请删除它{(b[e.Offset] == 9 ? "，或写成 \\t" : "")}",
                $"a string cannot contain the control character U+{b[e.Offset]:X4}{(b[e.Offset] == 9 ? " (tab)" : "")} as is: delete it{(b[e.Offset] == 9 ? " or write \\t" : "")}"),
            SyntaxProblem.BadEscape => ($"反斜杠 \\ 后面的「{Escape(b, e.Offset, end)}」不是 JSON 认可的转义：文字中的反斜杠要写成两个 \\\\。Windows 路径请写成 C:\\\\报告\\\\2024.docx，或改用 /（C:/报告/2024.docx）",
                $"\"{Escape(b, e.Offset, end)}\" is not a JSON escape: write a backslash in text as \\\\. Write a Windows path as C:\\\\reports\\\\2024.docx, or with / (C:/reports/2024.docx)"),
            SyntaxProblem.LoneSurrogate => ($"字符串中有不成对的代理项转义 \\u{(int)e.Code:X4}（U+{(int)e.Code:X4}，U+D800–U+DFFF 不是字符，无法打印），请删除这个 \\u 转义",
                $"the string has an unpaired surrogate escape \\u{(int)e.Code:X4} (U+{(int)e.Code:X4}: U+D800–U+DFFF are not characters and cannot be printed); delete this \\u escape"),
            SyntaxProblem.BadNumber => GluedFullWidth(e, b, end, ref offset) ?? ($"数字「{Token(b, e.Offset, end)}」的写法不对：数字不能带单位或文字，不能以 0 开头（07），小数点前后都要有数字；如果这是文字，请用英文双引号括起来",
                $"the number \"{Token(b, e.Offset, end)}\" is malformed: no units or letters, no leading 0 (07), digits on both sides of the decimal point; if it is text, put it in double quotes"),
            SyntaxProblem.UnclosedComment => ($"{opened}开始的注释 /* 没有结束（缺少 */）", $"the comment /* at ({openedEn}) is not closed (*/ is missing)"),
            SyntaxProblem.TooDeep => ($"JSON 嵌套层数过深（超过 {JsonParser.MaxDepth} 层 {{ }} 或 [ ]），数据文件不会有这么多层", $"the JSON is nested too deep (more than {JsonParser.MaxDepth} levels of {{ }} or [ ]); a data file never is"),
            _ => ("JSON 语法错误", "JSON syntax error"),
        };
        string context = Context(b, offset, start, end, at);
        return context.Length == 0 ? (zh, en, offset) : ($"{zh}（附近：「{context}」）", $"{en} (near: 「{context}」)", offset);
    }

    private static (string, string) MissingComma(ref int offset, JsonSyntaxError e)
    {
        offset = e.Previous; // the comma belongs right after the previous value
        return ("这里缺少英文逗号 ,：对象的两个字段之间、数组的两项之间都要用逗号隔开", "a comma , is missing here: fields of an object and items of an array are separated by commas");
    }

    private static (string, string) StraightQuoteHint() =>
        ("字符串在这里之前就结束了：文字中的英文双引号 \" 被当成了字符串的结尾。文字里的引号请用中文引号 “ ”，或写成 \\\"",
            "the string ended just before this: a straight \" inside the text was read as its end. Write quotes inside text as “ ” or \\\"");

    private static (string, string)? FullWidthHint(string ch) => FullWidth.TryGetValue(ch, out var ascii)
        ? ($"这里是中文全角的「{ch}」，JSON 的标点要用英文半角的 {ascii}（切换到英文输入法再输入）", $"this is the full-width \"{ch}\"; JSON needs the ASCII {ascii} here (switch the input method to English)")
        : null;

    /// <summary>
    /// A whole number or true/false/null with full-width punctuation glued to it (2023，): the hint for that character, at it,
    /// rather than calling the number badly written.
    /// </summary>
    private static (string, string)? GluedFullWidth(JsonSyntaxError e, byte[] b, int end, ref int offset)
    {
        if (e.Previous < 0 || FullWidthHint(CharAt(b, e.Previous, end)) is not { } hint) return null;
        offset = e.Previous;
        return hint;
    }

    private static (string, string) ValueHint(string ch, byte[] b, int offset, int end)
    {
        if (FullWidthHint(ch) is { } fw) return fw;
        if (ch == "'") return ("文字要用英文双引号 \"…\" 括起来，不能用单引号 '", "text must be in double quotes \"…\", not single quotes '");
        string word = Token(b, offset, end);
        if (word.ToLowerInvariant() is "true" or "false" or "null" || word.StartsWith("tru", StringComparison.Ordinal) || word.StartsWith("fals", StringComparison.Ordinal) || word.StartsWith("nul", StringComparison.Ordinal))
            return ($"「{word}」不是有效的值：只能写 true、false 或 null（全小写）", $"\"{word}\" is not a value: write true, false or null (lower case)");
        if (ch.Length > 0 && (char.IsLetter(ch, 0) || ch[0] > 0x7F))
            return ($"文字要用英文双引号括起来，如 \"{word}\"", $"text must be in double quotes, e.g. \"{word}\"");
        return ($"这里应为一个值（数字、\"文字\"、{{ … }} 或 [ … ]），却是 {Shown(ch)}", $"a value (a number, \"text\", {{ … }} or [ … ]) is expected here, but here is {ShownEn(ch)}");
    }

    private static (string, string) NameHint(string ch)
    {
        if (FullWidthHint(ch) is { } fw) return fw;
        if (ch == "'") return ("字段名要用英文双引号 \"…\" 括起来，不能用单引号 '", "a field name must be in double quotes \"…\", not single quotes '");
        if (ch == ",") return ("这里多了一个逗号", "there is one comma too many here");
        if (ch.Length > 0 && (char.IsLetter(ch, 0) || ch[0] > 0x7F))
            return ("字段名要用英文双引号括起来，如 \"agency\"", "a field name must be in double quotes, e.g. \"agency\"");
        return ($"这里应为用英文双引号括起来的字段名，却是 {Shown(ch)}", $"a field name in double quotes is expected here, but here is {ShownEn(ch)}");
    }

    private static string Shown(string ch) => ch.Length == 0 ? "文件末尾" : $"「{ch}」";

    private static string ShownEn(string ch) => ch.Length == 0 ? "the end of the file" : $"\"{ch}\"";

    /// <summary>The character starting at <paramref name="offset"/> (the bytes are valid UTF-8), or "" at the end.</summary>
    private static string CharAt(byte[] b, int offset, int end)
    {
        if (offset >= end) return "";
        int len = b[offset] switch { < 0x80 => 1, >= 0xF0 => 4, >= 0xE0 => 3, _ => 2 };
        return Encoding.UTF8.GetString(b, offset, Math.Min(len, end - offset));
    }

    /// <summary>The escape as typed: \x, or \u with up to four characters after it.</summary>
    private static string Escape(byte[] b, int offset, int end)
    {
        int chars = offset + 1 < end && b[offset + 1] == (byte)'u' ? 6 : 2;
        var sb = new StringBuilder();
        for (int i = offset, n = 0; i < end && n < chars && (n == 0 || b[i] is not ((byte)'"' or < 0x20)); n++)
        {
            string c = CharAt(b, i, end);
            sb.Append(c);
            i += Encoding.UTF8.GetByteCount(c);
        }
        return sb.ToString();
    }

    /// <summary>The word or number starting at <paramref name="offset"/>, up to the next delimiter (at most 20 characters).</summary>
    private static string Token(byte[] b, int offset, int end)
    {
        int i = offset;
        while (i < end && b[i] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)'}' or (byte)']' or (byte)'"' or (byte)':')) i++;
        string s = Encoding.UTF8.GetString(b, offset, i - offset);
        return s.Length > 20 ? s[..20] + "…" : s;
    }

    /// <summary>A few characters either side of the spot on its line, ▶ marking the spot; "" when the line is blank.</summary>
    private static string Context(byte[] b, int offset, int start, int end, TextPositions at)
    {
        offset = Math.Clamp(offset, start, end);
        // At most 64 bytes either side (a minified file is one long line), cut at character boundaries.
        int from = Math.Max(at.LineStart(offset), offset - 64), to = Math.Min(at.LineEnd(offset), offset + 64);
        while (from < offset && (b[from] & 0xC0) == 0x80) from++;
        while (to > offset && to < end && (b[to] & 0xC0) == 0x80) to--;
        string before = Encoding.UTF8.GetString(b, from, offset - from).TrimStart();
        string after = Encoding.UTF8.GetString(b, offset, Math.Max(0, to - offset)).TrimEnd();
        if (before.Length + after.Length == 0) return "";
        if (before.Length > 16) before = "…" + before[(char.IsLowSurrogate(before[^15]) ? ^14 : ^15)..];
        if (after.Length > 12) after = after[..(char.IsHighSurrogate(after[10]) ? 12 : 11)] + "…";
        return before + "▶" + after;
    }
}
