using System.Reflection;
using DocGen.Model;

namespace DocGen.Tests.Cli;

/// <summary>
/// The command line's exit code for a failure kind, asked of the built docgen.dll's own table (DocGen.Cli.ExitCodes), so the
/// tests hold outcomes of the engine to the numbers the corpus and the README promise without a second copy of the table.
/// </summary>
public static class CliExitCodes
{
    private static readonly Lazy<MethodInfo> OfMethod = new(() =>
        Assembly.LoadFrom(CliRunner.Dll).GetType("DocGen.Cli.ExitCodes", throwOnError: true)!.GetMethod("Of", [typeof(FailureKind?)])
        ?? throw new MissingMethodException("DocGen.Cli.ExitCodes", "Of(FailureKind?)"));

    public static int Of(FailureKind? failure) => (int)OfMethod.Value.Invoke(null, [failure])!;
}
