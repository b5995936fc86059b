using System.Text.Json;
using System.Text.Json.Serialization;
namespace DocGen.Engine.DataFiles;

/// <summary>
/// The JSON Schema (draft-07) keywords DocGen's data-file schema uses, in the order they are written. Keywords left null are
/// not written. Properties keep their insertion order (definition order of the template), so the output is deterministic.
/// </summary>
public sealed record SchemaNode
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public SchemaType? Type { get; init; }
    public IReadOnlyList<string>? Enum { get; init; }
    public string? Const { get; init; }
    public int? MinLength { get; init; }
    public int? Minimum { get; init; }
    public int? Maximum { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    public SchemaNode? Items { get; init; }
    public bool? AdditionalProperties { get; init; }
    public IReadOnlyList<string>? Required { get; init; }
    public OrderedDictionary<string, SchemaNode>? Properties { get; init; }

    /// <summary>An object that allows only the listed properties.</summary>
    public static SchemaNode Closed(string? title, string? description, OrderedDictionary<string, SchemaNode> properties, IReadOnlyList<string>? required = null) =>
        new() { Title = title, Description = description, Type = SchemaType.Object, AdditionalProperties = false, Required = required, Properties = properties };
}

/// <summary>The root: the dialect first, then the document's own keywords.</summary>
public sealed record DataFileSchema(
    [property: JsonPropertyName("$schema")] string Dialect,
    string Title,
    string Description,
    SchemaType Type,
    IReadOnlyList<string> Required,
    bool AdditionalProperties,
    OrderedDictionary<string, SchemaNode> Properties);

/// <summary>"type": one name, or a list of names when a value may be either (a paragraph list or a single string).</summary>
[JsonConverter(typeof(SchemaTypeConverter))]
public sealed record SchemaType(IReadOnlyList<string> Names)
{
    public static readonly SchemaType String = new(["string"]);
    public static readonly SchemaType Integer = new(["integer"]);
    public static readonly SchemaType Number = new(["number"]);
    public static readonly SchemaType Object = new(["object"]);
    public static readonly SchemaType Array = new(["array"]);

    public static SchemaType AnyOf(params string[] names) => new(names);
}

public sealed class SchemaTypeConverter : JsonConverter<SchemaType>
{
    public override SchemaType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("DocGen writes schemas; it never reads one back");

    public override void Write(Utf8JsonWriter writer, SchemaType value, JsonSerializerOptions options)
    {
        if (value.Names.Count == 1) { writer.WriteStringValue(value.Names[0]); return; }
        writer.WriteStartArray();
        foreach (var name in value.Names) writer.WriteStringValue(name);
        writer.WriteEndArray();
    }
}

/// <summary>The schema's source-generated serializer (no reflection: the published executable is trimmed and compiled ahead of time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DataFileSchema))]
internal sealed partial class SchemaJsonContext : JsonSerializerContext
{
    public static SchemaJsonContext Output { get; } = new(Configure(JsonOutput.SerializerOptions()));

    private static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return o;
    }
}
