using System.Text;
using DocGen.Model;
using DocGen.Pdf.Fonts;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// A PDF being written, and the file it becomes: pages, fonts, bookmarks, the structure tree, document information, XMP
/// metadata and the sRGB output intent. The file is a tagged PDF meant to meet PDF/UA-1 and PDF/A-2a;
/// README.md says what is claimed and how it is checked. It is reproducible: fixed dates, subset tags and
/// a document ID from the input, no clock and no random numbers.
/// </summary>
internal sealed class PdfDocumentCanvas(DocumentInfo info, string fingerprint, bool keepHinting = true)
{
    /// <summary>What the Info dictionary's /Producer and XMP's pdf:Producer say.</summary>
    public const string Producer = "DocGen";

    private readonly PdfFileWriter _file = new();
    private readonly Dictionary<FontFace, EmbeddedFont> _fonts = [];
    private readonly List<(double Width, double Height, int Object, PdfPageCanvas Canvas)> _pages = [];
    private readonly List<OutlineEntry> _outline = [];
    private PdfPageCanvas? _current;
    private int _finished;
    private readonly List<(byte[] Content, IReadOnlyList<EmbeddedFont> Fonts)> _contents = [];

    public StructureTree Tree { get; } = new();

    public PdfPageCanvas AddPage(double widthPt, double heightPt)
    {
        FinishPages();
        _current = new PdfPageCanvas(this, _pages.Count, heightPt);
        _pages.Add((widthPt, heightPt, _file.Reserve(), _current));
        return _current;
    }

    public void AddBookmark(OutlineEntry entry) => _outline.Add(entry);

    internal EmbeddedFont Font(FontFace face)
    {
        if (!_fonts.TryGetValue(face, out var f))
            _fonts[face] = f = new EmbeddedFont(face, _fonts.Count, _file, keepHinting);
        return f;
    }

    private void FinishPages()
    {
        for (; _finished < _pages.Count; _finished++) _contents.Add(_pages[_finished].Canvas.Finish());
    }

    public void Save(Stream output)
    {
        FinishPages();
        int pagesRoot = _file.Reserve();
        var pageObjects = _pages.Select(p => p.Object).ToList();
        for (int i = 0; i < _pages.Count; i++)
        {
            var (width, height, number, _) = _pages[i];
            var (content, fonts) = _contents[i];
            int contents = _file.AddStream("/Filter /FlateDecode", content);
            var resources = new StringBuilder("<< ");
            if (fonts.Count > 0)
            {
                resources.Append("/Font << ");
                foreach (var f in fonts) resources.Append("/F").Append(f.Number).Append(' ').Append(PdfFileWriter.Ref(f.Type0)).Append(' ');
                resources.Append(">> ");
            }
            resources.Append(">>");
            // /Tabs /S: annotations, were there any, follow the structure order.
            _file.Set(number, $"<< /Type /Page /Parent {PdfFileWriter.Ref(pagesRoot)} /MediaBox [0 0 {PdfText.Num(width)} {PdfText.Num(height)}] " +
                $"/Resources {resources} /Contents {PdfFileWriter.Ref(contents)} /StructParents {i} /Tabs /S >>");
        }
        _file.Set(pagesRoot, $"<< /Type /Pages /Kids [{string.Join(' ', pageObjects.Select(PdfFileWriter.Ref))}] /Count {_pages.Count} >>");
        foreach (var font in _fonts.Values.OrderBy(f => f.Number)) font.Write(_file);

        int structRoot = Tree.Write(_file, pageObjects);
        string outlines = Outlines(pageObjects);
        int metadata = _file.AddStream("/Type /Metadata /Subtype /XML", XmpMetadata.Packet(info, Producer));
        int profile = _file.AddStream("/N 3 /Filter /FlateDecode", EmbeddedFont.Deflate(SrgbProfile.Bytes, EmbeddedFont.TextLevel));
        string intent = $"<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ({SrgbProfile.Name}) /Info ({SrgbProfile.Name}) " +
            $"/RegistryName (http://www.color.org) /DestOutputProfile {PdfFileWriter.Ref(profile)} >>";
        int catalog = _file.Add($"<< /Type /Catalog /Pages {PdfFileWriter.Ref(pagesRoot)}{outlines} /PageLayout /SinglePage " +
            $"/Lang {PdfText.String(info.Language)} /MarkInfo << /Marked true >> /ViewerPreferences << /DisplayDocTitle true >> " +
            $"/StructTreeRoot {PdfFileWriter.Ref(structRoot)} /Metadata {PdfFileWriter.Ref(metadata)} /OutputIntents [{intent}] >>");
        var documentInfo = new StringBuilder("<< /Title ").Append(PdfText.String(info.Title)).Append(" /Author ").Append(PdfText.String(info.Author));
        if (info.Subject.Length > 0) documentInfo.Append(" /Subject ").Append(PdfText.String(info.Subject));
        documentInfo.Append(" /Creator (").Append(Producer).Append(") /Producer (").Append(Producer).Append(')')
            .Append(" /CreationDate ").Append(PdfText.Date(info.Date)).Append(" /ModDate ").Append(PdfText.Date(info.Date)).Append(" >>");
        int infoObject = _file.Add(documentInfo.ToString());
        // The same input must give the same bytes: the ID is a hash of the document, not a random number.
        string id = PdfText.Hex(Sha256.Hash(Encoding.UTF8.GetBytes(fingerprint)).AsSpan(0, 16));
        _file.Save(output, $"/Root {PdfFileWriter.Ref(catalog)} /Info {PdfFileWriter.Ref(infoObject)} /ID [{id} {id}]");
    }

    /// <summary>
    /// Bookmarks: level 1 for 一、 headings, open, with the （一） headings under the one before; each
    /// goes to where its heading landed. Returns the catalog's /Outlines and /PageMode entries, or nothing.
    /// </summary>
    private string Outlines(IReadOnlyList<int> pages)
    {
        if (_outline.Count == 0) return "";
        int root = _file.Reserve();
        var top = new List<(OutlineEntry Entry, int Number, List<(OutlineEntry Entry, int Number)> Kids)>();
        foreach (var o in _outline)
        {
            if (o.Level <= 1 || top.Count == 0) top.Add((o, _file.Reserve(), []));
            else top[^1].Kids.Add((o, _file.Reserve()));
        }
        string Item(OutlineEntry o, int parent, int? prev, int? next, string children) =>
            $"<< /Title {PdfText.String(o.Title)} /Parent {PdfFileWriter.Ref(parent)}" +
            (prev is { } p ? " /Prev " + PdfFileWriter.Ref(p) : "") + (next is { } n ? " /Next " + PdfFileWriter.Ref(n) : "") +
            $" /Dest [{PdfFileWriter.Ref(pages[o.PageIndex])} /XYZ null {PdfText.Num(Math.Round(_pages[o.PageIndex].Height - o.Top, 2))} null]{children} >>";
        int count = top.Count;
        for (int i = 0; i < top.Count; i++)
        {
            var (entry, number, kids) = top[i];
            for (int k = 0; k < kids.Count; k++)
                _file.Set(kids[k].Number, Item(kids[k].Entry, number, k > 0 ? kids[k - 1].Number : null, k + 1 < kids.Count ? kids[k + 1].Number : null, ""));
            // Level-1 items are open, so their children count towards the visible total.
            string children = kids.Count == 0 ? ""
                : $" /First {PdfFileWriter.Ref(kids[0].Number)} /Last {PdfFileWriter.Ref(kids[^1].Number)} /Count {kids.Count}";
            count += kids.Count;
            _file.Set(number, Item(entry, root, i > 0 ? top[i - 1].Number : null, i + 1 < top.Count ? top[i + 1].Number : null, children));
        }
        _file.Set(root, $"<< /Type /Outlines /First {PdfFileWriter.Ref(top[0].Number)} /Last {PdfFileWriter.Ref(top[^1].Number)} /Count {count} >>");
        return $" /Outlines {PdfFileWriter.Ref(root)} /PageMode /UseOutlines";
    }
}
