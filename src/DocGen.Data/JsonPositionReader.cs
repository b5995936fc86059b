using DocGen.Model;

namespace DocGen.Data;

/// <summary>
/// Reads a data file into <see cref="JNode"/>s with line:column positions. Accepts a UTF-8 BOM, // and /* */ comments and
/// trailing commas, since clerks edit these files by hand; rejects anything that is not UTF-8, and explains every syntax
/// error in the clerk's words (<see cref="JsonSyntaxMessages"/>). Linear in the file's size (<see cref="JsonParser"/>).
/// </summary>
public static class JsonPositionReader
{
    /// <summary>Files larger than this are refused before parsing: a report's data is a few tens of KB.</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>Reads at most <see cref="MaxBytes"/> of a file, device or pipe and parses it: /dev/zero or an endless FIFO is
    /// refused after 20 MB, not read until memory runs out. <paramref name="cancel"/> is checked while reading and parsing.</summary>
    public static JNode ReadFile(string path, CancellationToken cancel = default) => Parse(ReadBounded(path, cancel), path, cancel);

    public static JNode Parse(byte[] bytes, string file, CancellationToken cancel = default)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var positions = new TextPositions(bytes, start, bytes.Length);
        CheckEncoding(bytes, start, file, positions);
        try
        {
            return new JsonParser(bytes, start, bytes.Length, positions, cancel).ReadDocument();
        }
        catch (JsonSyntaxError e)
        {
            var (zh, en, offset) = JsonSyntaxMessages.Describe(e, bytes, start, bytes.Length, positions);
            var (line, col) = positions.At(offset);
            throw DiagnosticCatalog.JsonSyntax.Fail(zh, en, file, line, col);
        }
        catch (JsonDuplicateKeyError e)
        {
            var (line, col) = positions.At(e.Offset);
            throw DiagnosticCatalog.JsonDuplicate.Fail(
                $"字段「{e.Name}」在同一个对象中出现了两次（第一次在第 {e.First.Line} 行第 {e.First.Column} 列），请只保留一个",
                $"the field \"{e.Name}\" appears twice in the same object (first at line {e.First.Line}, column {e.First.Column}); keep only one",
                file, line, col, e.Path);
        }
    }

    private static byte[] ReadBounded(string path, CancellationToken cancel)
    {
        if (Directory.Exists(path))
            throw DiagnosticCatalog.IoRead.Fail("这是一个文件夹，不是数据文件（请指定其中的 .json 文件）", "this is a folder, not a data file (name a .json file inside it)", path);
        if (!File.Exists(path) && !IsSpecialFile(path)) throw DiagnosticCatalog.IoNotFound.Fail("找不到数据文件", "data file not found", path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            if (stream.CanSeek && stream.Length > MaxBytes) throw TooLarge(path, stream.Length);
            // Devices and pipes report no length (or a wrong one): read until one byte past the limit at most.
            var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Max(0, stream.Length) : 64 * 1024);
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxBytes + 1 - buffer.Length))) > 0)
            {
                cancel.ThrowIfCancellationRequested();
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxBytes) throw TooLarge(path, null);
            }
            return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DiagnosticCatalog.IoRead.Fail($"无法读取数据文件：{e.Message}", $"cannot read the data file: {e.Message}", path);
        }
    }

    /// <summary>A FIFO or device (/dev/stdin, a named pipe): File.Exists is false for them, yet they can be read.</summary>
    private static bool IsSpecialFile(string path)
    {
        try { return !OperatingSystem.IsWindows() && (File.GetAttributes(path) & FileAttributes.Directory) == 0; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return false; }
    }

    private static DocGenException TooLarge(string path, long? length) => DiagnosticCatalog.DataTooLarge.Fail(
        length is { } l
            ? $"数据文件过大（{l / 1024 / 1024} MB，上限 {MaxBytes / 1024 / 1024} MB）；一份年度报告的数据通常只有几十 KB"
            : $"数据过大（超过 {MaxBytes / 1024 / 1024} MB 的上限，读到这里就停止了）；一份年度报告的数据通常只有几十 KB",
        length is { } m
            ? $"the data file is too large ({m / 1024 / 1024} MB, the limit is {MaxBytes / 1024 / 1024} MB); a report's data is usually a few tens of KB"
            : $"the data is too large (past the {MaxBytes / 1024 / 1024} MB limit, reading stopped there); a report's data is usually a few tens of KB",
        path);

    private static void CheckEncoding(byte[] bytes, int start, string file, TextPositions positions)
    {
        var span = bytes.AsSpan(start);
        const string Utf32Zh = "文件是 UTF-32 编码，请在编辑器中另存为 UTF-8", Utf32En = "the file is UTF-32 encoded; save it as UTF-8 in your editor";
        const string Utf16Zh = "文件是 UTF-16 编码（Unicode），请在编辑器中另存为 UTF-8", Utf16En = "the file is UTF-16 encoded (\"Unicode\"); save it as UTF-8 in your editor";
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || span.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
            throw Encoding(Utf32Zh, Utf32En, file, 1, 1);
        if (span.Length >= 2 && ((span[0] == 0xFF && span[1] == 0xFE) || (span[0] == 0xFE && span[1] == 0xFF)))
            throw Encoding(Utf16Zh, Utf16En, file, 1, 1);
        if (span.IndexOf((byte)0) >= 0)
        {
            // Text in UTF-16 without a byte order mark has a zero byte beside every ASCII character, UTF-32 three; anything
            // else with zero bytes is not a text file at all (a picture, a Word document, a zip).
            var head = span[..Math.Min(span.Length, 256)];
            bool text = head.Length >= 4 && head[..Math.Min(head.Length, 64)].IndexOfAnyExcept((byte)0) >= 0;
            bool utf32 = text && head.Length % 4 == 0 && CountZeros(head) * 4 >= head.Length * 2 && Utf32Shape(head);
            bool utf16 = text && (head[0] == 0 || head[1] == 0) && (head[2] == 0 || head[3] == 0) && CountZeros(head) * 3 >= head.Length;
            throw utf32 ? Encoding(Utf32Zh, Utf32En, file, 1, 1)
                : utf16 ? Encoding(Utf16Zh, Utf16En, file, 1, 1)
                : Encoding("文件不是文本文件（含有二进制数据，可能选错了文件），数据文件应为 UTF-8 编码的 JSON",
                    "the file is not a text file (it holds binary data: the wrong file?); a data file is JSON encoded in UTF-8", file, 1, 1);
        }
        int bad = Utf8Error(span);
        if (bad >= 0)
        {
            var (l, c) = positions.At(start + bad);
            throw Encoding("文件不是 UTF-8 编码（可能是 GBK/GB2312），请在编辑器中另存为 UTF-8",
                "the file is not UTF-8 encoded (perhaps GBK/GB2312); save it as UTF-8 in your editor", file, l, c);
        }
    }

    /// <summary>Every 4-byte unit of ASCII text in UTF-32 has its zeros in the same three places (big- or little-endian).</summary>
    private static bool Utf32Shape(ReadOnlySpan<byte> head)
    {
        bool le = true, be = true;
        for (int i = 0; i + 3 < head.Length; i += 4)
        {
            le &= head[i + 2] == 0 && head[i + 3] == 0;
            be &= head[i] == 0 && head[i + 1] == 0;
        }
        return le || be;
    }

    /// <summary>Index of the first byte that is not valid UTF-8, or -1.</summary>
    private static int Utf8Error(ReadOnlySpan<byte> span)
    {
        if (System.Text.Unicode.Utf8.IsValid(span)) return -1;
        var buffer = new char[4096]; // converted in slices: a small buffer however large the file
        int done = 0;
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(span[done..], buffer, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            done += read;
            if (status == System.Buffers.OperationStatus.Done) return -1;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall) return done;
        }
    }

    private static int CountZeros(ReadOnlySpan<byte> s) => s.Count((byte)0);

    private static DocGenException Encoding(string zh, string en, string file, int line, int col) =>
        DiagnosticCatalog.JsonEncoding.Fail(zh, en, file, line, col);
}
