using System.Text;

namespace DocGen.Pdf.Drawing;

/// <summary>A marked-content sequence on a page: what a structure element's content is.</summary>
internal readonly record struct MarkedContent(int Page, int Mcid);

/// <summary>
/// One structure element: a standard type such as P, H1, Table, TH; its kids are
/// elements and marked-content sequences, in reading order.
/// </summary>
internal sealed class StructElement(string type, StructElement? parent)
{
    public string Type { get; } = type;
    public StructElement? Parent { get; } = parent;
    public List<object> Kids { get; } = [];

    /// <summary>Element identifier (/ID), for the /Headers of data cells.</summary>
    public string? Id { get; init; }

    /// <summary>Attribute dictionary entries, owner included, e.g. "/O /Table /Scope /Column".</summary>
    public string? Attributes { get; set; }

    /// <summary>Table parts are kept even when empty (a table's rows and cells must stay regular); other empty elements are left out.</summary>
    public bool KeepEmpty { get; init; }

    internal int Number { get; set; }

    public StructElement Add(string type, string? id = null, bool keepEmpty = false)
    {
        var e = new StructElement(type, this) { Id = id, KeepEmpty = keepEmpty };
        Kids.Add(e);
        return e;
    }

    /// <summary>Whether the element is written: it has content, somewhere below, or must be kept.</summary>
    public bool Written => KeepEmpty || Kids.Any(k => k is MarkedContent || (k is StructElement e && e.Written));
}

/// <summary>
/// The logical structure of a tagged PDF: the element tree under one Document element, the parent tree that maps each
/// page's marked-content identifiers back to their elements, and the ID tree for element identifiers.
/// </summary>
internal sealed class StructureTree
{
    private readonly List<List<StructElement>> _owners = [];   // per page: the element of each MCID

    public StructElement Document { get; } = new("Document", null);

    /// <summary>Opens a marked-content sequence for <paramref name="element"/> on a page; returns its MCID.</summary>
    public int Mark(StructElement element, int page)
    {
        while (_owners.Count <= page) _owners.Add([]);
        int mcid = _owners[page].Count;
        _owners[page].Add(element);
        element.Kids.Add(new MarkedContent(page, mcid));
        return mcid;
    }

    /// <summary>Writes every element, the parent tree and the ID tree; returns the StructTreeRoot's object number.</summary>
    public int Write(PdfFileWriter file, IReadOnlyList<int> pages)
    {
        int root = file.Reserve();
        var all = new List<StructElement>();
        Number(Document, file, all);
        var ids = new SortedDictionary<string, StructElement>(StringComparer.Ordinal);
        foreach (var e in all)
        {
            if (e.Id is not null) ids[e.Id] = e;
            file.Set(e.Number, Dictionary(e, e.Parent?.Number ?? root, pages));
        }
        var nums = new StringBuilder("<< /Nums [");
        for (int p = 0; p < pages.Count; p++)
        {
            nums.Append(p).Append(" [");
            var owners = p < _owners.Count ? _owners[p] : [];
            nums.AppendJoin(' ', owners.Select(o => PdfFileWriter.Ref(o.Number)));
            nums.Append("] ");
        }
        int parentTree = file.Add(nums.Append("] >>").ToString());
        string idTree = "";
        if (ids.Count > 0)
        {
            var names = new StringBuilder("<< /Names [");
            names.AppendJoin(' ', ids.Select(kv => PdfText.String(kv.Key) + " " + PdfFileWriter.Ref(kv.Value.Number)));
            idTree = " /IDTree " + PdfFileWriter.Ref(file.Add(names.Append("] >>").ToString()));
        }
        file.Set(root, $"<< /Type /StructTreeRoot /K {PdfFileWriter.Ref(Document.Number)} /ParentTree {PdfFileWriter.Ref(parentTree)} " +
            $"/ParentTreeNextKey {pages.Count}{idTree} >>");
        return root;
    }

    private static void Number(StructElement e, PdfFileWriter file, List<StructElement> all)
    {
        e.Number = file.Reserve();
        all.Add(e);
        foreach (var k in e.Kids)
            if (k is StructElement child && child.Written) Number(child, file, all);
    }

    private static string Dictionary(StructElement e, int parent, IReadOnlyList<int> pages)
    {
        var sb = new StringBuilder("<< /Type /StructElem /S /").Append(e.Type).Append(" /P ").Append(PdfFileWriter.Ref(parent));
        // /Pg names the page of the element's marked content; content on other pages is referred to with an MCR dictionary.
        int? page = e.Kids.OfType<MarkedContent>().Select(m => (int?)m.Page).FirstOrDefault();
        if (page is { } pg) sb.Append(" /Pg ").Append(PdfFileWriter.Ref(pages[pg]));
        if (e.Id is not null) sb.Append(" /ID ").Append(PdfText.String(e.Id));
        if (e.Attributes is not null) sb.Append(" /A << ").Append(e.Attributes).Append(" >>");
        var kids = new List<string>();
        foreach (var k in e.Kids)
        {
            if (k is StructElement child) { if (child.Written) kids.Add(PdfFileWriter.Ref(child.Number)); }
            else if (k is MarkedContent m)
                kids.Add(m.Page == page ? m.Mcid.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : $"<< /Type /MCR /Pg {PdfFileWriter.Ref(pages[m.Page])} /MCID {m.Mcid} >>");
        }
        if (kids.Count == 1) sb.Append(" /K ").Append(kids[0]);
        else if (kids.Count > 1) sb.Append(" /K [").AppendJoin(' ', kids).Append(']');
        return sb.Append(" >>").ToString();
    }
}
