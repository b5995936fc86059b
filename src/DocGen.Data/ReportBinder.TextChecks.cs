using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Data;

public sealed partial class ReportBinder
{
    /// <summary>Text must survive XML and PDF: no control characters, no broken surrogates, balanced ** markers.</summary>
    private void CheckText(JString s)
    {
        string v = s.Value;
        for (int i = 0; i < v.Length; i++)
        {
            char c = v[i];
            if (char.IsHighSurrogate(c) && i + 1 < v.Length && char.IsLowSurrogate(v[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || (c < 0x20) || c is '\uFFFE' or '\uFFFF' || (c >= 0x7F && c < 0xA0))
            {
                Error(DiagnosticCatalog.DataControlChar, s, $"文字中含有不可打印的控制字符 U+{(int)c:X4}（第 {i + 1} 个字符处），请删除（换段请另起一个字符串）",
                    $"the text holds the unprintable control character U+{(int)c:X4} (at character {i + 1}); delete it (a new paragraph is a new string)");
                return;
            }
        }
        if (InlineText.HasUnbalancedBold(v))
            Error(DiagnosticCatalog.DataBold, s, "加粗标记 ** 没有成对出现（**加粗文字** 前后各一个）", "the bold markers ** are not paired (one before and one after **bold text**)");
    }

    private object? Plain(JNode n, bool checkText) => n switch
    {
        JString s => Checked(s, checkText),
        JNumber num => num.Text,
        JBool b => b.Value,
        JArray a => a.Items.Select(i => Plain(i, checkText)).ToList(),
        JObject o => o.Properties.ToDictionary(p => p.Name, p => Plain(p.Value, checkText)),
        _ => null,
    };

    private string Checked(JString s, bool check)
    {
        if (check) CheckText(s);
        return s.Value;
    }
}
