using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DocGen.Cli.Output;

/// <summary>Indented JSON with Chinese left readable (not \uXXXX escapes), as every command prints or writes it.</summary>
internal static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            body(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
