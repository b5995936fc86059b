using DocGen.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.Docx;

/// <summary>The real example data files, through the pipeline, into DOCX.</summary>
public class DocxExampleTests
{
    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Example_is_valid_deterministic_and_keeps_every_table_grid(string name)
    {
        var result = Pipelines.Default.Build(Repo.Example(name));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        var doc = result.Document!;

        byte[] bytes = DocxFiles.Write(doc);
        Assert.Equal(bytes, DocxFiles.Write(doc));

        using var word = DocxFiles.Open(bytes);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);

        var body = word.MainDocumentPart!.Document.Body!;
        var modelTables = doc.Blocks.OfType<DocGen.Model.Table>().ToList();
        var wordTables = body.Elements<Table>().ToList();
        Assert.Equal(modelTables.Count, wordTables.Count);
        for (int i = 0; i < modelTables.Count; i++)
            Assert.Empty(DocxGridReader.Differences(wordTables[i], modelTables[i]));

        // Every paragraph's text arrives, in order, under its named style.
        var modelParagraphs = doc.Blocks.OfType<DocGen.Model.Paragraph>().Where(p => p.PlainText.Length > 0).ToList();
        var wordParagraphs = body.Elements<Paragraph>().Where(p => p.InnerText.Length > 0).ToList();
        Assert.Equal(modelParagraphs.Select(p => p.PlainText.Replace("\n", "")), wordParagraphs.Select(p => p.InnerText));
        // The numbered headings are Word's built-in heading 1–3; every other style keeps the style sheet's key.
        string Expected(string style) => doc.Styles.Paragraph(style).OutlineLevel is > 0 and var level ? $"Heading{level}" : style;
        Assert.Equal(modelParagraphs.Select(p => Expected(p.Style)), wordParagraphs.Select(p => p.ParagraphProperties!.ParagraphStyleId!.Val!.Value));
    }
}
