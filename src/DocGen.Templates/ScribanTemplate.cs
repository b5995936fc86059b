using System.Collections;
using System.Globalization;
using DocGen.Model;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DocGen.Templates;

/// <summary>
/// A Scriban template run in a sandbox: it sees only the ScriptObject model built here from the bound data (no .NET object, no
/// member of one, no include, no clock), with loop, recursion, output and time limits and an error for any undefined name.
/// In markup mode every value a {{ … }} prints is XML-escaped, so data can never open or close an element; the template's own
/// text is copied as written. There is no raw output: markup comes only from the template's text.
/// </summary>
public sealed class ScribanTemplate
{
    /// <summary>How long one render may run. Real reports take milliseconds; the limit stops a runaway template, not a large report.</summary>
    public static readonly TimeSpan RenderTimeLimit = TimeSpan.FromSeconds(20);

    /// <summary>Iterations of one loop: a hundred times the 10,000 paragraphs of the largest section tested, so only a runaway loop reaches it.</summary>
    public const int LoopLimit = 1_000_000;

    public const int RecursionLimit = 64;

    /// <summary>Largest output (characters): a 20 MB data file, escaped, stays far below it.</summary>
    public const int OutputLimit = 256 * 1024 * 1024;

    private readonly Template _template;
    private readonly string _file;
    private readonly bool _markup;

    private ScribanTemplate(Template template, string file, bool markup) => (_template, _file, _markup) = (template, file, markup);

    /// <param name="file">The file to name in errors.</param>
    /// <param name="markup">True for the entry template (values XML-escaped); false for plain text such as the default title.</param>
    /// <param name="lineOffset">Line and column of the text inside <paramref name="file"/> (a template held in a JSON string).</param>
    public static ScribanTemplate Parse(string source, string file, bool markup, (int Line, int Column)? lineOffset = null)
    {
        var template = Template.Parse(source, file, new ParserOptions { ExpressionDepthLimit = 64 });
        if (template.HasErrors)
        {
            var problems = template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m =>
            {
                var (line, col) = Position(m.Span, lineOffset);
                return DiagnosticCatalog.TemplateSyntax.Create($"模板语法错误：{m.Message}", $"template syntax error: {m.Message}", file, line, col);
            }).ToList();
            throw new DocGenException(FailureKind.Template, problems);
        }
        return new ScribanTemplate(template, file, markup) { _lineOffset = lineOffset };
    }

    private (int Line, int Column)? _lineOffset;

    /// <summary>Renders with the model (plain dictionaries, lists, strings, numbers, booleans); <paramref name="lenient"/> names top-level objects whose missing members are null.</summary>
    /// <param name="timeLimit">Overrides <see cref="RenderTimeLimit"/> for this render.</param>
    public string Render(IReadOnlyDictionary<string, object?> model, IReadOnlySet<string> lenient, CancellationToken cancel = default, TimeSpan? timeLimit = null)
    {
        var limit = timeLimit ?? RenderTimeLimit;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(limit);
        var globals = new ScriptObject();
        foreach (var (key, value) in model) globals.SetValue(key, ToScript(value, lenient.Contains(key)), false);
        var context = _markup ? new EscapingContext(Builtins, timer, limit) : new TimedContext(Builtins, timer, limit);
        context.StrictVariables = true;
        context.EnableRelaxedMemberAccess = false;
        context.EnableRelaxedIndexerAccess = false;
        context.LoopLimit = LoopLimit;
        context.RecursiveLimit = RecursionLimit;
        context.LimitToString = OutputLimit;
        context.ObjectRecursionLimit = 20;
        // The model holds only ScriptObject, ScriptArray and primitives; should any other object reach it, none of its members shows.
        context.MemberFilter = _ => false;
        context.CancellationToken = timer.Token;
        context.PushGlobal(globals);
        try
        {
            string output = _template.Render(context);
            if (output.Length >= OutputLimit) throw Runtime(DiagnosticCatalog.TemplateLimit, $"模板输出超过 {OutputLimit / 1024 / 1024} M 字符",
                $"the template's output is longer than {OutputLimit / 1024 / 1024} M characters", 0, 0);
            return output;
        }
        catch (ScriptAbortException e) when (!cancel.IsCancellationRequested)
        {
            var (line, col) = Position(e.Span, _lineOffset);
            throw Runtime(DiagnosticCatalog.TemplateLimit, $"模板运行超过 {limit.TotalSeconds:0.###} 秒的上限，已停止（是否有不会结束的循环？）",
                $"the template ran past the limit of {limit.TotalSeconds:0.###} seconds and was stopped (a loop that never ends?)", line, col, e);
        }
        catch (ScriptAbortException)
        {
            throw new OperationCanceledException(cancel);
        }
        catch (ScriptRuntimeException e)
        {
            var (line, col) = Position(e.Span, _lineOffset);
            bool overLimit = e.OriginalMessage.Contains("limit", StringComparison.OrdinalIgnoreCase);
            throw overLimit
                ? Runtime(DiagnosticCatalog.TemplateLimit, $"模板超出了运行上限（循环 {LoopLimit} 次或递归 {RecursionLimit} 层）：{e.OriginalMessage}",
                    $"the template went past its limits ({LoopLimit} loop iterations or {RecursionLimit} levels of recursion): {e.OriginalMessage}", line, col, e)
                : Runtime(DiagnosticCatalog.TemplateRuntime, $"模板执行出错：{e.OriginalMessage}", $"the template failed: {e.OriginalMessage}", line, col, e);
        }
    }

    private DocGenException Runtime(DiagnosticKind kind, string zh, string en, int line, int col, Exception? inner = null) =>
        new(FailureKind.Template, [kind.Create(zh, en, _file, line, col) with { Detail = inner?.ToString() }]);

    /// <summary>Scriban's spans are zero-based; messages and editors count from 1.</summary>
    private static (int Line, int Column) Position(SourceSpan span, (int Line, int Column)? offset)
    {
        int line = span.Start.Line + 1, col = span.Start.Column + 1;
        if (offset is { } o) return (o.Line + line - 1, line == 1 ? o.Column + col - 1 : col);
        return (line, col);
    }

    /// <summary>The builtin functions a template may use (<see cref="SandboxBuiltins"/>), shared read-only by every render.</summary>
    private static readonly ScriptObject Builtins = new SandboxBuiltins();

    private static object? ToScript(object? value, bool lenient) => value switch
    {
        null => null,
        string or bool or int or long or double or decimal => value,
        IDictionary<string, object?> map => ToObject(map, lenient),
        IEnumerable list => ToArray(list, lenient),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ScriptObject ToObject(IDictionary<string, object?> map, bool lenient)
    {
        var o = lenient ? new OptionalMembers() : new ScriptObject();
        foreach (var (k, v) in map) o.SetValue(k, ToScript(v, lenient), false);
        return o;
    }

    private static ScriptArray ToArray(IEnumerable list, bool lenient)
    {
        var a = new ScriptArray();
        foreach (var item in list) a.Add(ToScript(item, lenient));
        return a;
    }

    /// <summary>Free-form data (a format's extra fields): a member the data file left out reads as null, not as a template error.</summary>
    private sealed class OptionalMembers : ScriptObject
    {
        public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
        {
            if (!base.TryGetValue(context, span, member, out value)) value = null;
            return true;
        }
    }

    /// <summary>Every value a {{ … }} prints is XML-escaped; the template's literal text goes through another overload, unchanged.</summary>
    /// <summary>
    /// Stops a render past its time limit from inside the loop itself: the timer alone needs a thread-pool thread to fire,
    /// and on a busy machine that thread came after a 900,000-step loop had already finished.
    /// </summary>
    private class TimedContext(ScriptObject builtins, CancellationTokenSource timer, TimeSpan limit) : TemplateContext(builtins)
    {
        private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

        protected override bool OnStepLoop(ScriptLoopStatementBase loop)
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(_start) > limit) timer.Cancel();
            return base.OnStepLoop(loop);
        }
    }

    private sealed class EscapingContext(ScriptObject builtins, CancellationTokenSource timer, TimeSpan limit) : TimedContext(builtins, timer, limit)
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is null) return this;
            string? text = ObjectToString(textAsObject);
            return text is null ? this : Write(Escape(text));
        }
    }

    /// <summary>XML escaping for text and attribute values alike (quotes included): a value can never end an attribute or an element.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
            sb.Append(c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", '"' => "&quot;", '\'' => "&apos;", _ => c.ToString() });
        return sb.ToString();
    }
}
