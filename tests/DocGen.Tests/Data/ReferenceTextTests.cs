using DocGen.Tests.Support;

namespace DocGen.Tests.Data;

/// <summary>The examples transcribe their reference reports: the document model's text already matches before any writer runs.</summary>
public class ReferenceTextTests
{
    [Theory]
    [MemberData(nameof(ExampleOutputs.All), MemberType = typeof(ExampleOutputs))]
    public void Model_text_matches_the_reference_report(string name)
    {
        var doc = Pipelines.Default.Build(Repo.Example(name)).Document!;
        TextSimilarity.AssertMatchesReference(name, ModelText.Of(doc));
    }
}
