using System.Text;
using System.Xml;

namespace DocGen.Docx;

/// <summary>
/// Writes WordprocessingML straight to UTF-8 through an <see cref="XmlWriter"/> set up as the Open XML SDK's own
/// serialisation is (so the bytes are those the SDK wrote from its element tree): elements prefixed w:, attributes in the
/// schema's order, which the callers keep. Building the SDK's element tree for document.xml and letting it serialise was
/// about a fifth of a batch report's DOCX time and much of its allocation (perf, AOT build). Every part is written this way,
/// so the SDK is not in the program at all: with it, the Native AOT executable carried 6 MB more type data, expanded at every
/// start, and a cold report took 12 MB and 0.03 s more (BENCHMARKS.md, sixth round). The tests read and validate the DOCX
/// with the SDK.
/// </summary>
internal sealed class WordXml : IDisposable
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };
    private readonly XmlWriter _x;

    /// <summary>A whole part (styles.xml, settings.xml…): its UTF-8 bytes, with the XML declaration the SDK wrote.</summary>
    public static byte[] Part(Action<WordXml> write)
    {
        using var output = new MemoryStream();
        using (var xml = new WordXml(output)) write(xml);
        return output.ToArray();
    }

    /// <summary>An on/off value as the SDK wrote a bool: "true" or "false".</summary>
    public void Attribute(string name, bool value) => Attribute(name, value ? "true" : "false");

    public WordXml(Stream output)
    {
        _x = XmlWriter.Create(output, Settings);
        _x.WriteStartDocument();
    }

    public void Start(string name) => _x.WriteStartElement("w", name, W);

    public void End() => _x.WriteEndElement();

    public void Attribute(string name, string value) => _x.WriteAttributeString("w", name, W, value);

    public void Attribute(string name, int value) => Attribute(name, Number(value));

    /// <summary>A whole number as WordprocessingML writes it, whatever the culture: "-10", "579".</summary>
    public static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void RelationshipAttribute(string name, string value) => _x.WriteAttributeString("r", name, R, value);

    public void NamespaceDeclaration(string prefix, string uri) => _x.WriteAttributeString("xmlns", prefix, null, uri);

    /// <summary>An element with nothing in it, or with one attribute.</summary>
    public void Empty(string name, string? attribute = null, string? value = null)
    {
        Start(name);
        if (attribute is not null) Attribute(attribute, value!);
        End();
    }

    /// <summary>A w:t whose spaces are kept.</summary>
    public void Text(string text)
    {
        Start("t");
        PreserveSpace();
        String(text);
        End();
    }

    /// <summary>xml:space="preserve" on the element just started: its leading and trailing spaces are text.</summary>
    public void PreserveSpace() => _x.WriteAttributeString("xml", "space", null, "preserve");

    /// <summary>Text inside the element just started.</summary>
    public void String(string text) => _x.WriteString(text);

    public void Dispose()
    {
        _x.WriteEndDocument();
        _x.Dispose();
    }
}
