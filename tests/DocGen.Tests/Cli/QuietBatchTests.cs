using DocGen.Tests.Support;

namespace DocGen.Tests.Cli;

/// <summary>Acknowledged rule breaks print as one count per file unless --verbose; other warnings stay in full.</summary>
public sealed class QuietBatchTests
{
    [Fact]
    public void Acknowledged_rule_breaks_are_a_count_per_file_unless_verbose()
    {
        using var dir = new TempDir();
        for (int i = 1; i <= 3; i++) File.Copy(Repo.Example("ningxia-gov-office-2023"), dir.File($"copy{i}.json"));
        // An unacknowledged warning in one copy stays a full line.
        File.WriteAllText(dir.File("copy3.json"), File.ReadAllText(dir.File("copy3.json")).Replace("\"agency\":", "\"agencyy\": \"x\", \"agency\":", StringComparison.Ordinal));

        var quiet = CliRunner.Run(dir.Path, "validate", "copy1.json", "copy2.json", "copy3.json");
        var verbose = CliRunner.Run(dir.Path, "validate", "copy1.json", "copy2.json", "copy3.json", "--verbose");

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        int full = verbose.Stderr.Split('\n').Count(l => l.Contains(": 警告 W-T", StringComparison.Ordinal));
        Assert.True(full >= 3, verbose.ToString());
        Assert.DoesNotContain(": 警告 W-T", quiet.Stderr, StringComparison.Ordinal);
        for (int i = 1; i <= 3; i++)
            Assert.Contains($"copy{i}.json: 已说明的规则例外 {full / 3} 项", quiet.Stderr);
        Assert.Contains("W-DATA-UNKNOWN-FIELD", quiet.Stderr);
    }
}
