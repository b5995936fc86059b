namespace DocGen.Tables;

/// <summary>
/// What a data file may hold beyond the tables' own rules: the binder refuses anything outside these limits and the schema tells
/// the editor the same limits, so the two cannot disagree.
/// </summary>
public static class FormLimits
{
    /// <summary>The earliest and latest report year accepted (a four-digit year; anything else is a typing error).</summary>
    public const int FirstYear = 1990, LastYear = 2100;

    /// <summary>A title is one to four printed lines.</summary>
    public const int MaxTitleLines = 4;

    /// <summary>Counts above this are refused as typing errors (no agency handles a billion applications).</summary>
    public const decimal MaxValue = 999_999_999m;

    /// <summary>Whether a value of this type must be a whole number (件, 次, and the signed changes).</summary>
    public static bool IsWhole(ValueType type) => type is ValueType.Count or ValueType.Signed;
}
