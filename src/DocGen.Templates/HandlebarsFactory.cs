using HandlebarsDotNet;

namespace DocGen.Templates;

/// <summary>The Handlebars environment every template gets: XML-safe escaping and the few helpers templates may call.</summary>
internal static class HandlebarsFactory
{
    /// <summary>Block helpers templates may use; TemplateChecks rejects any other, since Handlebars renders an unknown block as nothing.</summary>
    public static readonly IReadOnlySet<string> KnownBlocks = new HashSet<string> { "if", "unless", "each", "with" };

    /// <summary>Helpers a template may call with arguments ({{lookup x y}}); any other name with arguments fails at run time, without a line.</summary>
    public static readonly IReadOnlySet<string> KnownHelpers = new HashSet<string> { "lookup", "log", "else" };

    /// <summary>
    /// For templates whose output is plain text, not markup (the default title): escaping there would be applied a second time
    /// when the text is placed in the markup, and a clerk's "&lt;" would print as "&amp;lt;".
    /// </summary>
    public static IHandlebars CreatePlainText() =>
        Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false, NoEscape = true });

    public static IHandlebars Create()
    {
        var hb = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        return hb;
    }
}
