using DocGen.Model;
using DocGen.Pdf;
using DocGen.Pdf.Fonts;

namespace DocGen.Engine;

/// <summary>
/// What `docgen fonts` asks of the PDF writer's fonts, for the command line: which file serves each role of a style sheet, and
/// which characters of a document no font covers. The font folders are searched as a render with the same folders would.
/// </summary>
public sealed class FontOverview(IReadOnlyList<string> fontDirectories)
{
    private readonly FontSettings _settings = new(fontDirectories);

    public IReadOnlyList<FontRoleReport> Describe(StyleSheet styles) => FontReport.Describe(styles, _settings);

    public IReadOnlyList<MissingGlyph> FindMissing(Document document) => FontReport.FindMissing(document, _settings);
}
