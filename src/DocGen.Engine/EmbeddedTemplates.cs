using System.Reflection;
using System.Text;
using DocGen.Model;

namespace DocGen.Engine;

/// <summary>
/// The templates compiled into the program (DocGen.Engine.csproj embeds templates/**). The published executable has no
/// templates folder beside it, so on first use they are written into a per-user cache folder named by a hash of their content
/// and loaded from there like any templates folder (file:line errors, `watch` and the `$schema` link of `init` need real files).
/// A newer executable with other templates gets a folder of its own. Two processes extracting at once never see a half-written
/// folder: each writes a private staging folder and renames it into place, and a rename onto an existing folder fails instead
/// of mixing the two.
/// </summary>
public static class EmbeddedTemplates
{
    private const string Prefix = "templates/";

    /// <summary>The folder holding the embedded templates, written on first use; null when the program carries none.</summary>
    /// <param name="cacheRoot">Where the per-user folders go; null for the user's cache folder (<see cref="UserCache"/>).</param>
    public static string? Folder(string? cacheRoot = null)
    {
        var files = Files();
        if (files.Count == 0) return null;
        string root = cacheRoot ?? UserCache.Folder();
        string target = Path.Combine(root, "templates-" + ContentHash(files));
        if (Directory.Exists(target)) return target;

        string staging = Path.Combine(root, $".templates-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            foreach (var (name, bytes) in files)
            {
                // Resource names use '/' whatever the build machine's separator; a name that would leave the folder is not ours.
                string full = Path.GetFullPath(Path.Combine(staging, name));
                if (!full.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, bytes);
            }
            try { Directory.Move(staging, target); }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another process renamed its copy into place first: same hash, same content; use it.
            }
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiagnosticCatalog.TemplateIo.Fail(
                $"无法把程序内置的模板写入 {target}：{e.Message}。请用 --templates 或环境变量 DOCGEN_TEMPLATES 指定模板文件夹",
                $"cannot write the templates built into the program to {target}: {e.Message}. Name a templates folder with --templates or the DOCGEN_TEMPLATES environment variable",
                inner: e);
        }
        finally
        {
            try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The embedded files by their path under templates/, in ordinal order (so the hash does not depend on the build).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Files()
    {
        var assembly = typeof(EmbeddedTemplates).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[Prefix.Length..].Replace('\\', '/'), Read(assembly, n)))
            .ToList();
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentHash(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        var hash = new Sha256();
        foreach (var (name, bytes) in files)
        {
            hash.Append(Encoding.UTF8.GetBytes($"{name}\n{bytes.Length}\n"));
            hash.Append(bytes);
        }
        return Convert.ToHexString(hash.Finish())[..16].ToLowerInvariant();
    }
}
