using DocGen.Model;
using DocGen.Tests.Support;

namespace DocGen.Tests.Data;

public class ExampleBindingTests
{
    [Theory]
    [InlineData("ningxia-gov-office-2023")]
    [InlineData("pingluo-county-2023")]
    public void Example_builds_a_document_without_errors(string name)
    {
        var result = Pipelines.Default.Build(Repo.Example(name));
        Assert.True(result.Ok, string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(3, result.Document!.Blocks.OfType<Table>().Count());
    }

    [Fact]
    public void Ningxia_2023_acknowledged_T3_1_breaks_are_warnings_in_two_columns()
    {
        var result = Pipelines.Default.Build(Repo.Example("ningxia-gov-office-2023"));
        var warnings = result.Diagnostics.Where(d => d.Id == "W-T3-1").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("「自然人」列") && w.Message.Contains("57") && w.Message.Contains("61"));
        Assert.Contains(warnings, w => w.Message.Contains("「商业企业」列"));
    }

    [Fact]
    public void Totals_are_computed_from_leaf_cells()
    {
        var bound = Pipelines.Default.Bind(Repo.Example("ningxia-gov-office-2023"));
        var t3 = bound.Values["applications"];
        Assert.Equal(61m, t3.Numbers[("total", "naturalPerson")]);
        Assert.Equal(61m, t3.Numbers[("total", "total")]);
        Assert.Equal(61m, t3.Numbers[("newReceived", "total")]);
        Assert.Contains(("total", "total"), t3.Computed);
        var t4 = bound.Values["reviewLitigation"];
        Assert.Equal(4m, t4.Numbers[("directSuit", "total")]);
    }
}
