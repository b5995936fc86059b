using System.Collections.Concurrent;
using DocGen.Model;

namespace DocGen.Pdf.Fonts;

/// <summary>
/// Process-wide cache of parsed faces and of role resolutions. Fonts are tens of MB, so each face is read and parsed
/// exactly once per process (Lazy per path#face) and then shared read-only by every render, in parallel.
/// </summary>
internal static class FontLibrary
{
    private static readonly ConcurrentDictionary<string, Lazy<FontFace>> Faces = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> DirListings = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ResolvedRole> Roles = new(StringComparer.Ordinal);

    public static FontFace Load(string path, int face)
    {
        var lazy = Faces.GetOrAdd(path + "#" + face, _ => new Lazy<FontFace>(() => FontFace.Load(path, face), LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value;
    }

    /// <summary>Resolves every candidate of the role (both chains) and parses the ones found. Never throws; see <see cref="ResolvedRole.Require"/>.</summary>
    public static ResolvedRole Resolve(FontRole role, FontSettings settings)
    {
        var dirs = settings.AllDirectories();
        string cacheKey = string.Join("\u0001", new[] { role.Key, role.EastAsiaName }
            .Concat(role.PdfFonts.Select(c => c.File + "#" + c.Face)).Append("|")
            .Concat(role.PdfLatinFonts.Select(c => c.File + "#" + c.Face)).Append("|").Concat(dirs));
        return Roles.GetOrAdd(cacheKey, _ => ResolveUncached(role, dirs));
    }

    /// <summary>
    /// Each chain in order: the file names of the style sheet in the user's font folders (the fast path); when none of them
    /// is there, the installed fonts by family name (the role's font name and the file names without extension, in the
    /// name table in any language: FZXBSJW.TTF is found as 方正小标宋简体) in the user's folders, then by file name and by
    /// family name in the system's font folders; then the style sheet's stand-ins given by full path.
    /// </summary>
    private static ResolvedRole ResolveUncached(FontRole role, IReadOnlyList<string> dirs)
    {
        var attempts = new List<CandidateAttempt>();
        var cjk = new List<FontFace>();
        var latin = new List<FontFace>();
        foreach (var (list, isLatin) in new[] { (role.PdfFonts, false), (role.PdfLatinFonts, true) })
        {
            var chain = isLatin ? latin : cjk;
            bool searched = false;
            foreach (var c in list)
            {
                if (Path.IsPathRooted(c.File) && !searched)
                {
                    searched = true;
                    if (chain.Count == 0) Discover(role, list, isLatin, dirs, chain, attempts);
                }
                var tried = CandidatePaths(c.File, dirs);
                string? found = tried.FirstOrDefault(File.Exists) ?? FindCaseInsensitive(c.File, dirs);
                Add(c, isLatin, tried, found, Path.IsPathRooted(c.File) ? FontMatch.Fallback : FontMatch.FileName, chain, attempts);
            }
            if (!searched && chain.Count == 0) Discover(role, list, isLatin, dirs, chain, attempts);
        }
        return new ResolvedRole(role, cjk, latin, attempts);
    }

    private static void Discover(FontRole role, IReadOnlyList<FontCandidate> list, bool isLatin, IReadOnlyList<string> dirs, List<FontFace> chain, List<CandidateAttempt> attempts)
    {
        var families = new List<string> { isLatin ? role.LatinName : role.EastAsiaName };
        families.AddRange(list.Where(c => !Path.IsPathRooted(c.File)).Select(c => Path.GetFileNameWithoutExtension(c.File)));
        families = families.Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var system = SystemFontFolders.All.Except(dirs, StringComparer.Ordinal).ToList();
        if (FontNameIndex.Find(families, dirs) is { } user)
        {
            Add(new FontCandidate(user.Entry.Path, user.Entry.Face), isLatin, dirs, user.Entry.Path, FontMatch.FamilyName(user.Family), chain, attempts);
            return;
        }
        foreach (var c in list.Where(c => !Path.IsPathRooted(c.File)))
            if (FindCaseInsensitive(c.File, system) is { } byName)
            {
                Add(new FontCandidate(byName, c.Face), isLatin, system, byName, FontMatch.FileName, chain, attempts);
                return;
            }
        if (FontNameIndex.Find(families, system) is { } installed)
            Add(new FontCandidate(installed.Entry.Path, installed.Entry.Face), isLatin, system, installed.Entry.Path, FontMatch.FamilyName(installed.Family), chain, attempts);
    }

    private static void Add(FontCandidate c, bool isLatin, IReadOnlyList<string> tried, string? found, string match, List<FontFace> chain, List<CandidateAttempt> attempts)
    {
        if (found is null) { attempts.Add(new CandidateAttempt(c, isLatin, tried, null, null, null)); return; }
        try
        {
            var face = Load(found, c.Face);
            // The first face of a chain draws nearly everything: parse it now, so a damaged one is reported here.
            // The fallbacks are parsed when a character first needs them.
            if (chain.Count == 0) face.Preload();
            chain.Add(face);
            attempts.Add(new CandidateAttempt(c, isLatin, tried, found, face, null) { Match = match });
        }
        catch (Exception e) when (e is FontFormatException or IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentException)
        {
            attempts.Add(new CandidateAttempt(c, isLatin, tried, found, null, e is FontFormatException ? e.Message : $"{found}: {e.Message}") { Match = match });
        }
    }

    private static List<string> CandidatePaths(string file, IReadOnlyList<string> dirs)
    {
        if (Path.IsPathRooted(file)) return [file];
        return dirs.Select(d => Path.Combine(d, file)).ToList();
    }

    /// <summary>Windows font folders copied to Linux keep names like SIMFANG.TTF; match bare names case-insensitively, in sub-folders too.</summary>
    private static string? FindCaseInsensitive(string file, IReadOnlyList<string> dirs)
    {
        if (Path.IsPathRooted(file)) return null;
        foreach (var d in dirs)
        {
            var listing = DirListings.GetOrAdd(d, dir =>
            {
                try { return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Order(StringComparer.Ordinal).ToList() : []; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
            });
            var hit = listing.FirstOrDefault(p => string.Equals(Path.GetFileName(p), file, StringComparison.OrdinalIgnoreCase));
            if (hit is not null) return hit;
        }
        return null;
    }
}

/// <summary>What happened to one candidate of a role's chain; <see cref="Match"/> says why a found file was taken (<see cref="FontMatch"/>).</summary>
internal sealed record CandidateAttempt(FontCandidate Candidate, bool IsLatin, IReadOnlyList<string> TriedPaths, string? FoundPath, FontFace? Face, string? Error)
{
    public string? Match { get; init; }
}


/// <summary>A role's usable faces: the CJK chain and the Latin chain, in fallback order.</summary>
internal sealed record ResolvedRole(FontRole Role, IReadOnlyList<FontFace> Cjk, IReadOnlyList<FontFace> Latin, IReadOnlyList<CandidateAttempt> Attempts)
{
    /// <summary>Throws when the role cannot be used: a candidate file is a CFF2 or damaged font, or no CJK font was found.</summary>
    public ResolvedRole Require()
    {
        var bad = Attempts.FirstOrDefault(a => a.Error is not null);
        if (bad is not null)
            throw Unusable(bad.Error!);
        if (Cjk.Count == 0)
        {
            var tried = Attempts.Where(a => !a.IsLatin).SelectMany(a => a.TriedPaths.Count > 0 ? a.TriedPaths : [a.Candidate.File + "（未配置字体目录）"]);
            throw DiagnosticCatalog.FontMissing.Fail(
                $"字体角色「{Role.Key}」（{Role.EastAsiaName}）找不到可用的字体文件。已尝试：{string.Join("、", tried)}。" +
                "请把字体放入 --fonts-dir 指定的目录或 DOCGEN_FONT_DIRS 环境变量所列目录。",
                $"no usable font file for the role '{Role.Key}' ({Role.EastAsiaName}). Tried: {string.Join(", ", tried)}. " +
                "Put the fonts into the folder given with --fonts-dir or a folder listed in the DOCGEN_FONT_DIRS environment variable.");
        }
        return this;
    }

    /// <summary>
    /// The first face of the chain that covers the code point; Latin letters and digits try the Latin chain first, unless
    /// <paramref name="latinFirst"/> is false (page numbers: 半角宋体阿拉伯数字 are the 宋体 face's own digits).
    /// </summary>
    public FontFace? FaceFor(int codePoint, bool latinFirst = true)
    {
        try
        {
            // Indexed loops: foreach over an IReadOnlyList boxes its enumerator, once per character of every report.
            if (latinFirst && LineBreakRules.UsesLatinFont(codePoint))
                for (int i = 0; i < Latin.Count; i++)
                    if (Latin[i].Covers(codePoint)) return Latin[i];
            for (int i = 0; i < Cjk.Count; i++)
                if (Cjk[i].Covers(codePoint)) return Cjk[i];
            return null;
        }
        catch (Exception e) when (e is FontFormatException or IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentException)
        {
            // A fallback face is read on first use: one that turns out damaged is the same error it would have been up front.
            throw Unusable(e.Message);
        }
    }

    private DocGenException Unusable(string reason) => DiagnosticCatalog.FontUnsupported.Fail(
        $"字体角色「{Role.Key}」（{Role.EastAsiaName}）的字体文件不能使用：{reason}",
        $"a font file of the role '{Role.Key}' ({Role.EastAsiaName}) cannot be used: {reason}");
}
