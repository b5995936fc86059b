using System.IO.Compression;

namespace DocGen.Tests.Docx;

public class DocxDeterminismTests
{
    [Fact]
    public void Same_document_gives_same_bytes()
    {
        byte[] first = DocxFiles.Write(SampleDocuments.Report());
        byte[] second = DocxFiles.Write(SampleDocuments.Report());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Parallel_writes_give_the_same_bytes()
    {
        var reference = DocxFiles.Write(SampleDocuments.EdgeCases());
        var results = new byte[8][];
        Parallel.For(0, results.Length, i =>
            results[i] = i % 2 == 0 ? DocxFiles.Write(SampleDocuments.EdgeCases()) : DocxFiles.Write(SampleDocuments.Report()));
        for (int i = 0; i < results.Length; i += 2) Assert.Equal(reference, results[i]);
        for (int i = 1; i < results.Length; i += 2) Assert.Equal(DocxFiles.Report, results[i]);
    }

    [Fact]
    public void Zip_entries_carry_the_document_date_and_a_fixed_order()
    {
        using var zip = new ZipArchive(new MemoryStream(DocxFiles.Report), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal("[Content_Types].xml", names[0]);
        Assert.Equal("_rels/.rels", names[1]);
        Assert.Equal("word/document.xml", names[2]);
        Assert.Equal(names.Skip(3).OrderBy(n => n, StringComparer.Ordinal), names.Skip(3));
        // No System.IO.Packaging core-properties part with a random name.
        Assert.DoesNotContain(names, n => n.EndsWith(".psmdcp", StringComparison.Ordinal));
        var date = SampleDocuments.Info.Date.DateTime;
        Assert.All(zip.Entries, e => Assert.Equal(date, e.LastWriteTime.DateTime));
    }
}
