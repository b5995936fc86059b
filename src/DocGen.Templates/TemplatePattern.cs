using System.Text.RegularExpressions;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>
/// A regular expression written by a template maintainer (styles.json's numbering, checks.json's rules), compiled for .NET's
/// backtracking interpreter after a check that keeps its run time polynomial: a group repeated more than once (*, +, {n,m} with
/// m &gt; 1) may hold no repetition, and alternatives only when they are fixed texts none of which begins another, since only
/// such a group can match one text in exponentially many ways ("^(a+)+$", "(a|a)*", "(a|ab)*", "(a?a?)+"); with fixed texts
/// of which none begins another ("(信息|处理)+"), a text is split into them in at most one way. Look-arounds,
/// back-references, atomic groups and conditionals are refused as well.
/// A match that still runs longer than <see cref="Timeout"/> (a polynomial pattern on a very long paragraph) stops with
/// <see cref="RegexMatchTimeoutException"/>, which the callers turn into E-TEMPLATE-LIMIT.
/// Why not RegexOptions.NonBacktracking, which needs no check: it builds a 64K-entry character table and its automaton per
/// pattern, about 3 ms each, which made compiling checks.json's 28 patterns a fifth of a cold report (BENCHMARKS.md).
/// </summary>
public static class TemplatePattern
{
    /// <summary>How long one match may run; real patterns take microseconds on a paragraph.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>A refused pattern: the message in Chinese and English, and the 0-based character of the pattern it points at.</summary>
    public sealed record Refusal(string Message, string MessageEn, int Offset);

    /// <summary>The compiled pattern, or why it is refused.</summary>
    public static (Regex? Regex, Refusal? Refusal) Compile(string pattern)
    {
        Regex regex;
        try { regex = new Regex(pattern, RegexOptions.CultureInvariant, Timeout); }
        catch (RegexParseException e)
        {
            return (null, new Refusal($"正则表达式有误（第 {e.Offset} 个字符处）：{e.Error}", $"invalid regular expression (at character {e.Offset}): {e.Error}",
                Math.Max(0, e.Offset - 1)));
        }
        return Check(pattern) is { } refusal ? (null, refusal) : (regex, null);
    }

    /// <summary>E-TEMPLATE-LIMIT for a pattern whose match ran past <see cref="Timeout"/>, at the place the pattern is written.</summary>
    public static DocGenException TooSlow(RegexMatchTimeoutException e, TemplatePosition at) =>
        DiagnosticCatalog.TemplateLimit.Fail(
            $"正则表达式「{e.Pattern}」在一段 {e.Input.Length} 字的文字上运行超过 {Timeout.TotalSeconds:0} 秒，已停止；请把它改得更确定（少用 .* 之类可匹配任意长度的部分）",
            $"the regular expression \"{e.Pattern}\" ran longer than {Timeout.TotalSeconds:0} s on a text of {e.Input.Length} characters and was stopped; make it more definite (fewer parts like .* that match any length)",
            at.File, at.Line, at.Column);

    /// <summary>The first construct of a syntactically valid pattern that the rule above refuses; null when there is none.</summary>
    public static Refusal? Check(string p)
    {
        var open = new Stack<Group>();
        var top = new Group(0, 0);
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < p.Length && (p[i + 1] is >= '1' and <= '9' || p[i + 1] == 'k' && i + 2 < p.Length && p[i + 2] is '<' or '\''))
                        return Unsupported(i, "反向引用 \\1、\\k<名称>", "back-references");
                    i = SkipEscape(p, i);
                    break;
                case '[':
                    i = SkipClass(p, i);
                    break;
                case '|':
                    top.HasAlternative = true;
                    break;
                case '(':
                    if (i + 1 < p.Length && p[i + 1] == '?')
                    {
                        string rest = p[(i + 2)..];
                        if (rest.StartsWith('=') || rest.StartsWith('!') || rest.StartsWith("<=", StringComparison.Ordinal) || rest.StartsWith("<!", StringComparison.Ordinal))
                            return Unsupported(i, "环视 (?=…)、(?!…)、(?<=…)、(?<!…)", "look-arounds");
                        if (rest.StartsWith('>')) return Unsupported(i, "原子组 (?>…)", "atomic groups");
                        if (rest.StartsWith('(')) return Unsupported(i, "条件 (?(…)…)", "conditionals");
                        if (rest.StartsWith('#')) { i = p.IndexOf(')', i); break; }
                        // Inline options alone, "(?i)", open no group; "(?i:", "(?:", "(?<name>" and "(?'name'" open one.
                        int flags = 0;
                        while (flags < rest.Length && (char.IsAsciiLetter(rest[flags]) || rest[flags] == '-')) flags++;
                        if (flags < rest.Length && rest[flags] == ')' && flags > 0) { i += 2 + flags; break; }
                        open.Push(top);
                        int start = i;
                        i = rest[0] is '<' or '\'' ? p.IndexOf(rest[0] == '<' ? '>' : '\'', i + 3) : i + 2 + flags;
                        top = new Group(start, i + 1);
                        break;
                    }
                    open.Push(top);
                    top = new Group(i, i + 1);
                    break;
                case ')':
                    var group = top;
                    top = open.Pop();
                    int after = Quantifier(p, i + 1, out int max);
                    if (after > i + 1 && max > 1 && (group.HasRepetition || group.HasAlternative && !SplitsOneWay(p[group.ContentStart..i])))
                        return new Refusal(
                            $"正则表达式第 {group.Start + 1} 个字符起的组本身含有{(group.HasRepetition ? "重复（*、+、?、{m,n}）" : "选择（|），且各选项不都是互不为开头的固定文字")}，又被整体重复，匹配一段文字可能要试指数多种拆法；请改写：单个字的选择写成字符类 [...]，词语的选择写成互不为开头的固定词语，如 (信息|处理)+",
                            $"the group at character {group.Start + 1} of the regular expression contains {(group.HasRepetition ? "a repetition (*, +, ?, {m,n})" : "alternatives that are not all fixed texts none of which begins another")} and is itself repeated: matching a text could try exponentially many splits; rewrite it: single characters as a character class [...], words as fixed words none of which begins another, such as (信息|处理)+",
                            group.Start);
                    top.HasRepetition |= group.HasRepetition || after > i + 1;
                    i = after - 1;
                    break;
                default:
                    int end = Quantifier(p, i, out _);
                    if (end > i) { top.HasRepetition = true; i = end - 1; }
                    break;
            }
        }
        return null;
    }

    /// <summary>
    /// Whether a group's alternatives are fixed texts (letters, and punctuation escaped with a backslash) none of which begins
    /// another, compared without case (an inline (?i) may apply): a text then splits into them in at most one way.
    /// </summary>
    private static bool SplitsOneWay(string content)
    {
        var alternatives = new List<string>();
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if (c == '|') { alternatives.Add(text.ToString()); text.Clear(); }
            else if (c == '\\' && i + 1 < content.Length && !char.IsAsciiLetterOrDigit(content[i + 1])) text.Append(content[++i]);
            else if (c is '\\' or '(' or ')' or '[' or '.' or '^' or '$' or '*' or '+' or '?' or '{' or '#' || char.IsWhiteSpace(c)) return false;
            else text.Append(c);
        }
        alternatives.Add(text.ToString());
        for (int x = 0; x < alternatives.Count; x++)
            for (int y = 0; y < alternatives.Count; y++)
                if (x != y && alternatives[y].StartsWith(alternatives[x], StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private sealed class Group(int start, int contentStart)
    {
        public int Start { get; } = start;

        /// <summary>Where the group's own pattern begins, after "(", "(?:", "(?i:" or "(?&lt;name&gt;".</summary>
        public int ContentStart { get; } = contentStart;
        public bool HasRepetition { get; set; }
        public bool HasAlternative { get; set; }
    }

    private static Refusal Unsupported(int at, string what, string whatEn) =>
        new($"正则表达式第 {at + 1} 个字符处用了不支持的写法：{what}", $"the regular expression uses an unsupported construct at character {at + 1}: {whatEn}", at);

    /// <summary>The end (exclusive) of a quantifier starting at <paramref name="i"/> (lazy '?' included), or i when there is none.</summary>
    private static int Quantifier(string p, int i, out int max)
    {
        max = 0;
        if (i >= p.Length) return i;
        int end;
        switch (p[i])
        {
            case '*' or '+': max = int.MaxValue; end = i + 1; break;
            case '?': max = 1; end = i + 1; break;
            case '{':
                // {n}, {n,} or {n,m}; anything else is a literal brace.
                int j = i + 1, min = Digits(p, ref j);
                if (min < 0) return i;
                max = min;
                if (j < p.Length && p[j] == ',') { j++; max = Digits(p, ref j); if (max < 0) max = int.MaxValue; }
                if (j >= p.Length || p[j] != '}') return i;
                end = j + 1;
                break;
            default: return i;
        }
        return end < p.Length && p[end] == '?' ? end + 1 : end;
    }

    /// <summary>The number written at <paramref name="j"/> (moving past it), or -1 when there is no digit there.</summary>
    private static int Digits(string p, ref int j)
    {
        int start = j;
        long value = 0;
        while (j < p.Length && char.IsAsciiDigit(p[j])) value = Math.Min(int.MaxValue, value * 10 + (p[j++] - '0'));
        return j == start ? -1 : (int)value;
    }

    private static int SkipEscape(string p, int i)
    {
        if (i + 1 >= p.Length) return i;
        // \p{…} and \P{…} carry a braced category name.
        if (p[i + 1] is 'p' or 'P' && i + 2 < p.Length && p[i + 2] == '{') return Math.Max(i + 1, p.IndexOf('}', i));
        return i + 1;
    }

    /// <summary>The index of the ']' closing the class opened at <paramref name="i"/>, subtractions [a-z-[aeiou]] included.</summary>
    private static int SkipClass(string p, int i)
    {
        int j = i + 1;
        if (j < p.Length && p[j] == '^') j++;
        if (j < p.Length && p[j] == ']') j++; // a ']' first in the class is the character itself
        for (; j < p.Length; j++)
        {
            if (p[j] == '\\') j = SkipEscape(p, j);
            else if (p[j] == '[' && p[j - 1] == '-') j = SkipClass(p, j);
            else if (p[j] == ']') return j;
        }
        return p.Length - 1;
    }
}
