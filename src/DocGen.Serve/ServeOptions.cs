using DocGen.Engine;

namespace DocGen.Serve;

public sealed class ServeOptions
{
    /// <summary>The data file to edit; null or a file that does not exist yet starts from the new-report page.</summary>
    public string? DataFile { get; init; }
    /// <summary>Folder for a new data file when <see cref="DataFile"/> is null.</summary>
    public string Folder { get; init; } = Directory.GetCurrentDirectory();
    /// <summary>0 asks the system for a free port.</summary>
    public int Port { get; init; }
    public required TemplateLocator Templates { get; init; }
    public required IReadOnlyList<IDocumentWriter> Writers { get; init; }
    public bool English { get; init; }
    /// <summary>Largest request body accepted: a data file is tens of KB; a 50,000-character paragraph is 150 KB.</summary>
    public long MaxBodyBytes { get; init; } = 4 * 1024 * 1024;
}
