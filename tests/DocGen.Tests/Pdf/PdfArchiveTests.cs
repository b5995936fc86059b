using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocGen.Tests.Support;

namespace DocGen.Tests.Pdf;

/// <summary>
/// The file-level rules of PDF/UA-1 and PDF/A-2, read back with qpdf: catalog, pages, marked content, XMP metadata,
/// output intent, and what PDF/A forbids (encryption, transparency, LZW).
/// </summary>
public class PdfArchiveTests
{
    private static readonly Lazy<(string Path, byte[] Bytes, JsonElement Objects)> Long = new(() =>
    {
        var bytes = PdfFixture.Render(PdfFixture.LongReport());
        var path = PdfFixture.WriteTemp(bytes, "archive");
        return (path, bytes, TaggedPdf.Objects(path));
    });

    private static JsonElement Objects => Long.Value.Objects;

    [Fact]
    public void Catalog_declares_language_marking_title_display_and_structure()
    {
        var catalog = TaggedPdf.Catalog(Objects);
        Assert.Equal("zh-CN", TaggedPdf.Str(catalog.GetProperty("/Lang")));
        Assert.True(catalog.GetProperty("/MarkInfo").GetProperty("/Marked").GetBoolean());
        Assert.True(catalog.GetProperty("/ViewerPreferences").GetProperty("/DisplayDocTitle").GetBoolean());
        var root = TaggedPdf.Get(Objects, catalog, "/StructTreeRoot");
        Assert.Equal("/StructTreeRoot", root.GetProperty("/Type").GetString());
        var pages = TaggedPdf.Pages(Objects);
        Assert.Equal(pages.Count, root.GetProperty("/ParentTreeNextKey").GetInt32());
        var nums = TaggedPdf.Get(Objects, root, "/ParentTree").GetProperty("/Nums").EnumerateArray().ToList();
        Assert.Equal(2 * pages.Count, nums.Count);
        for (int i = 0; i < pages.Count; i++)
        {
            var page = pages[i].Page;
            Assert.Equal("/S", page.GetProperty("/Tabs").GetString());
            Assert.Equal(i, page.GetProperty("/StructParents").GetInt32());
            Assert.Equal(i, nums[2 * i].GetInt32());
            // The parent tree lists one element per marked-content identifier the page's content stream uses, in order.
            string content = Encoding.Latin1.GetString(TaggedPdf.StreamData(Objects, page.GetProperty("/Contents")));
            var mcids = Regex.Matches(content, @"<</MCID (\d+)>> BDC").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, mcids.Count), mcids);
            Assert.Equal(mcids.Count, nums[2 * i + 1].GetArrayLength());
        }
    }

    [Fact]
    public void Every_text_operator_is_inside_one_marked_sequence_and_rules_and_page_numbers_are_artifacts()
    {
        foreach (var (page, _) in TaggedPdf.Pages(Objects))
        {
            string content = Encoding.Latin1.GetString(TaggedPdf.StreamData(Objects, page.GetProperty("/Contents")));
            int depth = 0, shows = 0;
            // Strings are skipped so that bytes inside them are never read as operators.
            foreach (Match token in Regex.Matches(content, @"\((?:\\.|[^\\)])*\)|<<.*?>>|[A-Za-z*']+", RegexOptions.Singleline))
            {
                switch (token.Value)
                {
                    case "BDC" or "BMC": depth++; Assert.Equal(1, depth); break;
                    case "EMC": depth--; Assert.Equal(0, depth); break;
                    case "Tj" or "TJ": shows++; Assert.Equal(1, depth); break;
                    case "S": Assert.Equal(1, depth); break;
                }
            }
            Assert.Equal(0, depth);
            Assert.True(shows > 0);
            Assert.Single(Regex.Matches(content, Regex.Escape("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")));
            if (content.Contains(" l S", StringComparison.Ordinal))
                Assert.Contains("/Artifact <</Type /Layout>> BDC\n2 J", content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Xmp_metadata_agrees_with_the_info_dictionary_and_declares_pdf_a_and_pdf_ua()
    {
        var catalog = TaggedPdf.Catalog(Objects);
        var reference = catalog.GetProperty("/Metadata");
        var dict = TaggedPdf.Resolve(Objects, reference);
        Assert.Equal("/Metadata", dict.GetProperty("/Type").GetString());
        Assert.Equal("/XML", dict.GetProperty("/Subtype").GetString());
        Assert.False(dict.TryGetProperty("/Filter", out _));
        string xmp = Encoding.UTF8.GetString(TaggedPdf.StreamData(Objects, reference));
        var x = System.Xml.Linq.XDocument.Parse(xmp[xmp.IndexOf("<x:xmpmeta", StringComparison.Ordinal)..(xmp.IndexOf("</x:xmpmeta>", StringComparison.Ordinal) + 12)]);
        string V(string ns, string name) => x.Descendants(System.Xml.Linq.XName.Get(name, ns)).Single().Value;
        const string dc = "http://purl.org/dc/elements/1.1/", xmpNs = "http://ns.adobe.com/xap/1.0/";
        var info = TaggedPdf.Get(Objects, Objects.GetProperty("trailer").GetProperty("value"), "/Info");
        Assert.Equal(PdfFixture.Info.Title, TaggedPdf.Str(info.GetProperty("/Title")));
        Assert.Equal(PdfFixture.Info.Title, V(dc, "title"));
        Assert.Equal(PdfFixture.Info.Author, TaggedPdf.Str(info.GetProperty("/Author")));
        Assert.Equal(PdfFixture.Info.Author, V(dc, "creator"));
        Assert.Equal("D:20240115000000Z", TaggedPdf.Str(info.GetProperty("/CreationDate")));
        Assert.Equal("D:20240115000000Z", TaggedPdf.Str(info.GetProperty("/ModDate")));
        Assert.Equal("2024-01-15T00:00:00Z", V(xmpNs, "CreateDate"));
        Assert.Equal("2024-01-15T00:00:00Z", V(xmpNs, "ModifyDate"));
        Assert.Equal(TaggedPdf.Str(info.GetProperty("/Producer")), V("http://ns.adobe.com/pdf/1.3/", "Producer"));
        Assert.Equal("2", V("http://www.aiim.org/pdfa/ns/id/", "part"));
        Assert.Equal("A", V("http://www.aiim.org/pdfa/ns/id/", "conformance"));
        Assert.Equal("1", V("http://www.aiim.org/pdfua/ns/id/", "part"));
        // PDF/A-2 accepts the pdfuaid namespace only with an extension schema that describes it.
        const string schema = "http://www.aiim.org/pdfa/ns/schema#";
        Assert.Equal("http://www.aiim.org/pdfua/ns/id/", V(schema, "namespaceURI"));
        Assert.Equal("pdfuaid", V(schema, "prefix"));
        Assert.Equal("part", V("http://www.aiim.org/pdfa/ns/property#", "name"));
        Assert.StartsWith("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>", xmp, StringComparison.Ordinal);
        Assert.EndsWith("<?xpacket end=\"w\"?>", xmp, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_intent_is_srgb_with_the_embedded_profile()
    {
        var intent = Assert.Single(TaggedPdf.Catalog(Objects).GetProperty("/OutputIntents").EnumerateArray());
        Assert.Equal("/GTS_PDFA1", intent.GetProperty("/S").GetString());
        Assert.Equal("sRGB IEC61966-2.1", TaggedPdf.Str(intent.GetProperty("/OutputConditionIdentifier")));
        Assert.Equal(3, TaggedPdf.Resolve(Objects, intent.GetProperty("/DestOutputProfile")).GetProperty("/N").GetInt32());
        var profile = TaggedPdf.StreamData(Objects, intent.GetProperty("/DestOutputProfile"));
        var shipped = File.ReadAllBytes(Path.Combine(Repo.Root, "src", "DocGen.Pdf", "ColorProfiles", "sRGB.icc"));
        Assert.Equal(shipped, profile);
        Assert.Equal("acsp", Encoding.ASCII.GetString(profile, 36, 4));
        Assert.Equal("RGB ", Encoding.ASCII.GetString(profile, 16, 4));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(shipped)),
            File.ReadAllText(Path.Combine(Repo.Root, "src", "DocGen.Pdf", "ColorProfiles", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void File_has_the_binary_header_a_fixed_id_and_nothing_pdf_a_forbids()
    {
        var bytes = Long.Value.Bytes;
        Assert.Equal("%PDF-1.7\n%", Encoding.ASCII.GetString(bytes, 0, 10));
        Assert.All(bytes.Skip(10).Take(4), b => Assert.True(b > 127));
        var trailer = Objects.GetProperty("trailer").GetProperty("value");
        Assert.False(trailer.TryGetProperty("/Encrypt", out _));
        var id = trailer.GetProperty("/ID").EnumerateArray().Select(TaggedPdf.Str).ToList();
        Assert.Equal(2, id.Count);
        Assert.Equal(id[0], id[1]);
        Assert.Equal(32, id[0].Length);
        // The ID comes from the document: another document gets another one, the same document the same one.
        var other = TaggedPdf.Objects(PdfFixture.WriteTemp(PdfFixture.Render(PdfFixture.TableAcrossPages()), "archive-other"));
        Assert.NotEqual(id[0], TaggedPdf.Str(other.GetProperty("trailer").GetProperty("value").GetProperty("/ID")[0]));
        foreach (var obj in Objects.EnumerateObject())
        {
            string text = obj.Value.GetRawText();
            Assert.DoesNotContain("/LZWDecode", text, StringComparison.Ordinal);
            Assert.DoesNotContain("/Transparency", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"/SMask\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"/CA\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"/ca\"", text, StringComparison.Ordinal);
        }
        // Stream dictionaries as written (qpdf drops /Length and /Filter from the ones it hands out decoded).
        var (_, json, _) = ProcessRunner.Run("qpdf", "--json", "--json-key=qpdf", Long.Value.Path);
        var raw = JsonDocument.Parse(json).RootElement.GetProperty("qpdf")[1];
        int streams = 0;
        foreach (var obj in raw.EnumerateObject())
        {
            if (!obj.Value.TryGetProperty("stream", out var stream)) continue;
            streams++;
            Assert.True(stream.GetProperty("dict").TryGetProperty("/Length", out var length) && length.ValueKind == JsonValueKind.Number, obj.Name);
        }
        Assert.True(streams > 5);
        var (code, output, err) = ProcessRunner.Run("qpdf", "--check", Long.Value.Path);
        Assert.True(code == 0, output + err);
    }

    [Fact]
    public void Every_font_is_embedded_with_a_unicode_mapping()
    {
        foreach (var obj in Objects.EnumerateObject())
        {
            if (!obj.Value.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.Object) continue;
            if (!v.TryGetProperty("/Subtype", out var subtype) || subtype.GetString() != "/Type0") continue;
            Assert.True(v.TryGetProperty("/ToUnicode", out _), obj.Name);
            var cid = TaggedPdf.Resolve(Objects, v.GetProperty("/DescendantFonts")[0]);
            var descriptor = TaggedPdf.Get(Objects, cid, "/FontDescriptor");
            Assert.True(descriptor.TryGetProperty("/FontFile2", out _) || descriptor.TryGetProperty("/FontFile3", out _), obj.Name);
        }
    }
}
