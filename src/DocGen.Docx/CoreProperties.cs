using System.Globalization;
using System.Text;
using System.Xml;
using M = DocGen.Model;

namespace DocGen.Docx;

/// <summary>
/// docProps/core.xml written by hand: System.IO.Packaging's own core-properties part has a random (GUID) name and
/// would make the output differ from run to run. All dates are the document's fixed date, never the clock.
/// </summary>
internal static class CoreProperties
{
    private const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string DcTerms = "http://purl.org/dc/terms/";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static void Write(Stream output, M.DocumentInfo info)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using var xml = XmlWriter.Create(output, settings);
        string date = info.Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        xml.WriteStartDocument(true);
        xml.WriteStartElement("cp", "coreProperties", Cp);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, DcTerms);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("dc", "title", Dc, info.Title);
        if (info.Subject.Length > 0) xml.WriteElementString("dc", "subject", Dc, info.Subject);
        xml.WriteElementString("dc", "creator", Dc, info.Author);
        xml.WriteElementString("cp", "lastModifiedBy", Cp, info.Author);
        xml.WriteElementString("dc", "language", Dc, info.Language);
        WriteDate(xml, "created", date);
        WriteDate(xml, "modified", date);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteDate(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("dcterms", name, DcTerms);
        xml.WriteAttributeString("xsi", "type", Xsi, "dcterms:W3CDTF");
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
