using System.Text.Encodings.Web;
using System.Text.Json;

namespace DocGen.Engine;

/// <summary>
/// How DocGen writes JSON for people and pipelines: indented, LF line ends, Chinese left readable (the default encoder writes
/// \uXXXX for every CJK character). Everything here works without reflection, so it survives trimming and Native AOT.
/// </summary>
public static class JsonOutput
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n", Encoder = Encoder };

    /// <summary>Options for source-generated contexts (pass them to the context's constructor).</summary>
    public static JsonSerializerOptions SerializerOptions() => new() { WriteIndented = true, NewLine = "\n", Encoder = Encoder };

    /// <summary>A JSON string literal with its quotes, escaped as the writers above escape it.</summary>
    public static string Quote(string text) => "\"" + JsonEncodedText.Encode(text, Encoder) + "\"";
}
