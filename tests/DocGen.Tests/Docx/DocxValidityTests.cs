using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;

namespace DocGen.Tests.Docx;

public class DocxValidityTests
{
    [Fact]
    public void Report_has_no_schema_errors()
    {
        using var word = DocxFiles.Open(DocxFiles.Report);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Edge_cases_have_no_schema_errors()
    {
        using var word = DocxFiles.Open(DocxFiles.Write(SampleDocuments.EdgeCases()));
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }
}
