using System.Text;
using System.Xml.Linq;

namespace DocGen.Docx;

/// <summary>
/// Writes [Content_Types].xml the way Word writes it: Default entries for "rels" and "xml" (application/xml) and an
/// Override for every XML part, the main document first. (System.IO.Packaging, which wrote the package before, made the
/// content type of the first part it stored the Default for its extension, so "xml" meant the main document part, which
/// other readers reject.)
/// </summary>
internal static class ContentTypes
{
    private static readonly XNamespace Ns = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelsType = "application/vnd.openxmlformats-package.relationships+xml";
    private const string MainPart = "/word/document.xml";

    /// <param name="partTypes">Every part of the package (its name with the leading slash) and its content type.</param>
    public static byte[] Build(IEnumerable<(string Part, string Type)> partTypes)
    {
        var parts = new List<(string Name, string Type)>();
        var otherDefaults = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (part, type) in partTypes)
        {
            string ext = Path.GetExtension(part).TrimStart('.');
            if (ext.Equals("rels", StringComparison.OrdinalIgnoreCase)) continue;
            if (ext.Equals("xml", StringComparison.OrdinalIgnoreCase)) parts.Add((part, type));
            else otherDefaults[ext] = type;
        }
        parts.Sort((a, b) => a.Name == MainPart ? -1 : b.Name == MainPart ? 1 : string.CompareOrdinal(a.Name, b.Name));

        var types = new XElement(Ns + "Types",
            new XElement(Ns + "Default", new XAttribute("Extension", "rels"), new XAttribute("ContentType", RelsType)),
            new XElement(Ns + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/xml")));
        foreach (var (ext, type) in otherDefaults)
            types.Add(new XElement(Ns + "Default", new XAttribute("Extension", ext), new XAttribute("ContentType", type)));
        foreach (var (name, type) in parts)
            types.Add(new XElement(Ns + "Override", new XAttribute("PartName", name), new XAttribute("ContentType", type)));

        using var output = new MemoryStream();
        var settings = new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var xml = System.Xml.XmlWriter.Create(output, settings))
            new XDocument(new XDeclaration("1.0", "utf-8", "yes"), types).Save(xml);
        return output.ToArray();
    }
}
