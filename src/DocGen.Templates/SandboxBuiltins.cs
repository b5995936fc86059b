using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace DocGen.Templates;

/// <summary>
/// The builtin functions a template may use: pure text, list and number helpers (string, array, math), plus empty/blank.
/// No include, no clock, no object.eval. Each module is built the first time a template names it, once per process: Scriban
/// builds a module by reflection over its methods, about 9 % of a cold report for the three (BENCHMARKS.md), and the shipped
/// templates name none of them. Read-only, so one instance serves every render on every thread.
/// </summary>
internal sealed class SandboxBuiltins : ScriptObject
{
    private static readonly Lazy<ScriptObject> StringModule = new(() => Sealed(new StringFunctions()));
    private static readonly Lazy<ScriptObject> ArrayModule = new(() => Sealed(new ArrayFunctions()));
    private static readonly Lazy<ScriptObject> MathModule = new(() => Sealed(new MathFunctions()));

    public SandboxBuiltins()
    {
        SetValue("empty", EmptyScriptObject.Default, true);
        SetValue("blank", EmptyScriptObject.Default, true);
        IsReadOnly = true;
    }

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object value)
    {
        if (Module(member) is { } module)
        {
            value = module.Value;
            return true;
        }
        bool found = base.TryGetValue(context, span, member, out var own);
        value = own!;
        return found;
    }

    public override bool Contains(string member) => Module(member) is not null || base.Contains(member);

    public override bool CanWrite(string member) => false;

    private static Lazy<ScriptObject>? Module(string name) => name switch
    {
        "string" => StringModule,
        "array" => ArrayModule,
        "math" => MathModule,
        _ => null,
    };

    private static ScriptObject Sealed(ScriptObject module)
    {
        module.IsReadOnly = true;
        return module;
    }
}
