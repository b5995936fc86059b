using DocGen.Engine;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>Text that is markup syntax (&lt; &amp; ]]&gt; &lt;/p&gt;) in a data file prints literally in both formats.</summary>
public class XmlSpecialTextTests
{
    private static readonly string[] Literals =
    [
        "测试县<人民政府>&办公室",
        "比较a<b&&c>d，引用\"双引号\"'单引号'。",
        "结束标记]]>与<![CDATA[x]]>以及</p></document>原样打印。",
        "实体&amp;&lt;&#x41;不被解释。",
    ];

    [Fact]
    public void Xml_special_text_prints_literally_in_docx_and_pdf()
    {
        var c = CorpusCase.Load("xml-special");
        string dir = DataFiles.TempDir();
        var renderer = new ReportRenderer(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], []));
        var o = renderer.Render(c.CopyInput(dir), Path.Combine(dir, "out"));
        Assert.True(o.Ok, string.Join("\n", o.Diagnostics));

        string docx = o.Outputs.Single(f => f.EndsWith(".docx", StringComparison.Ordinal));
        string docxText;
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, false))
        {
            docxText = NoSpace(doc.MainDocumentPart!.Document.Body!.InnerText);
            Assert.Equal("测试县<人民政府>&办公室", doc.PackageProperties.Creator);
        }
        string pdfText = NoSpace(Tools.PdfText(o.Outputs.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal))));
        foreach (var literal in Literals)
        {
            Assert.Contains(literal, docxText);
            Assert.Contains(literal, pdfText);
        }
    }

    private static string NoSpace(string s) => string.Concat(s.Where(ch => !char.IsWhiteSpace(ch)));
}
