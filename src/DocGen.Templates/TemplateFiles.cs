using DocGen.Model;

namespace DocGen.Templates;

/// <summary>
/// The files a template folder names (entry, styles, tables, a style sheet's base): resolved to full paths with symbolic links
/// followed and refused unless they stay inside the folder they must stay in, then read through a bounded stream. A manifest from
/// elsewhere can therefore neither read /etc/passwd into a message nor exhaust memory on /dev/zero.
/// </summary>
public static class TemplateFiles
{
    /// <summary>
    /// The full path of <paramref name="relative"/> (as written at <paramref name="at"/>) inside <paramref name="root"/>, or a problem
    /// recorded and null. Nothing is read here: only names are compared, so a refused path never reaches a message's content.
    /// </summary>
    internal static string? Resolve(string root, TemplateJson at, TemplateProblems problems, string key)
    {
        string relative = at.Text ?? "";
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\\'))
        {
            problems.Add(at, DiagnosticCatalog.TemplatePath, $"「{key}」应为模板文件夹内的相对路径（用 / 分隔），实际为「{relative}」",
                $"\"{key}\" must be a relative path inside the template folder (separated by /), found \"{relative}\"");
            return null;
        }
        string realRoot = RealPath(Path.GetFullPath(root));
        string full = RealPath(Path.GetFullPath(Path.Combine(root, relative)));
        if (!full.StartsWith(realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problems.Add(at, DiagnosticCatalog.TemplatePath, $"「{key}」指向模板文件夹之外（{relative}）；模板只能使用 {root} 中的文件",
                $"\"{key}\" leads out of the template folder ({relative}); a template may only use the files in {root}");
            return null;
        }
        if (!File.Exists(full))
        {
            if (Directory.Exists(full))
                problems.Add(at, DiagnosticCatalog.TemplateIo, $"「{key}」指向的 {relative} 是文件夹，不是文件", $"\"{key}\" names {relative}, which is a folder, not a file");
            else
                problems.Add(at, DiagnosticCatalog.TemplateMissing, $"「{key}」指向的文件 {relative} 不存在", $"\"{key}\" names the file {relative}, which does not exist");
            return null;
        }
        return full;
    }

    /// <summary>The path with every symbolic link along it replaced by its target (what the operating system would open).</summary>
    public static string RealPath(string fullPath)
    {
        string? parent = Path.GetDirectoryName(fullPath);
        if (parent is null) return fullPath;
        string resolved = Path.Combine(RealPath(parent), Path.GetFileName(fullPath));
        try
        {
            FileSystemInfo info = Directory.Exists(resolved) ? new DirectoryInfo(resolved) : new FileInfo(resolved);
            if (info.LinkTarget is null) return resolved;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? resolved : RealPath(Path.GetFullPath(target.FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return resolved;
        }
    }

    /// <summary>Reads a template file whole, refusing one larger than <see cref="TemplateJson.MaxBytes"/> without reading past the limit.</summary>
    public static byte[] ReadBytes(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > TemplateJson.MaxBytes)
                    throw DiagnosticCatalog.TemplateIo.Fail($"模板文件 {path} 超过 {TemplateJson.MaxBytes / 1024 / 1024} MB，不像模板文件，未读取",
                        $"the template file {path} is larger than {TemplateJson.MaxBytes / 1024 / 1024} MB, which no template file is: it was not read", path);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DiagnosticCatalog.TemplateMissing.Fail($"找不到模板文件 {path}", $"the template file {path} does not exist", path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocGenException(FailureKind.Template,
                [DiagnosticCatalog.TemplateIo.Create($"无法读取模板文件 {path}（{Reason(e)}）", $"cannot read the template file {path} ({ReasonEn(e)})", path) with { Detail = e.ToString() }]);
        }
    }

    public static string ReadText(string path)
    {
        byte[] bytes = ReadBytes(path);
        try { return new System.Text.UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (System.Text.DecoderFallbackException)
        {
            throw DiagnosticCatalog.TemplateIo.Fail($"模板文件 {path} 不是 UTF-8 编码，请另存为 UTF-8", $"the template file {path} is not UTF-8 encoded; save it as UTF-8", path);
        }
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "没有读取权限，或这是一个文件夹",
        _ => "读取出错",
    };

    private static string ReasonEn(Exception e) => e switch
    {
        UnauthorizedAccessException => "no permission to read it, or it is a folder",
        _ => "a read error",
    };
}
