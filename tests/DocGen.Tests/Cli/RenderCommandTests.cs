using System.IO.Compression;
using System.Text.Json;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

public sealed class RenderCommandTests
{
    [Fact]
    public void Renders_both_examples_to_docx_and_pdf_with_a_summary_table()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "render", Repo.Example("ningxia-gov-office-2023"), Repo.Example("pingluo-county-2023"), "-o", "out");
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var name in new[] { "ningxia-gov-office-2023", "pingluo-county-2023" })
        {
            AssertDocx(dir.File($"out/{name}.docx"));
            AssertPdf(dir.File($"out/{name}.pdf"));
            Assert.Contains($"{name}.docx, {name}.pdf", r.Stdout);
        }
        Assert.Contains("共 2 个，成功 2 个，失败 0 个", r.Stdout);
        // Acknowledged: a count per file, not the full warning.
        Assert.Contains("ningxia-gov-office-2023.json: 已说明的规则例外 2 项", r.Stderr);
        Assert.Contains("[2/2]", r.Stderr);
        Assert.DoesNotContain(Directory.EnumerateFiles(dir.File("out")), f => f.EndsWith(".docgen-tmp"));
    }

    [Fact]
    public void A_broken_rule_fails_render_with_its_place_and_writes_no_file()
    {
        using var dir = new TempDir();
        var (_, line) = CliData.BrokenT31(dir.Path);
        File.Copy(Repo.Example("pingluo-county-2023"), dir.File("good.json"));
        var r = CliRunner.Run(dir.Path, "render", "broken.json", "good.json", "-o", "out", "--format", "docx");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains($"broken.json({line},", r.Stderr);
        Assert.Contains("错误 T3-1:", r.Stderr);
        Assert.Contains("「自然人」列", r.Stderr);
        Assert.False(File.Exists(dir.File("out/broken.docx")));
        AssertDocx(dir.File("out/good.docx"));
        Assert.Contains("共 2 个，成功 1 个，失败 1 个", r.Stdout);
    }

    [Fact]
    public void One_invocation_renders_a_batch_of_200_with_a_correct_json_summary()
    {
        using var dir = new TempDir();
        var files = CliData.Batch(dir.File("batch"), 200);
        var r = CliRunner.Run(dir.Path, "render", "batch/*.json", "-o", "out", "--format", "docx", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout); // stdout holds only the JSON summary
        var root = doc.RootElement;
        Assert.Equal("render", root.GetProperty("command").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        var totals = root.GetProperty("totals");
        Assert.Equal(200, totals.GetProperty("inputs").GetInt32());
        Assert.Equal(200, totals.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, totals.GetProperty("failed").GetInt32());
        Assert.Equal(200, totals.GetProperty("outputs").GetInt32());
        Assert.Equal(0, totals.GetProperty("errors").GetInt32());
        var inputs = root.GetProperty("inputs").EnumerateArray().ToList();
        Assert.Equal(files.Select(f => Path.GetRelativePath(dir.Path, f)), inputs.Select(i => i.GetProperty("input").GetString()));
        foreach (var (input, i) in inputs.Select((x, i) => (x, i)))
        {
            Assert.Equal("ok", input.GetProperty("status").GetString());
            string output = input.GetProperty("outputs").EnumerateArray().Single().GetString()!;
            Assert.Equal($"agency-{i:000}.docx", Path.GetFileName(output));
            Assert.True(input.GetProperty("elapsedMs").GetInt64() >= 0);
        }
        Assert.Equal(200, Directory.EnumerateFiles(dir.File("out"), "*.docx").Count());
        // Each copy carries its own agency: spot-check that the batch did not mix data files up.
        foreach (int i in new[] { 0, 117, 199 })
            Assert.Contains($"测试县第{i}局", DocxText(dir.File($"out/agency-{i:000}.docx")));
        Assert.Contains("[200/200]", r.Stderr);
    }

    [Fact]
    public void Command_line_mistakes_are_usage_errors_and_write_nothing()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("a"));
        Directory.CreateDirectory(dir.File("b"));
        File.Copy(Repo.Example("pingluo-county-2023"), dir.File("a/report.json"));
        File.Copy(Repo.Example("pingluo-county-2023"), dir.File("b/report.json"));

        var clash = CliRunner.Run(dir.Path, "render", "a/report.json", "b/report.json", "-o", "out");
        Assert.True(clash.ExitCode == 64, clash.ToString());
        Assert.Contains("同名的输出文件", clash.Stderr);

        var format = CliRunner.Run(dir.Path, "render", "a/report.json", "-o", "out", "--format", "odt");
        Assert.True(format.ExitCode == 64, format.ToString());
        Assert.Contains("E-USAGE-FORMAT", format.Stderr);

        var jobs = CliRunner.Run(dir.Path, "render", "a/report.json", "-o", "out", "-j", "0");
        Assert.True(jobs.ExitCode == 64, jobs.ToString());

        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_is_an_io_error()
    {
        using var dir = new TempDir();
        File.Copy(Repo.Example("pingluo-county-2023"), dir.File("report.json"));
        File.WriteAllText(dir.File("taken"), "a file, not a folder");
        var r = CliRunner.Run(dir.Path, "render", "report.json", "-o", "taken", "--format", "docx", "--json");
        Assert.True(r.ExitCode == 5, r.ToString());
        var error = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("inputs")[0].GetProperty("errors")[0];
        Assert.Equal("E-IO-OUTDIR", error.GetProperty("id").GetString());
        Assert.Contains("E-IO-OUTDIR", r.Stderr);
        Assert.Equal("a file, not a folder", File.ReadAllText(dir.File("taken")));
    }

    [Fact]
    public void Recursive_patterns_are_expanded_in_order_and_the_default_output_folder_is_the_current_one()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("in/2023/x"));
        File.Copy(Repo.Example("pingluo-county-2023"), dir.File("in/2023/x/b.json"));
        File.Copy(Repo.Example("pingluo-county-2023"), dir.File("in/a.json"));
        var r = CliRunner.Run(dir.Path, "render", "in/**/*.json", "--format", "docx", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var inputs = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("input").GetString()).ToList();
        Assert.Equal(["in/2023/x/b.json", "in/a.json"], inputs);
        AssertDocx(dir.File("a.docx"));
        AssertDocx(dir.File("b.docx"));
    }

    internal static void AssertDocx(string path)
    {
        Assert.True(File.Exists(path), $"{path} missing");
        using var zip = ZipFile.OpenRead(path);
        Assert.NotNull(zip.GetEntry("word/document.xml"));
    }

    internal static void AssertPdf(string path)
    {
        Assert.True(File.Exists(path), $"{path} missing");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8), $"{path} does not start with %PDF-");
        Assert.Contains("%%EOF", System.Text.Encoding.ASCII.GetString(bytes[^32..]));
    }

    internal static string DocxText(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return System.Text.RegularExpressions.Regex.Replace(reader.ReadToEnd(), "<[^>]+>", "");
    }
}
