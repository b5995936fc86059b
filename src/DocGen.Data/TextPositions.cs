namespace DocGen.Data;

/// <summary>
/// Turns byte offsets of a UTF-8 text into the 1-based line and column an editor shows. Lines end at LF, CRLF or a lone CR
/// (classic Mac files); a column counts UTF-16 code units, as VS Code, Notepad and Notepad++ do (a Chinese character is one,
/// an emoji outside the BMP two, a tab one).
/// The reader asks for positions in increasing order, so a cursor walks forward from the last answer and a whole file costs
/// one pass, however long its lines (a minified file is one line: rescanning it per token was quadratic).
/// </summary>
public sealed class TextPositions
{
    private readonly byte[] _bytes;
    private readonly int _start;
    private readonly int _end;
    private int _offset;
    private int _line = 1;
    private int _column = 1;

    public TextPositions(byte[] bytes, int start, int end) => (_bytes, _start, _end, _offset) = (bytes, start, end, start);

    public (int Line, int Column) At(int offset)
    {
        offset = Math.Clamp(offset, _start, _end);
        if (offset < _offset) (_offset, _line, _column) = (_start, 1, 1); // rare: error messages looking back
        for (int i = _offset; i < offset; i++)
        {
            byte b = _bytes[i];
            if (b == (byte)'\r') { _line++; _column = 1; }
            else if (b == (byte)'\n') { if (i == _start || _bytes[i - 1] != (byte)'\r') { _line++; } _column = 1; }
            else if ((b & 0xC0) != 0x80) _column += b >= 0xF0 ? 2 : 1; // lead byte of a character; 4-byte ones are surrogate pairs
        }
        _offset = offset;
        return (_line, _column);
    }

    /// <summary>The offset where the line holding <paramref name="offset"/> starts.</summary>
    public int LineStart(int offset)
    {
        int i = Math.Clamp(offset, _start, _end);
        while (i > _start && _bytes[i - 1] is not ((byte)'\n' or (byte)'\r')) i--;
        return i;
    }

    /// <summary>The offset where the line holding <paramref name="offset"/> ends (before its line break).</summary>
    public int LineEnd(int offset)
    {
        int i = Math.Clamp(offset, _start, _end);
        while (i < _end && _bytes[i] is not ((byte)'\n' or (byte)'\r')) i++;
        return i;
    }
}
