using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// The family names (name table ids 1 and 16, every language: 方正小标宋简体 and FZXiaoBiaoSong-B05S) of every font file in a
/// folder, so that a role finds its font whatever the file is called (FZXBSJW.TTF). Reading the name tables of a system's
/// few hundred fonts costs a cold start about a second, so the names are cached in a file (per path, size and time of last
/// change) under the user's cache folder and a file is read again only when it changed; a folder's listing is read once
/// per process.
/// </summary>
internal static class FontNameIndex
{
    private static readonly string[] Extensions = [".ttf", ".otf", ".ttc", ".otc"];
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Entry>> Folders = new(StringComparer.Ordinal);
    private static readonly object CacheLock = new();
    private static Dictionary<string, Entry[]>? _cache;
    private static bool _cacheChanged;

    /// <summary>One face of a font file and its family names.</summary>
    public sealed record Entry(string Path, int Face, IReadOnlyList<string> Families);

    /// <summary>The first face in <paramref name="folders"/> (in order) with one of <paramref name="families"/> (case-insensitive).</summary>
    public static (Entry Entry, string Family)? Find(IReadOnlyList<string> families, IEnumerable<string> folders)
    {
        foreach (var folder in folders)
            foreach (var family in families)
                foreach (var e in Folder(folder))
                    if (e.Families.Contains(family, StringComparer.OrdinalIgnoreCase)) return (e, family);
        return null;
    }

    public static IReadOnlyList<Entry> Folder(string folder) => Folders.GetOrAdd(folder, f =>
    {
        var entries = new List<Entry>();
        List<string> files;
        try
        {
            files = Directory.Exists(f)
                ? Directory.EnumerateFiles(f, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Where(p => Extensions.Contains(System.IO.Path.GetExtension(p), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { files = []; }
        foreach (var file in files) entries.AddRange(Faces(file));
        SaveCache();
        return entries;
    });

    private static Entry[] Faces(string file)
    {
        FileInfo info;
        try { info = new FileInfo(file); if (!info.Exists) return []; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
        string key = $"{file}\t{info.Length}\t{info.LastWriteTimeUtc.Ticks}";
        lock (CacheLock)
        {
            _cache ??= LoadCache();
            if (_cache.TryGetValue(key, out var known)) return known;
        }
        var faces = NameReader.FamiliesOfFile(file).Select(f => new Entry(file, f.Face, f.Families)).ToArray();
        lock (CacheLock)
        {
            _cache![key] = faces;
            _cacheChanged = true;
        }
        return faces;
    }

    private static string CacheFile() => System.IO.Path.Combine(Model.UserCache.Folder(), "font-names-v1.tsv");

    /// <summary>Lines "path TAB size TAB ticks TAB face TAB family|family…"; a file without a usable face has face -1.</summary>
    private static Dictionary<string, Entry[]> LoadCache()
    {
        var cache = new Dictionary<string, Entry[]>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadLines(CacheFile(), Encoding.UTF8))
            {
                var f = line.Split('\t');
                if (f.Length != 5 || !int.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int face)) continue;
                string key = $"{f[0]}\t{f[1]}\t{f[2]}";
                var list = cache.TryGetValue(key, out var l) ? l.ToList() : [];
                if (face >= 0) list.Add(new Entry(f[0], face, f[4].Split('|', StringSplitOptions.RemoveEmptyEntries)));
                cache[key] = [.. list];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return cache;
    }

    /// <summary>Writes the cache when it changed: a temporary file renamed into place, so parallel runs never read half of it.</summary>
    private static void SaveCache()
    {
        string text;
        lock (CacheLock)
        {
            if (!_cacheChanged || _cache is null) return;
            var sb = new StringBuilder();
            foreach (var (key, faces) in _cache.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                if (faces.Length == 0) sb.Append(key).Append("\t-1\t\n");
                foreach (var e in faces) sb.Append(key).Append('\t').Append(e.Face.ToString(CultureInfo.InvariantCulture)).Append('\t').AppendJoin('|', e.Families).Append('\n');
            }
            text = sb.ToString();
            _cacheChanged = false;
        }
        string file = CacheFile();
        string temp = file + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(temp, text, Encoding.UTF8);
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only home only costs the next run the reading again.
            try { File.Delete(temp); } catch (Exception e2) when (e2 is IOException or UnauthorizedAccessException) { }
        }
    }
}
