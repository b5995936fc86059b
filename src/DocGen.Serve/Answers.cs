using System.Text.Json;
using System.Text.Json.Serialization;
using DocGen.Engine;

namespace DocGen.Serve;

// The JSON answers of the page's script calls (assets/form.js reads these names, camelCase).

/// <summary>POST /api/save: whether the file was written, or why not (comments would be lost), and the check of what was saved.</summary>
public sealed record SaveAnswer(bool Saved, bool NeedsConfirmation, string Message, CheckResult Check);

/// <summary>POST /api/render: the files written, each with its download address, and every problem.</summary>
public sealed record RenderAnswer(IReadOnlyList<OutputLink> Outputs, IReadOnlyList<Problem> Problems);

public sealed record OutputLink(string Name, string Url);

/// <summary>POST /api/preview: where the preview PDF is (null when it could not be made), and every problem.</summary>
public sealed record PreviewAnswer(string? Url, IReadOnlyList<Problem> Problems);

/// <summary>Source-generated (no reflection), so `docgen serve` works in the Native AOT executable too.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CheckResult))]
[JsonSerializable(typeof(SaveAnswer))]
[JsonSerializable(typeof(RenderAnswer))]
[JsonSerializable(typeof(PreviewAnswer))]
internal sealed partial class AnswerJsonContext : JsonSerializerContext
{
    public static AnswerJsonContext Web { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JsonOutput.Encoder });
}
