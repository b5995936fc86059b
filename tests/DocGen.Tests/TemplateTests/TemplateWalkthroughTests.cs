using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Cli;
using DocGen.Tests.Robustness;
using DocGen.Tests.Support;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.TemplateTests;

/// <summary>
/// The walkthrough of docs/templates.md §3, performed on a copy of the templates folder: a county variant of the 2021 format with
/// a changed label, an extra row with its rule and a font switch, then rendered to DOCX and PDF.
/// </summary>
public class TemplateWalkthroughTests
{
    private const string Variant = "gov-info-annual-2021-county";

    private static string MakeVariant()
    {
        string root = DataFiles.TempDir();
        string source = Path.Combine(Repo.Templates, "gov-info-annual-2021");
        string folder = Path.Combine(root, Variant);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        // 1. the name
        Edit(folder, "template.json", "\"name\": \"gov-info-annual-2021\"", $"\"name\": \"{Variant}\"");
        // 2. a changed label
        Edit(folder, "tables/active-disclosure.json", "\"label\": \"本年制发件数\"", "\"label\": \"本年制作件数\"");
        // 3. an extra row, its place in the layout, its rule
        Edit(folder, "tables/active-disclosure.json", "\"rows\": [",
            "\"rows\": [\n    { \"key\": \"normativeRevised\", \"label\": \"其中：本年修订的行政规范性文件\", \"group\": \"第二十条第（一）项\" },");
        TemplateCopies.Edit(folder, "tables/active-disclosure.json", s =>
        {
            // Right after the normativeDocuments row, that is before the layout row holding the 第二十条第（五）项 heading.
            int heading = s.IndexOf("\"text\": \"第二十条第（五）项\"", StringComparison.Ordinal);
            int row = s.LastIndexOf('{', s.LastIndexOf("\"cells\"", heading, StringComparison.Ordinal));
            return s[..row] + "{ \"row\": \"normativeRevised\", \"cells\": [ { \"rowLabel\": \"normativeRevised\", \"indentChars\": 1, \"align\": \"left\" }, "
                + "{ \"value\": \"issued\" }, { \"value\": \"repealed\" }, { \"value\": \"inForce\" } ] },\n    " + s[row..];
        });
        Edit(folder, "tables/active-disclosure.json", "\"rules\": []",
            "\"rules\": [ { \"id\": \"T2-1\", \"kind\": \"atMost\", \"description\": \"本年修订的行政规范性文件不多于行政规范性文件\", "
            + "\"left\": { \"rows\": [\"normativeRevised\"] }, \"right\": { \"rows\": [\"normativeDocuments\"] } } ]");
        // 4. a font switch
        Edit(folder, "styles.json", "\"eastAsia\": \"仿宋_GB2312\"", "\"eastAsia\": \"仿宋\"");
        // 5. the schema follows the tables
        var schema = CliRunner.Run(root, "schema", "--templates", root, "--template", Variant);
        Assert.True(schema.ExitCode == 0, schema.ToString());
        Assert.Contains("normativeRevised", File.ReadAllText(Path.Combine(folder, "schema.json")), StringComparison.Ordinal);
        return root;
    }

    private static void Edit(string folder, string file, string from, string to) => TemplateFault.Edit(folder, file, from, to);

    private static string Data(string root, int revised)
    {
        string text = File.ReadAllText(Repo.Example("ningxia-gov-office-2023"))
            .Replace("\"template\": \"gov-info-annual-2021\"", $"\"template\": \"{Variant}\"", StringComparison.Ordinal)
            .Replace("\"activeDisclosure\": {", $"\"activeDisclosure\": {{\n      \"normativeRevised\": {{ \"issued\": {revised}, \"repealed\": 0, \"inForce\": {revised} }},", StringComparison.Ordinal);
        string path = Path.Combine(root, $"county-{revised}.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_variant_renders_with_its_label_row_and_font()
    {
        string root = MakeVariant();
        var renderer = new ReportRenderer(new ReportPipeline(new TemplateLocator(root)), OutputFormats.Create(["docx", "pdf"], []));
        var o = renderer.Render(Data(root, 1), Path.Combine(root, "out"));
        Assert.True(o.Ok, string.Join("\n", o.Diagnostics));

        string docx = o.Outputs.Single(f => f.EndsWith(".docx", StringComparison.Ordinal));
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            string text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("本年制作件数", text);
            Assert.DoesNotContain("本年制发件数", text);
            Assert.Contains("其中：本年修订的行政规范性文件", text);
            var body = word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId?.Value == "body");
            Assert.Equal("仿宋", body.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        }
        string pdf = string.Concat(Tools.PdfText(o.Outputs.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal))).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("本年制作件数", pdf);
        Assert.Contains("其中：本年修订的行政规范性文件", pdf);
    }

    [Fact]
    public void The_new_rule_refuses_data_that_breaks_it()
    {
        string root = MakeVariant();
        var result = new ReportPipeline(new TemplateLocator(root)).Build(Data(root, 99));

        Assert.Equal(FailureKind.InvalidData, result.Failure);
        Assert.Contains(result.Diagnostics, d => d.Id == "T2-1" && d.Severity == Severity.Error);
    }
}
