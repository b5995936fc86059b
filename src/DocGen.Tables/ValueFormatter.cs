using System.Globalization;

namespace DocGen.Tables;

/// <summary>How a value prints in its cell: counts as integers, amounts as typed (118.593), signed changes with their sign (+1, -1, 0).</summary>
public static class ValueFormatter
{
    public static IReadOnlyDictionary<(string Row, string Column), string> Format(TableDefinition def, TableValues values)
    {
        var result = new Dictionary<(string, string), string>();
        foreach (var (key, text) in values.Texts) result[key] = text;
        foreach (var (key, v) in values.Numbers)
        {
            result[key] = def.TypeOf(key.Row, key.Column) switch
            {
                ValueType.Signed => v > 0 ? "+" + v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0", CultureInfo.InvariantCulture),
                ValueType.Count => v.ToString("0", CultureInfo.InvariantCulture),
                _ => v.ToString(CultureInfo.InvariantCulture),
            };
        }
        return result;
    }

    /// <summary>A number as the clerk typed it, in messages (invariant: 118.593, never 118,593).</summary>
    public static string Plain(decimal v) => v.ToString(CultureInfo.InvariantCulture);
}
