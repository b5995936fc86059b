using DocGen.Model;

namespace DocGen.Engine;

/// <summary>The output formats DocGen can write, by name. Writers are created once and shared by every report of a run.</summary>
public static class OutputFormats
{
    public static readonly IReadOnlyList<string> Names = ["docx", "pdf"];

    /// <param name="fontDirectories">Folders of the user's licensed font files (仿宋_GB2312.ttf …), searched before the stand-ins.</param>
    public static IReadOnlyList<IDocumentWriter> Create(IEnumerable<string> formats, IReadOnlyList<string> fontDirectories)
    {
        var list = new List<IDocumentWriter>();
        foreach (var f in formats.Select(f => f.Trim().ToLowerInvariant()).Where(f => f.Length > 0).Distinct())
        {
            list.Add(f switch
            {
                "docx" => new DocxOutput(),
                "pdf" => new PdfOutput(fontDirectories),
                _ => throw DiagnosticCatalog.UsageFormat.Fail($"不支持的输出格式「{f}」（可用：{string.Join("、", Names)}）", $"unsupported output format \"{f}\" (known: {string.Join(", ", Names)})"),
            });
        }
        if (list.Count == 0) throw DiagnosticCatalog.UsageFormat.Fail("没有指定输出格式", "no output format given");
        return list;
    }
}
