using DocGen.Tests.Support;

namespace DocGen.Tests.Formats;

/// <summary>The new examples transcribe their reference reports completely: text and every number, before any writer runs.</summary>
public class FormatReferenceTextTests
{
    [Theory]
    [InlineData("ningxia-gov-office-2020")]
    [InlineData("ningxia-region-2018")]
    public void Model_text_matches_the_reference_report(string name)
    {
        var doc = Pipelines.Default.Build(Repo.Example(name)).Document!;
        string reference = File.ReadAllText(Repo.ReferenceReport(name));
        string actual = ModelText.Of(doc);
        double ratio = TextSimilarity.Ratio(reference, actual);
        Assert.True(ratio >= 0.97, $"similarity {ratio:F4}");
        Assert.Empty(TextSimilarity.MissingNumbers(reference, actual));
    }
}
