using DocGen.Data;
using DocGen.Model;
using DocGen.Templates;

namespace DocGen.Engine;

/// <summary>
/// Gets the writers ready on an idle core while the first report is still being read and its template compiled. A cold
/// process spends most of a single report's time loading code (both writers) and parsing fonts;
/// writing a two-line document with the report's own style sheet to nowhere does that work in parallel with the binding,
/// so the real report finds it done. Only worth it when cores would otherwise idle (one report, or fewer than -j).
/// </summary>
internal static class Warmup
{
    public static Task Start(string firstInput, TemplateLocator templates, IReadOnlyList<IDocumentWriter> writers) =>
        Task.Run(() =>
        {
            try
            {
                if (ReportPipeline.ReadData(firstInput) is not JObject { } data || data["template"] is not JString { Value: var name }) return;
                // The style sheet alone: loading the whole template would wait for the template parse the report is doing.
                var sheet = StyleSheetLoader.Load(TemplatePackage.StylesFile(templates.Folder(name))).Styles;
                var document = new Document(new DocumentInfo(name, name), sheet,
                [
                    new Paragraph("body", [new Inline("政府信息公开工作年度报告（2023年）")]),
                    new Table("warmup", [30, 30], 1,
                    [
                        new TableRow([new TableCell(0, 0, ["项目"]), new TableCell(0, 1, ["数量"])]),
                        new TableRow([new TableCell(1, 0, ["（一）予以公开"]), new TableCell(1, 1, ["12"]) { IsValue = true }]),
                    ]),
                ]);
                foreach (var w in writers) w.Write(document, Stream.Null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Nothing is lost: the real report meets the same problem (a missing font, a broken style sheet) and reports it.
            }
        });
}
