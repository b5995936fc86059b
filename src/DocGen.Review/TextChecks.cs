using System.Text.RegularExpressions;
using DocGen.Model;

namespace DocGen.Review;

/// <summary>
/// Checks of the text itself, the same for every format: numbering that skips or repeats (W-CHECK-NUMBERING), half-width
/// punctuation in Chinese text (W-CHECK-PUNCT-HALFWIDTH), quotes (W-CHECK-QUOTES), doubled punctuation (W-CHECK-PUNCT-DOUBLED),
/// spaces between Chinese characters (W-CHECK-SPACE) and paragraphs printed twice (W-CHECK-DUPLICATE).
/// </summary>
public static class TextChecks
{
    // A paragraph opening with （一） or (一): the run-in heads of a section; 1. 1． 1、 the items below them (not 1.3万).
    private static readonly Regex ChineseHead = new(@"^\s*[（(](?<n>[一二三四五六七八九十]+)[）)]", RegexOptions.CultureInvariant);
    private static readonly Regex DigitHead = new(@"^\s*(?<n>\d{1,2})(?:[.．](?!\d)|、)", RegexOptions.CultureInvariant);

    public static IEnumerable<Diagnostic> Numbering(ReportText text)
    {
        foreach (var section in text.Paragraphs.Where(p => p.Place is not ("title" or "title.agencyLine")).GroupBy(p => p.Place))
        {
            (int Value, string Shown)? head = null, item = null;
            foreach (var p in section)
            {
                if (ChineseHead.Match(p.Text) is { Success: true } h && NarrativeChecks.ParseNumber(h.Groups["n"].Value) is { } hv)
                {
                    if (Out(text, p, h, (int)hv, head, $"（{Chinese(head?.Value + 1 ?? 1)}）") is { } d) yield return d;
                    head = ((int)hv, h.Value.Trim());
                    item = null; // 1. 2. … start again under each （一）
                }
                else if (DigitHead.Match(p.Text) is { Success: true } i && int.TryParse(i.Groups["n"].Value, out int iv))
                {
                    if (Out(text, p, i, iv, item, $"{(item?.Value ?? 0) + 1}.") is { } d) yield return d;
                    item = (iv, i.Value.Trim());
                }
            }
        }
    }

    private static Diagnostic? Out(ReportText text, Paragraph p, Match m, int value, (int Value, string Shown)? last, string expected)
    {
        int previous = last?.Value ?? 0;
        if (value == previous + 1) return null;
        string shown = m.Value.Trim();
        var (zh, en) = last is null
            ? ($"本部分第一个编号是「{shown}」，应从「{expected}」开始", $"the first number of this part is '{shown}'; it should start at '{expected}'")
            : value == previous
                ? ($"编号「{shown}」重复了上一个编号「{last.Value.Shown}」，应为「{expected}」", $"the number '{shown}' repeats the previous one '{last.Value.Shown}'; it should be '{expected}'")
                : value > previous
                    ? ($"编号「{shown}」跳过了「{expected}」（上一个是「{last.Value.Shown}」）", $"the number '{shown}' skips '{expected}' (the previous one is '{last.Value.Shown}')")
                    : ($"编号「{shown}」排在「{last.Value.Shown}」之后，顺序不对，应为「{expected}」", $"the number '{shown}' comes after '{last.Value.Shown}'; it should be '{expected}'");
        return text.Finding(DiagnosticCatalog.CheckNumbering, p, m.Index + m.Value.Length - m.Value.TrimStart().Length, zh + "。请核对编号", en + ". Check the numbering");
    }

    private static string Chinese(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n % 10],
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
        };
    }

    // ---- typography ----

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private const string FullWidthPunctuation = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—";

    private static bool IsChinese(char c) => IsHan(c) || FullWidthPunctuation.Contains(c);

    public static IEnumerable<Diagnostic> Typography(ReportText text)
    {
        var paragraphs = text.Paragraphs.ToList();
        bool curlyQuotes = paragraphs.Any(p => p.Text.Contains('“') || p.Text.Contains('”'));
        foreach (var p in paragraphs)
        {
            string t = p.Text;
            if (HalfWidth(t) is { Count: > 0 } hits)
                yield return text.Finding(DiagnosticCatalog.CheckPunctHalfWidth, p, hits[0],
                    $"中文里用了半角标点「{string.Concat(hits.Select(i => t[i]).Distinct())}」（共 {hits.Count} 处，第一处在{ReportText.Quote(t, hits[0], 1)}）。中文正文应使用全角标点 ，；：（）？！",
                    $"half-width punctuation '{string.Concat(hits.Select(i => t[i]).Distinct())}' in Chinese text ({hits.Count} place(s), the first at {ReportText.Quote(t, hits[0], 1)}); Chinese text uses full-width ，；：（）？！");
            if (Quotes(t, curlyQuotes) is { } q)
                yield return text.Finding(DiagnosticCatalog.CheckQuotes, p, q.Index, q.Zh + $"（{ReportText.Quote(t, q.Index, 1)}）。中文正文的引号用“ ”，引号内再用‘ ’", q.En + $" ({ReportText.Quote(t, q.Index, 1)}). Chinese text quotes with “ ” (and ‘ ’ inside them)");
            if (Doubled.Match(t) is { Success: true } d)
                yield return text.Finding(DiagnosticCatalog.CheckPunctDoubled, p, d.Index,
                    $"标点重复「{d.Value}」（{ReportText.Quote(t, d.Index, d.Length)}），请只保留一个",
                    $"doubled punctuation '{d.Value}' ({ReportText.Quote(t, d.Index, d.Length)}): keep one");
            if (SpaceInChinese(t) is { } s)
                yield return text.Finding(DiagnosticCatalog.CheckSpace, p, s,
                    $"中文字符之间有空格（{ReportText.Quote(t, s, 1)}）。排版由 DocGen 负责，正文中不需要空格，请删除",
                    $"a space between Chinese characters ({ReportText.Quote(t, s, 1)}): DocGen does the spacing, delete it");
        }
    }

    /// <summary>Half-width , ; : ? ! right after a Chinese character, ( before or ) after one: every place, in order.</summary>
    private static List<int> HalfWidth(string t)
    {
        var hits = new List<int>();
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            char before = i > 0 ? t[i - 1] : ' ', after = i + 1 < t.Length ? t[i + 1] : ' ';
            bool hit = c switch
            {
                ',' or ';' or ':' or '?' or '!' => IsChinese(before) && !char.IsDigit(after),
                '(' => IsHan(after) || (IsChinese(before) && IsChinese(after)),
                ')' => IsHan(before) || (IsChinese(before) && IsChinese(after)),
                _ => false,
            };
            if (hit) hits.Add(i);
        }
        return hits;
    }

    /// <summary>Straight quotes in Chinese text, 「」 beside “ ”, or a “ without its ” in the same paragraph.</summary>
    private static (int Index, string Zh, string En)? Quotes(string t, bool curlyInReport)
    {
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            if (c is '"' or '\'' && ((i > 0 && IsChinese(t[i - 1])) || (i + 1 < t.Length && IsChinese(t[i + 1]))))
                return (i, $"中文里用了直引号 {c}", $"a straight quote {c} in Chinese text");
            if (c is '「' or '」' && curlyInReport)
                return (i, "引号混用：报告其他地方用“ ”，这里用「 」", "mixed quotes: the report uses “ ” elsewhere and 「 」 here");
        }
        int open = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] == '“') { if (open > 0) return (i, "引号“ ”不成对：前一个“还没有用”闭合", "unpaired quotes: a “ is not closed by ” before the next “"); open++; }
            else if (t[i] == '”') { if (open == 0) return (i, "引号“ ”不成对：”前面没有“", "unpaired quotes: ” without a “ before it"); open--; }
        }
        int last = t.LastIndexOf('“');
        return open > 0 ? (last, "引号“ ”不成对：“没有用”闭合", "unpaired quotes: a “ is not closed by ”") : null;
    }

    // Two marks of ，。、；：？！ in a row (，，  。。  ，。); ？！ and ！？ are an accepted emphatic pair.
    private static readonly Regex Doubled = new(@"(?!？！|！？)[，。、；：？！]{2}", RegexOptions.CultureInvariant);

    private static int? SpaceInChinese(string t)
    {
        for (int i = 1; i + 1 < t.Length; i++)
        {
            if (!(char.IsWhiteSpace(t[i]) || t[i] == '\u3000')) continue;
            int end = i;
            while (end < t.Length && (char.IsWhiteSpace(t[end]) || t[end] == '\u3000')) end++;
            if (end < t.Length && IsChinese(t[i - 1]) && IsChinese(t[end])) return i;
            i = end;
        }
        return null;
    }

    // ---- duplicates ----

    /// <summary>Paragraphs shorter than this (a head such as "（一）总体情况。") may legitimately recur.</summary>
    private const int MinDuplicateLength = 20;

    public static IEnumerable<Diagnostic> Duplicates(ReportText text)
    {
        var seen = new Dictionary<string, Paragraph>();
        foreach (var p in text.Paragraphs.Where(p => p.Place is not ("title" or "title.agencyLine")))
        {
            string key = Regex.Replace(p.Text, @"\s+", "");
            if (key.Length < MinDuplicateLength) continue;
            if (!seen.TryAdd(key, p))
            {
                var first = seen[key];
                var (node, _) = first.Locate(0);
                yield return text.Finding(DiagnosticCatalog.CheckDuplicate, p, 0,
                    $"这一段与 {first.Path}（第 {node.Line} 行）的段落完全相同（{ReportText.Quote(p.Text, 0, 12, 0)}），报告会印两遍。请删除其中一段",
                    $"this paragraph is the same as {first.Path} (line {node.Line}) ({ReportText.Quote(p.Text, 0, 12, 0)}); the report would print it twice. Delete one");
            }
        }
    }
}
