namespace DocGen.Engine;

/// <summary>
/// Why a file operation failed, in Chinese for the Chinese messages (.NET's own text is English, and a clerk reading Chinese should
/// not meet "Access to the path is denied"). The English messages keep .NET's text.
/// </summary>
public static class IoReason
{
    public static string Chinese(Exception e) => e switch
    {
        UnauthorizedAccessException => "没有权限",
        FileNotFoundException => "文件不存在",
        DirectoryNotFoundException => "文件夹不存在",
        PathTooLongException => "路径过长",
        // On Unix .NET reports the errno as the HResult of an IOException.
        IOException when !OperatingSystem.IsWindows() => e.HResult switch
        {
            1 or 13 => "没有权限",
            2 => "文件或文件夹不存在",
            5 => "读写出错（设备故障）",
            16 or 26 => "文件正被占用",
            17 => "同名文件已存在",
            20 => "路径中有一段不是文件夹",
            21 => "这是一个文件夹",
            28 or 122 => "磁盘空间不足",
            30 => "文件系统是只读的",
            36 => "文件名过长",
            _ => $"系统错误（代码 {e.HResult}）",
        },
        IOException => (e.HResult & 0xFFFF) switch
        {
            0x20 or 0x21 => "文件正被其他程序占用",
            0x70 or 0x27 => "磁盘空间不足",
            0x05 => "没有权限",
            _ => $"系统错误（代码 0x{e.HResult:X8}）",
        },
        _ => e.GetType().Name,
    };
}
