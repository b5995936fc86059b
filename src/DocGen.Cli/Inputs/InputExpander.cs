using System.Text;
using System.Text.RegularExpressions;

namespace DocGen.Cli.Inputs;

/// <summary>
/// Turns the command line's inputs into data files: a file stays as typed, a folder gives every *.json directly inside it, and a
/// pattern with * ? or ** is expanded here (sorted), because pipelines and Windows shells often pass patterns quoted.
/// </summary>
public static class InputExpander
{
    public sealed record Result(IReadOnlyList<string> Files, IReadOnlyList<string> Unmatched);

    public static Result Expand(IEnumerable<string> args)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var arg in args)
        {
            IReadOnlyList<string> found;
            if (Directory.Exists(arg))
                found = Directory.EnumerateFiles(arg, "*.json").Where(f => !IsHidden(f)).Order(StringComparer.Ordinal).ToList();
            else if (IsPattern(arg))
                found = Glob(arg);
            else
                found = [arg]; // a missing file is reported by the pipeline, with its own exit code
            if (found.Count == 0) unmatched.Add(arg);
            foreach (var f in found)
                if (seen.Add(Path.GetFullPath(f))) files.Add(f);
        }
        return new Result(files, unmatched);
    }

    public static bool IsPattern(string s) => s.IndexOfAny(['*', '?']) >= 0;

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    /// <summary>Expands a pattern; the part before the first wildcard segment is the folder searched.</summary>
    private static List<string> Glob(string pattern)
    {
        string normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        int first = Array.FindIndex(segments, IsPattern);
        string baseDir = string.Join('/', segments[..first]);
        if (first == 0) baseDir = "";
        else if (baseDir.Length == 0) baseDir = "/"; // pattern starting with "/"
        string searchRoot = baseDir.Length == 0 ? "." : baseDir;
        if (!Directory.Exists(searchRoot)) return [];

        var regex = new Regex("^" + ToRegex(segments[first..]) + "$", RegexOptions.CultureInvariant);
        bool recursive = segments[first..].Any(s => s == "**") || segments.Length - first > 1;
        var result = new List<string>();
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(searchRoot, "*", new EnumerationOptions
            {
                RecurseSubdirectories = recursive,
                IgnoreInaccessible = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            });
            foreach (var file in candidates)
            {
                string rel = Path.GetRelativePath(searchRoot, file).Replace('\\', '/');
                if (rel.Split('/').Any(p => p.StartsWith('.'))) continue;
                if (!regex.IsMatch(rel)) continue;
                result.Add(baseDir.Length == 0 ? rel : baseDir == "/" ? "/" + rel : baseDir + "/" + rel);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>** matches any number of folders (also none), * and ? stay inside one path segment.</summary>
    private static string ToRegex(string[] segments)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < segments.Length; i++)
        {
            string seg = segments[i];
            bool last = i == segments.Length - 1;
            if (seg == "**")
            {
                sb.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            foreach (char c in seg)
                sb.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            if (!last) sb.Append('/');
        }
        return sb.ToString();
    }
}
