using System.IO.Compression;

namespace DocGen.Docx;

/// <summary>
/// Writes a package's entries as a zip with one fixed time and a stable order, so the same document gives the same bytes
/// (System.IO.Packaging stamped every entry with the current time, and its entry order was an implementation detail).
/// </summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(List<(string Name, byte[] Data)> entries, Stream output, DateTimeOffset timestamp)
    {
        entries.Sort((a, b) => Compare(a.Name, b.Name));

        // Zip stores local clock time without a zone; take the document's own wall-clock date, within the DOS range.
        var stamp = new DateTimeOffset(timestamp.DateTime, TimeSpan.Zero);
        if (stamp < DosEpoch || stamp.Year > 2107) stamp = DosEpoch;

        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, data) in entries)
        {
            var entry = target.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = stamp;
            entry.ExternalAttributes = 0;
            using var s = entry.Open();
            s.Write(data);
        }
    }

    /// <summary>[Content_Types].xml and the package relationships first (what readers look for), then the rest by name.</summary>
    private static int Compare(string a, string b)
    {
        int rank = Rank(a).CompareTo(Rank(b));
        return rank != 0 ? rank : string.CompareOrdinal(a, b);
    }

    private static int Rank(string name) => name switch
    {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        "word/document.xml" => 2,
        _ => 3,
    };
}
