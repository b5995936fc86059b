using HandlebarsDotNet;

namespace DocGen.Templates;

/// <summary>The Handlebars environment every template gets: XML-safe escaping and the few helpers templates may call.</summary>
internal static class HandlebarsFactory
{
    /// <summary>Block helpers templates may use; TemplateChecks rejects any other, since Handlebars renders an unknown block as nothing.</summary>
    public static readonly IReadOnlySet<string> KnownBlocks = new HashSet<string> { "if", "unless", "each", "with" };

    public static IHandlebars Create()
    {
        var hb = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        return hb;
    }
}
