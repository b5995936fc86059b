using System.Diagnostics;
using System.Text.Json;
using DocGen.Tests.Robustness;

namespace DocGen.Tests.Cli;

/// <summary>Through the real command line: output is input, validate = render, -j, init and names.</summary>
public sealed class CommandLineSafetyTests
{
    [Fact]
    public void Data_file_named_like_its_output_is_refused_and_kept()
    {
        using var dir = new TempDir();
        File.Copy(CorpusCase.Load("valid-minimal").Input, dir.File("x.pdf"));
        byte[] before = File.ReadAllBytes(dir.File("x.pdf"));

        var r = CliRunner.Run(dir.Path, "render", "x.pdf", "-o", ".");

        Assert.True(r.ExitCode == 5, r.ToString());
        Assert.Contains("E-IO-OUTPUT-IS-INPUT", r.Stderr);
        Assert.Contains("x.pdf", r.Stderr[r.Stderr.IndexOf("E-IO-OUTPUT-IS-INPUT", StringComparison.Ordinal)..]);
        Assert.Equal(before, File.ReadAllBytes(dir.File("x.pdf")));
        Assert.Equal(["x.pdf"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("render", "abc")]
    [InlineData("render", "1.5")]
    [InlineData("render", "99999999999")]
    [InlineData("render", "0")]
    [InlineData("render", "-1")]
    [InlineData("validate", "abc")]
    [InlineData("validate", "1.5")]
    [InlineData("validate", "99999999999")]
    [InlineData("validate", "0")]
    [InlineData("validate", "-1")]
    public void Bad_job_count_is_a_usage_error_in_the_clerks_language(string command, string jobs)
    {
        using var dir = new TempDir();
        File.Copy(CorpusCase.Load("valid-minimal").Input, dir.File("a.json"));
        foreach (var (lang, words) in new[] { ("zh", "须为"), ("en", "must be") })
        {
            var r = CliRunner.Run(dir.Path, command, "a.json", "-j", jobs, "--lang", lang);
            Assert.True(r.ExitCode == 64, r.ToString());
            Assert.Contains(words, r.Stderr);
            Assert.Contains(jobs, r.Stderr);
            Assert.DoesNotContain("Exception", r.Stderr);
            Assert.DoesNotContain("   at ", r.Stderr);
        }
        Assert.False(File.Exists(dir.File("a.pdf")));
    }

    [Fact]
    public void Init_refuses_a_year_that_is_not_a_number_and_an_agency_with_control_characters()
    {
        using var dir = new TempDir();
        var year = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--year", "abc", "-o", "a.json");
        Assert.True(year.ExitCode == 64, year.ToString());
        Assert.Contains("--year 应为四位年份", year.Stderr);
        Assert.DoesNotContain("System.", year.Stderr);

        var agency = CliRunner.Run(dir.Path, "init", "--template", "gov-info-annual-2021", "--agency", "某某局\u001b[2J", "-o", "b.json");
        Assert.True(agency.ExitCode == 64, agency.ToString());
        Assert.Contains("U+001B", agency.Stderr);
        Assert.Empty(Directory.GetFiles(dir.Path));

        var template = CliRunner.Run(dir.Path, "init", "--year", "2024");
        Assert.True(template.ExitCode == 64, template.ToString());
        Assert.Contains("缺少必需的选项 --template", template.Stderr);
        Assert.DoesNotContain("is required", template.Stderr);
        var templateEn = CliRunner.Run(dir.Path, "init", "--year", "2024", "--lang", "en");
        Assert.True(templateEn.ExitCode == 64, templateEn.ToString());
        Assert.Contains("usage error: the option --template is required", templateEn.Stderr);
        var merge = CliRunner.Run(dir.Path, "merge", "a.json");
        Assert.True(merge.ExitCode == 64, merge.ToString());
        Assert.Contains("缺少必需的选项 --output", merge.Stderr);
        Assert.Equal(2, merge.Stderr.Split('\n').Count(l => l.StartsWith("用法错误：", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void Data_file_named_dot_json_gives_visible_outputs()
    {
        using var dir = new TempDir();
        File.Copy(CorpusCase.Load("valid-minimal").Input, dir.File(".json"));

        var r = CliRunner.Run(dir.Path, "render", ".json", "-o", "out");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(["json.docx", "json.pdf"], Directory.GetFiles(dir.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("char-outside-fonts", 4)]
    [InlineData("chars-outside-fonts-several", 4)]
    [InlineData("label-too-long", 2)]
    [InlineData("text-cell-too-tall", 2)]
    public void Validate_refuses_what_render_refuses_with_the_same_exit_code(string corpusCase, int exit)
    {
        using var dir = new TempDir();
        string file = CorpusCase.Load(corpusCase).CopyInput(dir.Path);

        var validate = CliRunner.Run(dir.Path, "validate", Path.GetFileName(file));
        var render = CliRunner.Run(dir.Path, "render", Path.GetFileName(file), "-o", "out");

        Assert.True(render.ExitCode == exit, render.ToString());
        Assert.True(validate.ExitCode == exit, validate.ToString());
        Assert.False(Directory.Exists(dir.File("out")) && Directory.EnumerateFiles(dir.File("out")).Any());
    }

    [Fact]
    public void Every_missing_character_is_in_the_json_summary_with_its_position()
    {
        using var dir = new TempDir();
        string file = Path.GetFileName(CorpusCase.Load("chars-outside-fonts-several").CopyInput(dir.Path));
        var lines = File.ReadAllLines(dir.File(file));

        foreach (var command in new[] { "render", "validate" })
        {
            var r = CliRunner.Run(dir.Path, [command, file, "--json", .. command == "render" ? new[] { "-o", "out" } : []]);
            Assert.True(r.ExitCode == 4, r.ToString());
            var errors = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("inputs")[0].GetProperty("errors").EnumerateArray().ToList();
            Assert.Equal(4, errors.Count);
            foreach (var (e, cp) in errors.Zip(new[] { 0x17000, 0x17001, 0x17002, 0x17003 }.OrderBy(c => c)))
            {
                Assert.Equal("E-GLYPH-MISSING", e.GetProperty("id").GetString());
                Assert.Equal(file, e.GetProperty("file").GetString());
                int line = e.GetProperty("line").GetInt32(), column = e.GetProperty("column").GetInt32();
                Assert.True(line > 0 && column > 0, e.ToString());
                // The position is the string holding the character: its line has it.
                Assert.Contains(char.ConvertFromUtf32(cp), lines[line - 1]);
            }
        }
    }

    [Fact]
    public async Task Sigterm_during_a_large_render_exits_130_within_a_second_at_any_stage_and_leaves_nothing()
    {
        using var dir = new TempDir();
        var data = CliData.Example();
        data["sections"]!["other"] = new System.Text.Json.Nodes.JsonArray(Enumerable.Range(1, 30_000)
            .Select(i => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create($"第{i}项工作按计划完成，公开质量持续提升。")!).ToArray());
        CliData.Write(data, dir.File("big.json"));
        // Reading and binding, laying out, writing: the render of this file takes well over 4.5 s on two cores (10,000 paragraphs
        // once finished just before the last signal on a quiet machine). (A signal in the
        // first few hundred milliseconds reaches the .NET host before DocGen has started, and ends it with the default 143.)
        foreach (int afterMs in new[] { 1500, 3000, 4500 })
        {
            string outDir = dir.File($"out{afterMs}");
            using var p = CliRunner.Start(dir.Path, "render", "big.json", "-o", outDir, "-j", "1");
            var stderr = p.StandardError.ReadToEndAsync();
            Thread.Sleep(afterMs);
            if (p.HasExited) continue;
            var clock = Stopwatch.StartNew();
            CliRunner.Terminate(p);
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "docgen did not stop after SIGTERM");
            clock.Stop();
            string err = await stderr;
            Assert.True(p.ExitCode == 130, $"exit {p.ExitCode} after {afterMs} ms\n{err}");
            // Within a second of the signal, measured from outside the process (plus the start-up of this measure).
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"stopped {clock.Elapsed.TotalMilliseconds:0} ms after SIGTERM (sent {afterMs} ms in)");
            Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any(),
                string.Join(", ", Directory.Exists(outDir) ? Directory.EnumerateFileSystemEntries(outDir) : []));
        }
    }
}
