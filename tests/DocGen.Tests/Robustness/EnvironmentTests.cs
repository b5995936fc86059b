using DocGen.Engine;
using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// The world around the data file going wrong: unreadable input, unwritable or full output, files in the way, damaged fonts,
/// an interrupted batch. Each must fail with a stable id and a non-zero exit, leave no partial or temporary file behind and
/// leave every existing output exactly as it was.
/// </summary>
public class EnvironmentTests
{
    private static readonly string Valid = CorpusCase.Load("valid-minimal").Input;

    private static ReportRenderer Renderer(params IDocumentWriter[] writers) => new(Pipelines.Default, writers);

    private static ReportRenderer DocxAndPdf() => new(Pipelines.Default, OutputFormats.Create(["docx", "pdf"], []));

    private static string Input(string dir, string name = "report")
    {
        string path = Path.Combine(dir, name + ".json");
        File.Copy(Valid, path);
        return path;
    }

    private static void AssertFailed(RenderOutcome o, string id, FailureKind kind)
    {
        Assert.Equal(kind, o.Failure);
        Assert.Empty(o.Outputs);
        var d = Assert.Single(o.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(id, d.Id);
        DiagnosticAssert.IsClear(d);
    }

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    [Fact]
    public void Unreadable_input_is_an_io_error()
    {
        string dir = DataFiles.TempDir();
        string input = Input(dir);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(input, UnixFileMode.None);
        // Tests run as root here, and root reads a file whatever its mode. /proc/self/mem then stands in: it exists and
        // every read of it fails with EIO, which is what an unreadable file looks like to the reader.
        bool permissionsBind = !CanRead(input);
        if (!permissionsBind) input = "/proc/self/mem";

        var result = Pipelines.Default.Build(input);

        Assert.Equal(FailureKind.Io, result.Failure);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("E-IO-READ", d.Id);
        Assert.Equal(input, d.File);
        DiagnosticAssert.IsClear(d);
    }

    private static bool CanRead(string path)
    {
        try { using var _ = File.OpenRead(path); return true; }
        catch (UnauthorizedAccessException) { return false; }
    }

    [Fact]
    public void Input_that_is_a_folder_or_missing_is_named_as_such()
    {
        string dir = DataFiles.TempDir();
        string folder = Directory.CreateDirectory(Path.Combine(dir, "report.json")).FullName;
        var d = Assert.Single(Pipelines.Default.Build(folder).Diagnostics);
        Assert.Equal("E-IO-READ", d.Id);
        Assert.Contains("文件夹", d.Message);

        var missing = Pipelines.Default.Build(Path.Combine(dir, "nosuch.json"));
        Assert.Equal(FailureKind.Io, missing.Failure);
        Assert.Equal("E-IO-NOT-FOUND", Assert.Single(missing.Diagnostics).Id);
    }

    [Fact]
    public void Output_folder_under_a_regular_file_is_refused()
    {
        string dir = DataFiles.TempDir();
        string file = Path.Combine(dir, "not-a-folder");
        File.WriteAllText(file, "x");

        var o = Renderer(new DocxOutput()).Render(Input(dir), Path.Combine(file, "out"));

        AssertFailed(o, "E-IO-OUTDIR", FailureKind.Io);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Full_disk_mid_write_keeps_existing_files_and_leaves_no_temporary_file(bool formatsInParallel)
    {
        string dir = DataFiles.TempDir(), outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        File.WriteAllText(Path.Combine(outDir, "report.docx"), "old docx");
        File.WriteAllText(Path.Combine(outDir, "report.pdf"), "old pdf");
        var before = Snapshot(outDir);

        var o = Renderer(new DocxOutput(), new FullDiskWriter(afterBytes: 4096)).Render(Input(dir), outDir, formatsInParallel: formatsInParallel);

        AssertFailed(o, "E-IO-DISK-FULL", FailureKind.Io);
        Assert.Contains("磁盘空间不足", o.Diagnostics.Single().Message);
        Assert.Equal(before, Snapshot(outDir));
        Assert.Empty(Directory.GetFiles(outDir, "*" + AtomicOutput.TempMarker));
    }

    [Fact]
    public void Formats_written_in_parallel_are_the_same_bytes_as_written_one_after_the_other()
    {
        string dir = DataFiles.TempDir();
        string input = Input(dir);
        var one = DocxAndPdf().Render(input, Path.Combine(dir, "sequential"));
        var both = DocxAndPdf().Render(input, Path.Combine(dir, "parallel"), formatsInParallel: true);
        Assert.True(one.Ok && both.Ok, string.Join("\n", one.Diagnostics.Concat(both.Diagnostics)));
        foreach (var name in new[] { "report.docx", "report.pdf" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "sequential", name)), File.ReadAllBytes(Path.Combine(dir, "parallel", name)));

        // One input with spare cores also warms the writers up on another thread (Warmup): still the same bytes.
        var batch = DocxAndPdf().RenderAll([input], Path.Combine(dir, "warm"), parallelism: 2);
        Assert.True(batch.Single().Ok, string.Join("\n", batch.Single().Diagnostics));
        foreach (var name in new[] { "report.docx", "report.pdf" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "sequential", name)), File.ReadAllBytes(Path.Combine(dir, "warm", name)));
    }

    [Fact]
    public void Existing_output_is_replaced_on_success()
    {
        string dir = DataFiles.TempDir(), outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        File.WriteAllText(Path.Combine(outDir, "report.docx"), "old docx");

        var o = Renderer(new DocxOutput()).Render(Input(dir), outDir);

        Assert.True(o.Ok, string.Join("\n", o.Diagnostics));
        var bytes = File.ReadAllBytes(Path.Combine(outDir, "report.docx"));
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(["report.docx"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_name_taken_by_a_folder_fails_before_any_file_is_replaced()
    {
        // On Linux a rename replaces a file whatever its mode or open handles, so "locked" is a name another thing holds.
        string dir = DataFiles.TempDir(), outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        File.WriteAllText(Path.Combine(outDir, "report.docx"), "old docx");
        Directory.CreateDirectory(Path.Combine(outDir, "report.pdf"));
        var before = Snapshot(outDir);

        var o = DocxAndPdf().Render(Input(dir), outDir);

        AssertFailed(o, "E-IO-WRITE", FailureKind.Io);
        Assert.Contains("report.pdf", o.Diagnostics.Single().Message);
        Assert.Equal(before, Snapshot(outDir));
    }

    [Fact]
    public void Cancelled_while_writing_leaves_nothing()
    {
        string dir = DataFiles.TempDir(), outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        File.WriteAllText(Path.Combine(outDir, "report.docx"), "old docx");
        var before = Snapshot(outDir);
        using var cts = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Renderer(new DocxOutput(), new CancellingWriter(cts)).Render(Input(dir), outDir, cts.Token));

        Assert.Equal(before, Snapshot(outDir));
        Assert.Empty(Directory.GetFiles(outDir, "*" + AtomicOutput.TempMarker));
    }

    [Fact]
    public void Interrupted_batch_keeps_finished_reports_whole_and_existing_files_untouched()
    {
        string dir = DataFiles.TempDir(), outDir = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        var inputs = Enumerable.Range(1, 6).Select(i => Input(dir, $"r{i}")).ToList();
        File.WriteAllText(Path.Combine(outDir, "r5.docx"), "old r5");
        using var cts = new CancellationTokenSource();
        var renderer = new ReportRenderer(Pipelines.Default, [new DocxOutput()]);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            renderer.RenderAll(inputs, outDir, parallelism: 1, progress: _ => cts.Cancel(), cancel: cts.Token));

        Assert.Equal("old r5", File.ReadAllText(Path.Combine(outDir, "r5.docx")));
        Assert.Empty(Directory.GetFiles(outDir, "*" + AtomicOutput.TempMarker));
        var written = Directory.GetFiles(outDir, "*.docx").Where(f => !f.EndsWith("r5.docx", StringComparison.Ordinal)).ToList();
        Assert.InRange(written.Count, 1, 5);
        foreach (var f in written)
        {
            using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(f, false);
            Assert.Contains("测试县人民政府办公室", doc.MainDocumentPart!.Document.Body!.InnerText);
        }
    }

    [Fact]
    public void Damaged_font_file_in_the_font_folder_is_a_font_error()
    {
        string dir = DataFiles.TempDir(), fonts = Directory.CreateDirectory(Path.Combine(dir, "fonts")).FullName;
        // The first candidate of the 仿宋 chain, as a clerk might copy it from a broken download.
        File.WriteAllBytes(Path.Combine(fonts, "仿宋_GB2312.ttf"), [.. "<html>404 Not Found</html>"u8, .. new byte[64]]);
        var renderer = new ReportRenderer(Pipelines.Default, OutputFormats.Create(["pdf"], [fonts]));
        string outDir = Path.Combine(dir, "out");

        var o = renderer.Render(Input(dir), outDir);

        AssertFailed(o, "E-FONT-UNSUPPORTED", FailureKind.Font);
        Assert.Contains("仿宋_GB2312.ttf", o.Diagnostics.Single().Message);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public void Truncated_font_file_is_a_font_error()
    {
        string dir = DataFiles.TempDir(), fonts = Directory.CreateDirectory(Path.Combine(dir, "fonts")).FullName;
        var real = File.ReadAllBytes("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf");
        File.WriteAllBytes(Path.Combine(fonts, "仿宋_GB2312.ttf"), real[..20_000]);
        var renderer = new ReportRenderer(Pipelines.Default, OutputFormats.Create(["pdf"], [fonts]));

        var o = renderer.Render(Input(dir), Path.Combine(dir, "out"));

        AssertFailed(o, "E-FONT-UNSUPPORTED", FailureKind.Font);
        Assert.Contains("损坏", o.Diagnostics.Single().Message);
    }

    [Fact]
    public void Missing_font_is_a_font_error_naming_what_was_tried()
    {
        string root = TemplateCopies.Make(t => TemplateCopies.Edit(t, "styles.json",
            s => System.Text.RegularExpressions.Regex.Replace(s, @"""pdf"": \[""仿宋_GB2312.ttf""[^\]]*\]", @"""pdf"": [""仿宋-不存在.ttf""]")));
        var pipeline = new ReportPipeline(new TemplateLocator(root));
        var renderer = new ReportRenderer(pipeline, OutputFormats.Create(["pdf"], []));
        string dir = DataFiles.TempDir();

        var o = renderer.Render(Input(dir), Path.Combine(dir, "out"));

        AssertFailed(o, "E-FONT-MISSING", FailureKind.Font);
        Assert.Contains("仿宋-不存在.ttf", o.Diagnostics.Single().Message);
    }

    /// <summary>A writer whose disk fills up: writes some bytes, then fails the way the OS does (ENOSPC).</summary>
    private sealed class FullDiskWriter(int afterBytes) : IDocumentWriter
    {
        public string Format => "pdf";
        public string Extension => ".pdf";
        public void Write(Document document, Stream output)
        {
            output.Write(new byte[afterBytes]);
            output.Flush();
            throw new IOException("No space left on device", 28);
        }
    }

    /// <summary>Stands for Ctrl-C arriving while a file is being written.</summary>
    private sealed class CancellingWriter(CancellationTokenSource cts) : IDocumentWriter
    {
        public string Format => "pdf";
        public string Extension => ".pdf";
        public void Write(Document document, Stream output)
        {
            output.Write(new byte[1000]);
            cts.Cancel();
        }
    }
}
