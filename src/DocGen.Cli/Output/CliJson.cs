using System.Text.Json;
using System.Text.Json.Serialization;
using DocGen.Engine;
using DocGen.Model;

namespace DocGen.Cli.Output;

// The shapes of every --json answer of the command line. Pipelines parse these, so the names and the order of the keys are the
// contract: change a record only together with the README and the tests that read it.

/// <summary>`render`, `validate` and `check --json`.</summary>
public sealed record RunJson(string Command, int ExitCode, RunTotalsJson Totals, IReadOnlyList<InputJson> Inputs);

public sealed record RunTotalsJson(int Inputs, int Succeeded, int Failed, int Outputs, int Warnings, int Errors, long ElapsedMs);

public sealed record InputJson(string Input, string Status, int ExitCode, IReadOnlyList<string> Outputs,
    IReadOnlyList<DiagnosticJson> Warnings, IReadOnlyList<DiagnosticJson> Errors, long ElapsedMs);

/// <summary>One diagnostic: file and jsonPath are null when the problem has none; messageEn is left out when there is no English.</summary>
public sealed record DiagnosticJson(string Id, string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MessageEn,
    string? File, int Line, int Column, string? JsonPath)
{
    public static DiagnosticJson From(Diagnostic d) => new(d.Id, d.Message, d.MessageEn, d.File, d.Line, d.Column, d.JsonPath);

    public static IReadOnlyList<DiagnosticJson> Of(IEnumerable<Diagnostic> diagnostics, Severity severity) =>
        diagnostics.Where(d => d.Severity == severity).Select(From).ToList();
}

/// <summary>`merge --json`: the file written (null when none was), the inputs summed, every diagnostic.</summary>
public sealed record MergeJson(string Command, int ExitCode, string? Output, IReadOnlyList<string> Inputs,
    IReadOnlyList<DiagnosticJson> Warnings, IReadOnlyList<DiagnosticJson> Errors, long ElapsedMs);

/// <summary>`templates --json`.</summary>
public sealed record TemplatesJson(string Root, IReadOnlyList<TemplateJson> Templates);

public sealed record TemplateJson(string Name, string Description, string DescriptionEn, string Version, string Folder);

/// <summary>`fonts --json`: data and missing only when a data file was given.</summary>
public sealed record FontsJson(IReadOnlyList<FontTemplateJson> Templates,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MissingCharacter>? Missing);

/// <summary>The roles of one template (<see cref="FontOverview"/>'s records are written as they are).</summary>
public sealed record FontTemplateJson(string Name, IReadOnlyList<FontRoleOverview> Roles);

/// <summary>
/// The source-generated serializer of the records above: no reflection at run time, so the published executable can be
/// trimmed and compiled ahead of time (reflection-based JsonSerializer calls are what blocked Native AOT).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RunJson))]
[JsonSerializable(typeof(MergeJson))]
[JsonSerializable(typeof(TemplatesJson))]
[JsonSerializable(typeof(FontsJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Indented, Chinese readable, LF line ends (JsonOutput), camelCase names.</summary>
    public static CliJsonContext Output { get; } = new(WithNames(JsonOutput.SerializerOptions()));

    private static JsonSerializerOptions WithNames(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        return o;
    }
}
