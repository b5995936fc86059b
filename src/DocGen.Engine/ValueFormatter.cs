using System.Globalization;
using DocGen.Data;
using DocGen.Templates;

namespace DocGen.Engine;

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
                Templates.ValueType.Signed => v > 0 ? "+" + v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0", CultureInfo.InvariantCulture),
                Templates.ValueType.Count => v.ToString("0", CultureInfo.InvariantCulture),
                _ => v.ToString(CultureInfo.InvariantCulture),
            };
        }
        return result;
    }
}
