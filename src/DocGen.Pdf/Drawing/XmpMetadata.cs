using System.Security;
using System.Text;
using DocGen.Model;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// The document's XMP metadata packet: title, author, dates and producer as in the Info dictionary
/// (PDF/A-2 requires the two to agree), the PDF/A part and conformance and the PDF/UA part. pdfuaid is
/// not one of the schemas PDF/A-2 predefines, so the packet describes it in a pdfaExtension schema. The packet
/// is stored unfiltered (PDF/A-1 demanded that; PDF/A-2 allows either, and readers that scan for it find it).
/// </summary>
internal static class XmpMetadata
{
    /// <summary>
    /// PDF/A-2 conformance level: "A", accessible, because every piece of page content is in a structure element or an
    /// artifact, the text of every glyph maps to Unicode and the language is given.
    /// </summary>
    public const string Conformance = "A";

    public static byte[] Packet(DocumentInfo info, string producer)
    {
        string date = PdfText.XmpDate(info.Date);
        var sb = new StringBuilder();
        sb.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
          .Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
          .Append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
          .Append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"")
          .Append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
          .Append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
          .Append("<dc:format>application/pdf</dc:format>\n")
          .Append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Xml(info.Title)).Append("</rdf:li></rdf:Alt></dc:title>\n")
          .Append("<dc:creator><rdf:Seq><rdf:li>").Append(Xml(info.Author)).Append("</rdf:li></rdf:Seq></dc:creator>\n");
        if (info.Subject.Length > 0)
            sb.Append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").Append(Xml(info.Subject)).Append("</rdf:li></rdf:Alt></dc:description>\n");
        sb.Append("<dc:language><rdf:Bag><rdf:li>").Append(Xml(info.Language)).Append("</rdf:li></rdf:Bag></dc:language>\n")
          .Append("<xmp:CreateDate>").Append(date).Append("</xmp:CreateDate>\n")
          .Append("<xmp:ModifyDate>").Append(date).Append("</xmp:ModifyDate>\n")
          .Append("<xmp:MetadataDate>").Append(date).Append("</xmp:MetadataDate>\n")
          .Append("<xmp:CreatorTool>").Append(Xml(producer)).Append("</xmp:CreatorTool>\n")
          .Append("<pdf:Producer>").Append(Xml(producer)).Append("</pdf:Producer>\n")
          .Append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>").Append(Conformance).Append("</pdfaid:conformance>\n")
          .Append("<pdfuaid:part>1</pdfuaid:part>\n")
          .Append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
          .Append("<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n")
          .Append("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
          .Append("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
          .Append("<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
          .Append("<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
          .Append("<pdfaProperty:category>internal</pdfaProperty:category>\n")
          .Append("<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>\n")
          .Append("</rdf:li></rdf:Seq></pdfaSchema:property>\n</rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
          .Append("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string Xml(string text) => SecurityElement.Escape(text);
}
