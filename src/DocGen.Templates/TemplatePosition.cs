namespace DocGen.Templates;

/// <summary>
/// Where something stands in a template file (a numbering pattern in styles.json, a rule in checks.json), so that an error or a
/// finding it causes can name file(line,col).
/// </summary>
public sealed record TemplatePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}({Line},{Column})";
}
