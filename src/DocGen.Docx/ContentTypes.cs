using System.Text;
using System.Xml.Linq;

namespace DocGen.Docx;

/// <summary>
/// Rewrites [Content_Types].xml the way Word writes it: Default entries for "rels" and "xml" (application/xml) and an
/// Override for every XML part, the main document first. System.IO.Packaging instead makes the content type of the first
/// part it stores the Default for its extension, so "xml" meant the main document part, which other readers reject.
/// </summary>
internal static class ContentTypes
{
    private static readonly XNamespace Ns = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string RelsType = "application/vnd.openxmlformats-package.relationships+xml";
    private const string MainPart = "/word/document.xml";

    public static byte[] Normalize(byte[] contentTypes, IEnumerable<string> entryNames)
    {
        var source = XDocument.Load(new MemoryStream(contentTypes));
        var defaults = source.Root!.Elements(Ns + "Default")
            .ToDictionary(e => (string)e.Attribute("Extension")!, e => (string)e.Attribute("ContentType")!, StringComparer.OrdinalIgnoreCase);
        var overrides = source.Root.Elements(Ns + "Override")
            .ToDictionary(e => (string)e.Attribute("PartName")!, e => (string)e.Attribute("ContentType")!, StringComparer.OrdinalIgnoreCase);

        var parts = new List<(string Name, string Type)>();
        var otherDefaults = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entryNames)
        {
            if (entry == "[Content_Types].xml") continue;
            string part = "/" + entry;
            string ext = Path.GetExtension(entry).TrimStart('.');
            string? type = overrides.GetValueOrDefault(part) ?? defaults.GetValueOrDefault(ext);
            if (type is null || ext.Equals("rels", StringComparison.OrdinalIgnoreCase)) continue;
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
