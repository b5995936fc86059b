using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Formats;

/// <summary>The 2019 trial format and the pre-2019 format are template folders only: their examples must build like the 2021 ones.</summary>
public class FormatExampleTests
{
    [Theory]
    [InlineData("ningxia-gov-office-2020", 3)]
    [InlineData("ningxia-region-2018", 1)]
    public void Example_builds_without_errors_or_warnings(string name, int tables)
    {
        var result = Pipelines.Default.Build(Repo.Example(name));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(tables, result.Document!.Blocks.OfType<Table>().Count());
    }
}
