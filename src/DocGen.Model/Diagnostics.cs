namespace DocGen.Model;

public enum Severity { Warning, Error }

/// <summary>
/// One problem found in a data file, a template or the environment. <see cref="Id"/> is stable
/// (T3-1, E-JSON-SYNTAX, E-GLYPH-MISSING …) so pipelines can match on it; messages are for people.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Id, string Message, string? File = null, int Line = 0, int Column = 0, string? JsonPath = null)
{
    /// <summary>English text of the same message, used with --lang en; falls back to the Chinese one.</summary>
    public string? MessageEn { get; init; }

    /// <summary>A rule break the data file acknowledges (published knowingly): a batch prints these as a count unless --verbose.</summary>
    public bool Acknowledged { get; init; }

    /// <summary>Technical details for developers (an exception with its stack trace); printed only with --verbose, never in <see cref="Format"/>.</summary>
    public string? Detail { get; init; }

    public string Location => File is null ? "" : Line > 0 ? $"{File}({Line},{Column})" : File;

    public string Format(bool english = false)
    {
        string sev = english ? (Severity == Severity.Error ? "error" : "warning") : (Severity == Severity.Error ? "错误" : "警告");
        // Messages echo what the user wrote (field names, reasons, file names): escaped, so one diagnostic stays one line.
        string msg = DisplayText.Escape(english && MessageEn is not null ? MessageEn : Message);
        string where = DisplayText.Escape(Location);
        string path = JsonPath is null ? "" : english ? $" (JSON: {DisplayText.Escape(JsonPath)})" : $"（JSON 位置：{DisplayText.Escape(JsonPath)}）";
        return where.Length > 0 ? $"{where}: {sev} {Id}: {msg}{path}" : $"{sev} {Id}: {msg}{path}";
    }

    public override string ToString() => Format();
}

/// <summary>
/// What kind of failure stopped a document. Only the kind: the command line (the process boundary) turns it into an exit code
/// (DocGen.Cli's ExitCodes, the one table of the numbers).
/// </summary>
public enum FailureKind { InvalidData, Template, Font, Io, Usage, Internal }

/// <summary>A failure that stops one document. Carries all diagnostics found, never only the first.</summary>
public sealed class DocGenException : Exception
{
    public string Id { get; }
    public FailureKind Kind { get; }
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public DocGenException(FailureKind kind, IReadOnlyList<Diagnostic> diagnostics, Exception? inner = null)
        : base(string.Join(Environment.NewLine, diagnostics.Select(d => d.Format())), inner)
    {
        Kind = kind;
        Diagnostics = diagnostics;
        Id = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Id ?? DiagnosticCatalog.Unknown.Id;
    }
}
