using System.IO.Compression;
using System.Text;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DocGen.Tests.Docx;

/// <summary>
/// word/document.xml is written straight through an XmlWriter, not by the Open XML SDK: it must be, byte for byte, what the SDK
/// writes for the same elements (children and attributes in the schema's order, the same escaping and declaration), so that
/// documents stay those of the SDK-built versions. The SDK is the oracle: it parses our XML into its typed elements and writes them again
/// (attributes then come out in the schema's order, text escaped its way).
/// </summary>
public class DocumentXmlTests
{
    public static TheoryData<string> Documents => ["report", "edge cases"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_xml_is_what_the_sdk_writes_for_the_same_elements(string which)
    {
        var doc = which == "report" ? SampleDocuments.Report() : SampleDocuments.EdgeCases();
        string ours = DocumentXml(DocxFiles.Write(doc));

        Assert.Equal(SdkWrites(ours), ours);
    }

    [Fact]
    public void The_oracle_writes_attributes_in_schema_order()
    {
        // Out of order, as a mistake in our writer would put them: the SDK's own writing must differ, or the test above proves
        // nothing. (The order of child elements it keeps as parsed; the schema validation of DocxValidityTests checks that.)
        string ours = DocumentXml(DocxFiles.Write(SampleDocuments.Report()));
        var pgSz = System.Text.RegularExpressions.Regex.Match(ours, "<w:pgSz w:w=\"(\\d+)\" w:h=\"(\\d+)\" />");
        Assert.True(pgSz.Success);
        string misordered = ours.Replace(pgSz.Value, $"<w:pgSz w:h=\"{pgSz.Groups[2].Value}\" w:w=\"{pgSz.Groups[1].Value}\" />", StringComparison.Ordinal);

        Assert.NotEqual(misordered, SdkWrites(misordered));
        Assert.Equal(ours, SdkWrites(misordered));
    }

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    /// <summary>The SDK's typed elements for the XML, every one parsed (so nothing is echoed as it came), written by the SDK.</summary>
    private static string SdkWrites(string xml)
    {
        var document = new W.Document(xml[xml.IndexOf("?>", StringComparison.Ordinal)..][2..]);
        Assert.NotEmpty(document.Descendants().ToList());
        using var output = new MemoryStream();
        document.Save(output);
        // Reading, the SDK takes w:ind's w:left for its twin w:start (ECMA-376 names the same indent both ways) and writes it
        // back under that name; the element tree of earlier versions set Indentation.Left, which writes w:left, as we do.
        return new UTF8Encoding(false).GetString(output.ToArray())
            .Replace("<w:ind w:start=\"", "<w:ind w:left=\"", StringComparison.Ordinal)
            .Replace("\" w:startChars=\"", "\" w:leftChars=\"", StringComparison.Ordinal);
    }
}
