namespace DocGen.Data;

/// <summary>What the reader found wrong, decided from the bytes (never from a library's message text).</summary>
internal enum SyntaxProblem
{
    Empty,
    TrailingContent,
    UnexpectedEnd,
    UnexpectedClose,
    MismatchedClose,
    ExpectedValue,
    ExpectedPropertyName,
    ExpectedColon,
    MissingComma,
    ExpectedCommaOrClose,
    UnclosedString,
    ControlCharInString,
    BadEscape,
    LoneSurrogate,
    BadNumber,
    UnclosedComment,
    TooDeep,
}

/// <summary>A syntax error at a byte offset, with what the clerk needs to find its cause (offsets into the file's bytes, -1 when unknown).</summary>
internal sealed class JsonSyntaxError(SyntaxProblem problem, int offset) : Exception(problem.ToString())
{
    public SyntaxProblem Problem { get; } = problem;
    public int Offset { get; } = offset;

    /// <summary>The bracket, quote or comment that is still open (where a string, object or comment began).</summary>
    public int Opened { get; init; } = -1;

    /// <summary>Just after the value or key read before the failure (where a missing comma or colon belongs).</summary>
    public int Previous { get; init; } = -1;

    /// <summary>The value before the failure was a string: text glued to it means a " typed inside the text ended it early.</summary>
    public bool AfterString { get; init; }

    /// <summary>The lone surrogate of a \uD800-style escape.</summary>
    public char Code { get; init; }
}

/// <summary>The same key twice in one object: JSON leaves the winner undefined, so the file is refused rather than guessed.</summary>
internal sealed class JsonDuplicateKeyError(string name, int offset, JProperty first, string path) : Exception("duplicate key")
{
    public string Name { get; } = name;
    public int Offset { get; } = offset;
    public JProperty First { get; } = first;
    public string Path { get; } = path;
}
