using System.Diagnostics;
using DocGen.Tests.Support;

namespace DocGen.Tests.Docx;

/// <summary>
/// Converts DOCX to PDF with LibreOffice (headless, a private profile per call, the shared CJK font aliases) and runs
/// poppler's pdftotext. These checks look at the document as a reader renders it, not at its XML.
/// </summary>
internal static class LibreOffice
{
    private static int _counter;

    public static string? Soffice { get; } = Locate();

    /// <summary>CI must run these tests (it installs LibreOffice); elsewhere they are skipped when soffice is missing.</summary>
    public static string? SkipReason =>
        Soffice is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? "LibreOffice (soffice) is not installed and CI is not set"
            : null;

    public static string ConvertToPdf(byte[] docx, string name)
    {
        if (Soffice is null) throw new InvalidOperationException("soffice not found on PATH, but CI is set: LibreOffice tests must run in CI");
        string dir = Path.Combine(Path.GetTempPath(), $"docgen-docx-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}");
        string profile = Path.Combine(dir, "profile");
        Directory.CreateDirectory(dir);
        string input = Path.Combine(dir, name + ".docx");
        File.WriteAllBytes(input, docx);

        var psi = ProcessRunner.Info(Soffice, "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--headless", "--convert-to", "pdf", "--outdir", dir, input);
        string fontAliases = Path.Combine(Repo.SharedSpec, "libreoffice-fonts.conf");
        if (File.Exists(fontAliases)) psi.Environment["FONTCONFIG_FILE"] = fontAliases;

        string output;
        try
        {
            output = Run(psi, TimeSpan.FromMinutes(3));
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, recursive: true);
        }
        string pdf = Path.Combine(dir, name + ".pdf");
        Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF: " + output);
        return pdf;
    }

    /// <summary>Removes the folder a conversion wrote into.</summary>
    public static void DeleteOutput(string pdf)
    {
        string? dir = Path.GetDirectoryName(pdf);
        if (dir is not null && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    public static string PdfToText(string pdf, params string[] options)
    {
        return Run(ProcessRunner.Info("pdftotext", [.. options, pdf, "-"]), TimeSpan.FromMinutes(1));
    }

    private static string Run(ProcessStartInfo psi, TimeSpan timeout)
    {
        var result = ProcessRunner.Run(psi, timeout);
        Assert.True(result.ExitCode == 0, $"{psi.FileName} exited with {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }

    private static string? Locate()
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/lib/libreoffice/program").Append("/opt/libreoffice/program");
        foreach (var dir in dirs)
        {
            string candidate = Path.Combine(dir, "soffice");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that needs LibreOffice: skipped only where soffice is absent and CI is not set.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (LibreOffice.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs LibreOffice: skipped only where soffice is absent and CI is not set.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (LibreOffice.SkipReason is { } reason) Skip = reason;
    }
}
