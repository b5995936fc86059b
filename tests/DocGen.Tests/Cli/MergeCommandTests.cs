using System.Text.Json;
using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

public sealed class MergeCommandTests
{
    [Fact]
    public void Merges_a_folder_of_agencies_into_a_regional_file_that_validates()
    {
        using var dir = new TempDir();
        CliData.Batch(dir.File("counties"), 3);
        var r = CliRunner.Run(dir.Path, "merge", "counties", "-o", "counties/region.json", "--narrative", Repo.Example("pingluo-county-2023"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("已汇总 3 个数据文件 → counties/region.json", r.Stdout);

        using (var doc = JsonDocument.Parse(File.ReadAllText(dir.File("counties/region.json"))))
        {
            var root = doc.RootElement;
            string schema = new Uri(root.GetProperty("$schema").GetString()!).LocalPath; // an absolute file URI, as init writes
            Assert.Equal(Path.Combine(Repo.Templates, "gov-info-annual-2021", "schema.json"), schema);
            Assert.Equal("平罗县人民政府办公室", root.GetProperty("agency").GetString());
            var tables = root.GetProperty("tables");
            Assert.Equal(0 + 1 + 2, tables.GetProperty("activeDisclosure").GetProperty("regulations").GetProperty("issued").GetInt32());
            int pingluo = CliData.Example()["tables"]!["applications"]!["newReceived"]!["naturalPerson"]!.GetValue<int>();
            Assert.Equal(3 * pingluo + 0 + 1 + 2, tables.GetProperty("applications").GetProperty("newReceived").GetProperty("naturalPerson").GetInt32());
        }
        var validate = CliRunner.Run(dir.Path, "validate", "counties/region.json");
        Assert.True(validate.ExitCode == 0, validate.ToString());

        // Merging again into the same folder leaves the previous result out of the sum.
        var again = CliRunner.Run(dir.Path, "merge", "counties", "-o", "counties/region.json", "--narrative", "counties/region.json");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("跳过输出文件", again.Stderr);
        Assert.Contains("已汇总 3 个数据文件", again.Stdout);
    }

    [Fact]
    public void A_broken_input_fails_the_merge_naming_the_file_and_writes_nothing()
    {
        using var dir = new TempDir();
        CliData.Batch(dir.File("counties"), 2);
        var (_, line) = CliData.BrokenT31(dir.File("counties"), "zz-broken.json");
        var r = CliRunner.Run(dir.Path, "merge", "counties/*.json", "-o", "region.json");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("counties/zz-broken.json: 错误 E-MERGE-INPUT", r.Stderr);
        Assert.Contains($"counties/zz-broken.json({line},", r.Stderr);
        Assert.False(File.Exists(dir.File("region.json")));

        var usage = CliRunner.Run(dir.Path, "merge", "counties/*.json");
        Assert.True(usage.ExitCode == 64, usage.ToString());
    }

    [Fact]
    public void With_json_stdout_is_one_json_object_naming_the_file_written_the_inputs_and_every_problem()
    {
        using var dir = new TempDir();
        CliData.Batch(dir.File("counties"), 2);
        var ok = CliRunner.Run(dir.Path, "merge", "counties", "-o", "region.json", "--json");
        Assert.True(ok.ExitCode == 0, ok.ToString());
        using (var doc = JsonDocument.Parse(ok.Stdout))
        {
            var root = doc.RootElement;
            Assert.Equal("merge", root.GetProperty("command").GetString());
            Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
            Assert.Equal("region.json", root.GetProperty("output").GetString());
            Assert.Equal(2, root.GetProperty("inputs").GetArrayLength());
            Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        }
        Assert.True(File.Exists(dir.File("region.json")));

        var (_, line) = CliData.BrokenT31(dir.File("counties"), "zz-broken.json");
        var failed = CliRunner.Run(dir.Path, "merge", "counties/*.json", "-o", "region2.json", "--json");
        Assert.True(failed.ExitCode == 2, failed.ToString());
        using (var doc = JsonDocument.Parse(failed.Stdout))
        {
            var root = doc.RootElement;
            Assert.Equal(2, root.GetProperty("exitCode").GetInt32());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("output").ValueKind);
            var errors = root.GetProperty("errors").EnumerateArray().ToList();
            Assert.Contains(errors, e => e.GetProperty("id").GetString() == "E-MERGE-INPUT" && e.GetProperty("file").GetString() == "counties/zz-broken.json");
            Assert.Contains(errors, e => e.GetProperty("file").GetString() == "counties/zz-broken.json" && e.GetProperty("line").GetInt32() == line);
        }
        Assert.False(File.Exists(dir.File("region2.json")));
    }
}
