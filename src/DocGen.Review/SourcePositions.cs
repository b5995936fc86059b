using DocGen.Data;

namespace DocGen.Review;

/// <summary>
/// Maps a character of a JSON string's value to the line and column where it stands in the file, across escapes (\" \\ \uXXXX),
/// so a finding points at the phrase itself, not at the opening quote of a paragraph 300 characters long. Columns count characters
/// (code points) from 1, as JsonPositionReader and editors do.
/// </summary>
public sealed class SourcePositions
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public SourcePositions(string text)
    {
        _text = text;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    /// <summary>The file's text, or null when it cannot be read again (then findings point at the string's start).</summary>
    public static SourcePositions? TryRead(string file)
    {
        try { return File.Exists(file) ? new SourcePositions(File.ReadAllText(file)) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>Where character <paramref name="index"/> of the string's value stands; the string's own position when the file changed.</summary>
    public (int Line, int Column) Of(JString node, int index)
    {
        var raw = RawOffsets(node);
        if (raw is null || index < 0 || index >= raw.Count) return (node.Line, node.Column);
        int offset = raw[index];
        int lineStart = _lineStarts[node.Line - 1];
        int column = 1;
        for (int i = lineStart; i < offset; i++)
            if (!char.IsLowSurrogate(_text[i])) column++;
        return (node.Line, column);
    }

    /// <summary>The file offset of each UTF-16 character of the decoded value; null when the literal there does not decode to it.</summary>
    private List<int>? RawOffsets(JString node)
    {
        if (node.Line < 1 || node.Line > _lineStarts.Count) return null;
        int i = _lineStarts[node.Line - 1];
        for (int col = 1; col < node.Column && i < _text.Length; col++)
            i += char.IsHighSurrogate(_text[i]) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]) ? 2 : 1;
        if (i >= _text.Length || _text[i] != '"') return null;
        var offsets = new List<int>(node.Value.Length);
        var decoded = new System.Text.StringBuilder(node.Value.Length);
        i++;
        while (i < _text.Length && _text[i] != '"')
        {
            if (_text[i] is '\n' or '\r') return null;
            int at = i;
            if (_text[i] != '\\') { decoded.Append(_text[i++]); offsets.Add(at); continue; }
            if (i + 1 >= _text.Length) return null;
            char e = _text[i + 1];
            if (e == 'u')
            {
                if (i + 6 > _text.Length || !int.TryParse(_text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out int code)) return null;
                decoded.Append((char)code);
                i += 6;
            }
            else
            {
                decoded.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => e });
                i += 2;
            }
            offsets.Add(at);
        }
        return decoded.ToString() == node.Value ? offsets : null;
    }
}
