using System.Text.Json.Serialization.Metadata;

namespace DocGen.Cli.Output;

/// <summary>Indented JSON with Chinese left readable (not \uXXXX escapes), as every command prints or writes it.</summary>
internal static class JsonText
{
    public static string Write<T>(T value, JsonTypeInfo<T> type) => System.Text.Json.JsonSerializer.Serialize(value, type);
}
