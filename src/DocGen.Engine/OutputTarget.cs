using DocGen.Model;

namespace DocGen.Engine;

/// <summary>What may stand at an output's name before it is replaced, and how the replacement keeps what the user set on it.</summary>
internal static class OutputTarget
{
    /// <summary>
    /// Refuses, before anything is written, a name taken by a folder, a read-only file or a symbolic link (the last two unless
    /// --force). A link is never written through: it could lead out of the output folder, to any file, even one of the inputs.
    /// Nor is it silently replaced: someone made it on purpose (say, to publish the report elsewhere) and would find it gone.
    /// With --force the report replaces the link itself; the file it points to is untouched.
    /// </summary>
    public static void Check(string final, bool force)
    {
        string name = Path.GetFileName(final);
        if (FileIdentity.IsLink(final))
        {
            if (force) return;
            string? target = new FileInfo(final).LinkTarget;
            bool dangling = !File.Exists(final) && !Directory.Exists(final);
            throw AtomicOutput.Io(DiagnosticCatalog.IoSymlink,
                $"输出文件名 {name} 是一个符号链接（指向 {target}{(dangling ? "，该目标不存在" : "")}）。DocGen 不经由链接写到别处，也不擅自删除链接：" +
                "请删除这个链接或换一个输出文件夹；如要用报告替换链接本身（链接指向的文件不受影响），请加 --force",
                $"the output name {name} is a symbolic link (to {target}{(dangling ? ", which does not exist" : "")}). DocGen neither writes " +
                "through a link nor removes one unasked: delete the link or choose another output folder; add --force to replace the link itself " +
                "with the report (the file it points to is left alone)", final);
        }
        if (Directory.Exists(final))
            throw AtomicOutput.Io(DiagnosticCatalog.IoWrite, $"无法写入 {name}：同名的文件夹已存在", $"cannot write {name}: a folder of that name exists", final);
        if (!force && File.Exists(final) && IsReadOnly(final))
            throw AtomicOutput.Io(DiagnosticCatalog.IoReadOnly,
                $"{name} 是只读文件，DocGen 不替换它。如确要替换，请加 --force（新文件保留原来的只读权限）",
                $"{name} is read-only, so DocGen does not replace it. Add --force to replace it anyway (the new file keeps its read-only mode)", final);
    }

    /// <summary>
    /// Read-only as the user set it: no write permission for the file's owner (chmod a-w, 444) on Unix — checked on the mode,
    /// since root may write anything — and the read-only attribute on Windows.
    /// </summary>
    private static bool IsReadOnly(string path)
    {
        try
        {
            return OperatingSystem.IsWindows()
                ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
                : (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>A replaced output keeps the permissions it had (a rename would otherwise give it the new file's 0644).</summary>
    public static void KeepMode(string final, string temp)
    {
        if (OperatingSystem.IsWindows() || FileIdentity.IsLink(final) || !File.Exists(final)) return;
        try { File.SetUnixFileMode(temp, File.GetUnixFileMode(final)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>The system's reason, naming the output instead of the internal temporary file the user never asked about.</summary>
    public static string Reason(Exception e, string temp, string final) =>
        e.Message.Replace(temp, final, StringComparison.Ordinal).Replace(Path.GetFileName(temp), Path.GetFileName(final), StringComparison.Ordinal);
}
