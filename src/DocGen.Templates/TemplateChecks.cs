using System.Text.RegularExpressions;
using DocGen.Model;

namespace DocGen.Templates;

/// <summary>
/// Checks Handlebars cannot do for us, with line numbers it does not give: balanced blocks, no unknown block helper (which would
/// silently render nothing) and no indented stand-alone partial (Handlebars.Net 2.4.3 then drops escaping: XML injection).
/// </summary>
public static partial class TemplateChecks
{
    [GeneratedRegex(@"\{\{(~?)(\{?)\s*([#/^>!]?)\s*([^\s}~]*)([^}]*)\}\}\}?", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[ \t]+\{\{~?>", RegexOptions.Multiline)]
    private static partial Regex IndentedPartial();

    /// <param name="partials">Names of the template's partials; a {{> name}} of any other fails only at run time, without a line.</param>
    public static void Check(string source, string file, IReadOnlySet<string>? partials = null)
    {
        var problems = new List<Diagnostic>();
        var stack = new Stack<(string Name, int Line, int Col)>();
        string stripped = StripComments(source);
        foreach (Match m in Tag().Matches(stripped))
        {
            var (line, col) = Position(stripped, m.Index);
            string kind = m.Groups[3].Value, name = m.Groups[4].Value;
            if (kind == "#" && HandlebarsFactory.KnownBlocks.Contains(name) && m.Groups[5].Value.Trim().TrimEnd('~').Length == 0)
                problems.Add(Problem("E-TEMPLATE-SYNTAX", $"{{{{#{name}}}}} 缺少参数（例如 {{{{#{name} sections.overview}}}}）", file, line, col));
            if (kind == "#")
            {
                if (!HandlebarsFactory.KnownBlocks.Contains(name))
                    problems.Add(Problem("E-TEMPLATE-HELPER", $"未知的块助手 {{{{#{name}}}}}（Handlebars 会把它静默输出为空；可用：{string.Join("、", HandlebarsFactory.KnownBlocks)}）", file, line, col));
                stack.Push((name, line, col));
            }
            else if (kind == "" && name.Length > 0 && m.Groups[5].Value.Trim().TrimEnd('~').Length > 0 && !name.StartsWith('@') && !name.Contains('.')
                     && !HandlebarsFactory.KnownHelpers.Contains(name))
            {
                problems.Add(Problem("E-TEMPLATE-HELPER", $"未知的助手 {{{{{name} …}}}}（Handlebars 只在运行到这里时才报错；可用：{string.Join("、", HandlebarsFactory.KnownHelpers.Where(h => h != "else"))}）", file, line, col));
            }
            else if (kind == ">" && partials is not null && name.Length > 0 && !name.StartsWith('(') && !partials.Contains(name))
            {
                problems.Add(Problem("E-TEMPLATE-PARTIAL", $"找不到局部模板 {{{{> {name}}}}}（模板文件夹中没有 {name}.hbs）", file, line, col));
            }
            else if (kind == "/")
            {
                if (stack.Count == 0)
                    problems.Add(Problem("E-TEMPLATE-SYNTAX", $"{{{{/{name}}}}} 没有对应的 {{{{#{name}}}}}", file, line, col));
                else if (stack.Peek().Name != name)
                    problems.Add(Problem("E-TEMPLATE-SYNTAX", $"{{{{/{name}}}}} 与第 {stack.Peek().Line} 行的 {{{{#{stack.Peek().Name}}}}} 不配对", file, line, col));
                else stack.Pop();
            }
        }
        for (int open = stripped.IndexOf("{{", StringComparison.Ordinal); open >= 0; open = stripped.IndexOf("{{", open + 2, StringComparison.Ordinal))
        {
            int close = stripped.IndexOf("}}", open + 2, StringComparison.Ordinal);
            int next = stripped.IndexOf("{{", open + 2, StringComparison.Ordinal);
            // Searching from open + 2 also steps over the third brace of a raw {{{value}}}.
            if (close >= 0 && (next < 0 || next > close)) continue;
            var (line, col) = Position(stripped, open);
            problems.Add(Problem("E-TEMPLATE-SYNTAX", "{{ 没有对应的 }}（Handlebars 标签未闭合）", file, line, col));
            break;
        }
        foreach (var open in stack)
            problems.Add(Problem("E-TEMPLATE-SYNTAX", $"{{{{#{open.Name}}}}} 没有闭合（缺少 {{{{/{open.Name}}}}}）", file, open.Line, open.Col));
        foreach (Match m in IndentedPartial().Matches(stripped))
        {
            var (line, col) = Position(stripped, m.Index);
            problems.Add(Problem("E-TEMPLATE-PARTIAL", "独占一行的局部模板 {{> …}} 前面不能有缩进（Handlebars.Net 会因此取消转义，数据中的 < & 将破坏文档）", file, line, col));
        }
        if (problems.Count > 0) throw new DocGenException(FailureKind.Template, problems);
    }

    /// <summary>Blanks out {{!-- … --}} and {{! … }} comments, keeping line breaks so positions stay right.</summary>
    private static string StripComments(string s) =>
        Regex.Replace(s, @"\{\{!--.*?--\}\}|\{\{![^}]*\}\}", m => Regex.Replace(m.Value, "[^\n]", " "), RegexOptions.Singleline);

    private static (int Line, int Col) Position(string s, int index)
    {
        int line = 1, lastNl = -1;
        for (int i = 0; i < index; i++)
            if (s[i] == '\n') { line++; lastNl = i; }
        return (line, index - lastNl);
    }

    private static Diagnostic Problem(string id, string msg, string file, int line, int col) => new(Severity.Error, id, msg, file, line, col);
}
