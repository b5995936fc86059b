using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace DocGen.Tests.EndToEnd;

public class ExampleOutputChecks
{
    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Docx_passes_the_OpenXml_validator(string example)
    {
        using var doc = WordprocessingDocument.Open(ExampleOutputs.Docx(example), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Pdf_passes_qpdf_check(string example)
    {
        var (code, stdout, stderr) = ProcessRunner.Run("qpdf", "--check", ExampleOutputs.Pdf(example));
        Assert.True(code == 0, stdout + stderr);
    }

    [Fact]
    public void Broken_data_writes_no_output_and_keeps_existing_files()
    {
        var data = DataFiles.Load("pingluo-county-2023");
        data["tables"]!["applications"]!["carryForward"]!["research"] = 5;
        string dir = DataFiles.TempDir();
        string input = DataFiles.Write(data, dir, "agency.json");
        string outDir = Path.Combine(dir, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "agency.pdf"), "previous good output");

        var renderer = new ReportRenderer(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], []));
        var outcome = renderer.Render(input, outDir);

        Assert.Equal(FailureKind.InvalidData, outcome.Failure);
        Assert.Contains(outcome.Diagnostics, d => d.Id == "T3-1" && d.Message.Contains("「科研机构」列"));
        Assert.Empty(outcome.Outputs);
        Assert.Equal(["agency.pdf"], Directory.GetFiles(outDir).Select(Path.GetFileName));
        Assert.Equal("previous good output", File.ReadAllText(Path.Combine(outDir, "agency.pdf")));
    }
}
