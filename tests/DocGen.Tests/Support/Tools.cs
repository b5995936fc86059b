namespace DocGen.Tests.Support;

/// <summary>The PDF's text as poppler extracts it.</summary>
public static class Tools
{
    /// <summary>
    /// Text in content-stream order (-raw): our painter draws in reading order, table cells row by row; pdftotext's default mode
    /// regroups cells by geometry (a vertically centred spanning label lands mid-column), which no reader of the table sees.
    /// </summary>
    public static string PdfText(string pdf)
    {
        var (code, text, err) = ProcessRunner.Run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-");
        if (code != 0) throw new InvalidOperationException($"pdftotext failed: {err}");
        return text;
    }
}
