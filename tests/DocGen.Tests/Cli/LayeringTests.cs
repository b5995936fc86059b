using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DocGen.Tests.Cli;

/// <summary>
/// The command line reaches the rest of DocGen only through DocGen.Engine (and the model's types, and the browser form it starts):
/// the compiled docgen.dll references no assembly below the engine. The compiler records an assembly reference for every type
/// the code names, so a command that used a TemplatePackage, a BoundReport or a PDF font report would show here.
/// </summary>
public class LayeringTests
{
    private static readonly string[] Allowed = ["DocGen.Engine", "DocGen.Model", "DocGen.Serve"];

    [Fact]
    public void The_command_line_references_only_the_engine_and_the_model()
    {
        using var stream = File.OpenRead(CliRunner.Dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var docgen = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
            .Where(n => n.StartsWith("DocGen.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("DocGen.Engine", docgen);
        var below = docgen.Except(Allowed).ToList();
        Assert.True(below.Count == 0, "docgen.dll reaches past DocGen.Engine into: " + string.Join(", ", below));
    }
}
