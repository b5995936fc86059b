using System.IO.Compression;

namespace DocGen.Docx;

/// <summary>
/// Re-packs the package that System.IO.Packaging wrote: it stamps every entry with the current time and its entry order
/// is an implementation detail. Here entries get one fixed time and a stable order, so the same document gives the same bytes.
/// </summary>
internal static class DeterministicZip
{
    private static readonly DateTimeOffset DosEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Repack(Stream package, Stream output, DateTimeOffset timestamp)
    {
        package.Position = 0;
        var entries = new List<(string Name, byte[] Data)>();
        using (var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var s = entry.Open();
                using var buffer = new MemoryStream();
                s.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }
        entries.Sort((a, b) => Compare(a.Name, b.Name));
        int types = entries.FindIndex(e => e.Name == "[Content_Types].xml");
        if (types >= 0) entries[types] = (entries[types].Name, ContentTypes.Normalize(entries[types].Data, entries.Select(e => e.Name)));

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
