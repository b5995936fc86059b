namespace DocGen.Data;

/// <summary>
/// A JSON value that remembers where it stood in the file (1-based line and column, in characters) and its path
/// (tables.applications.newReceived.naturalPerson), so every message can point the clerk at the exact place.
/// </summary>
public abstract record JNode(int Line, int Column, string Path);

public sealed record JObject(int Line, int Column, string Path, IReadOnlyList<JProperty> Properties) : JNode(Line, Column, Path)
{
    private Dictionary<string, JProperty>? _byName;

    /// <summary>The value of a key; objects with many keys (a hostile file may have a million) are looked up through an index.</summary>
    public JNode? this[string name]
    {
        get
        {
            if (Properties.Count < 16) return Properties.FirstOrDefault(p => p.Name == name)?.Value;
            if (_byName is null)
            {
                var index = new Dictionary<string, JProperty>(Properties.Count, StringComparer.Ordinal);
                foreach (var p in Properties) index.TryAdd(p.Name, p);
                _byName = index;
            }
            return _byName.TryGetValue(name, out var found) ? found.Value : null;
        }
    }
}

public sealed record JProperty(string Name, int Line, int Column, JNode Value);

public sealed record JArray(int Line, int Column, string Path, IReadOnlyList<JNode> Items) : JNode(Line, Column, Path);

public sealed record JString(int Line, int Column, string Path, string Value) : JNode(Line, Column, Path);

/// <summary>A number kept as its source text, so 118.593 stays 118.593 and 1e3 or 3.0 can be judged as the clerk typed them.</summary>
public sealed record JNumber(int Line, int Column, string Path, string Text) : JNode(Line, Column, Path);

public sealed record JBool(int Line, int Column, string Path, bool Value) : JNode(Line, Column, Path);

public sealed record JNull(int Line, int Column, string Path) : JNode(Line, Column, Path);

public static class JNodeText
{
    public static string TypeName(JNode n) => n switch
    {
        JObject => "对象",
        JArray => "数组",
        JString => "字符串",
        JNumber => "数字",
        JBool => "布尔值",
        _ => "null",
    };

    /// <summary>The English of <see cref="TypeName"/>, with its article ("an object").</summary>
    public static string TypeNameEn(JNode n) => n switch
    {
        JObject => "an object",
        JArray => "an array",
        JString => "a string",
        JNumber => "a number",
        JBool => "a boolean",
        _ => "null",
    };

    public static string Child(string path, string name) =>
        path.Length == 0 ? name : IsIdentifier(name) ? $"{path}.{name}" : $"{path}[\"{name}\"]";

    public static string Index(string path, int i) => $"{path}[{i}]";

    private static bool IsIdentifier(string s) => s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '$');
}
