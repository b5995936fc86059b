using System.Diagnostics;

namespace DocGen.Tests.Support;

/// <summary>Runs the external checkers (pdftotext, qpdf, soffice) the way a person would, capturing stdout.</summary>
public static class Tools
{
    public static (int Code, string Stdout, string Stderr) Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }

    /// <summary>
    /// Text in content-stream order (-raw): our painter draws in reading order, table cells row by row; pdftotext's default mode
    /// regroups cells by geometry (a vertically centred spanning label lands mid-column), which no reader of the table sees.
    /// </summary>
    public static string PdfText(string pdf)
    {
        var (code, text, err) = Run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-");
        if (code != 0) throw new InvalidOperationException($"pdftotext failed: {err}");
        return text;
    }
}
