using DocGen.Engine;
using DocGen.Tests.Support;

namespace DocGen.Tests.Robustness;

/// <summary>
/// The check that no output is one of the run's inputs compares every output with every input: each path is looked up on the
/// disk once, not once per pair (per pair, a batch of 1,000 made two million lookups), and the answer is the same as
/// <see cref="FileIdentity.Same"/>'s for each pair.
/// </summary>
public class FileIdentityTests
{
    [Fact]
    public void Comparing_one_output_with_many_inputs_looks_each_path_up_once()
    {
        string dir = DataFiles.TempDir();
        var inputs = Enumerable.Range(0, 50).Select(i =>
        {
            string path = Path.Combine(dir, $"agency-{i}.json");
            File.WriteAllText(path, "{}");
            return FileIdentity.Of(path).Settle();
        }).ToList();
        int settled = inputs.Sum(i => i.DiskLookups);

        var output = FileIdentity.Of(Path.Combine(dir, "out", "agency-7.pdf"));
        Assert.DoesNotContain(inputs, output.Same);

        Assert.Equal(settled, inputs.Sum(i => i.DiskLookups));   // the inputs only read what Settle looked up
        Assert.InRange(output.DiskLookups, 1, 3);                 // inode, resolved path, exists: each once for all 50 inputs
    }

    [Theory]
    [InlineData("same path")]
    [InlineData("hard link")]
    [InlineData("symbolic link")]
    [InlineData("other file")]
    [InlineData("missing output")]
    public void The_identity_answers_as_the_pairwise_check(string kind)
    {
        string dir = DataFiles.TempDir(), input = Path.Combine(dir, "x.json"), output = Path.Combine(dir, "x.pdf");
        File.WriteAllText(input, "{}");
        switch (kind)
        {
            case "same path": output = Path.Combine(dir, ".", "x.json"); break;
            case "hard link": Assert.Equal(0, ProcessRunner.Run("ln", input, output).ExitCode); break;
            case "symbolic link": File.CreateSymbolicLink(output, input); break;
            case "other file": File.WriteAllText(output, "{}"); break;
        }
        bool expected = kind is "same path" or "hard link" or "symbolic link";

        Assert.Equal(expected, FileIdentity.Same(output, input));
        Assert.Equal(expected, FileIdentity.Of(output).Same(FileIdentity.Of(input).Settle()));
    }
}
