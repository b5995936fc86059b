namespace DocGen.Model;

/// <summary>
/// One entry of <see cref="DiagnosticCatalog"/>: a stable id, its severity, the failure (and so the exit code) an error of this
/// kind causes, and what it means in Chinese and English (the README's id table is generated from these). Diagnostics are made
/// only through <see cref="Create"/> and <see cref="Fail"/>, which take the Chinese and the English message together, so every
/// diagnostic has both languages (--lang en never falls back to Chinese).
/// </summary>
public sealed record DiagnosticKind(string Id, Severity Severity, FailureKind? Failure, string MeaningZh, string MeaningEn)
{
    /// <summary>A second failure the same id may stand for (E-LAYOUT-ROW-TOO-TALL: the data's text, or the template's own).</summary>
    public FailureKind? OtherFailure { get; init; }

    /// <summary>The id names a family whose members a template defines (table rules T3-1…, continuity checks W-CHECK-…).</summary>
    public bool IsFamily { get; init; }

    /// <summary>One diagnostic of this kind; <paramref name="zh"/> and <paramref name="en"/> say the same thing.</summary>
    public Diagnostic Create(string zh, string en, string? file = null, int line = 0, int column = 0, string? jsonPath = null) =>
        new(Severity, Id, zh, file, line, column, jsonPath) { MessageEn = en };

    /// <summary>The failure that stops one document with a diagnostic of this kind (its <see cref="Failure"/>).</summary>
    public DocGenException Fail(string zh, string en, string? file = null, int line = 0, int column = 0, string? jsonPath = null, Exception? inner = null) =>
        Fail(Failure ?? throw new InvalidOperationException($"{Id} is a warning: it cannot stop a document"), zh, en, file, line, column, jsonPath, inner);

    /// <summary>As <see cref="Fail(string,string,string?,int,int,string?,Exception?)"/> with the <see cref="OtherFailure"/> when that is meant.</summary>
    public DocGenException Fail(FailureKind kind, string zh, string en, string? file = null, int line = 0, int column = 0, string? jsonPath = null, Exception? inner = null)
    {
        if (kind != Failure && kind != OtherFailure) throw new ArgumentException($"{Id} is not a failure of kind {kind} (catalog: {Failure})", nameof(kind));
        return new DocGenException(kind, [Create(zh, en, file, line, column, jsonPath)], inner);
    }
}
