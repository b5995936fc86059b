using System.Text;

namespace DocGen.Data;

/// <summary>
/// A JSON reader written for DocGen's data files rather than System.Text.Json's Utf8JsonReader, because the clerk must be
/// told what went wrong in their words: every failure is found here, from the bytes, with what was open where
/// (<see cref="JsonSyntaxError"/>), and nothing depends on a library's English exception text. It accepts // and /* */
/// comments and trailing commas (files are edited by hand), refuses everything else standard JSON refuses, and runs in one pass:
/// positions come from a forward-only cursor and duplicate keys are found with a hash set per object.
/// </summary>
internal sealed class JsonParser
{
    /// <summary>Containers deeper than this are refused: a data file has five levels, a deep file is an attack or an accident.</summary>
    public const int MaxDepth = 64;

    /// <summary>How many values are read between two looks at the cancellation token (a few microseconds of work).</summary>
    private const int CancelCheckInterval = 4096;

    /// <summary>Objects with more keys than this find duplicates with a hash set; smaller ones by comparing (cheaper).</summary>
    private const int HashSetFrom = 16;

    private readonly byte[] _b;
    private readonly int _end;
    private readonly TextPositions _positions;
    private readonly CancellationToken _cancel;
    private int _pos;
    private int _depth;
    private int _untilCancelCheck = CancelCheckInterval;

    public JsonParser(byte[] bytes, int start, int end, TextPositions positions, CancellationToken cancel)
    {
        (_b, _pos, _end, _positions, _cancel) = (bytes, start, end, positions, cancel);
    }

    /// <summary>The one value of the file; throws <see cref="JsonSyntaxError"/> or <see cref="JsonDuplicateKeyError"/>.</summary>
    public JNode ReadDocument()
    {
        int start = _pos;
        SkipSpace();
        if (_pos >= _end) throw new JsonSyntaxError(SyntaxProblem.Empty, start);
        var root = ReadValue("");
        int valueEnd = _pos;
        SkipSpace();
        if (_pos < _end) throw new JsonSyntaxError(SyntaxProblem.TrailingContent, _pos) { Previous = valueEnd };
        return root;
    }

    private JNode ReadValue(string path)
    {
        if (--_untilCancelCheck == 0)
        {
            _cancel.ThrowIfCancellationRequested();
            _untilCancelCheck = CancelCheckInterval;
        }
        int start = _pos;
        var (line, col) = _positions.At(start);
        byte c = _b[_pos];
        switch (c)
        {
            case (byte)'{': return ReadObject(path, line, col);
            case (byte)'[': return ReadArray(path, line, col);
            case (byte)'"': return new JString(line, col, path, ReadString());
            case (byte)'t': ReadLiteral("true"u8); return new JBool(line, col, path, true);
            case (byte)'f': ReadLiteral("false"u8); return new JBool(line, col, path, false);
            case (byte)'n': ReadLiteral("null"u8); return new JNull(line, col, path);
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'): return new JNumber(line, col, path, ReadNumber());
            default: throw new JsonSyntaxError(c is (byte)'}' or (byte)']' ? SyntaxProblem.UnexpectedClose : SyntaxProblem.ExpectedValue, start);
        }
    }

    private JObject ReadObject(string path, int line, int col)
    {
        int open = _pos++;
        Enter(open);
        var props = new List<JProperty>();
        HashSet<string>? names = null;
        SkipSpace();
        while (true)
        {
            if (_pos >= _end) throw new JsonSyntaxError(SyntaxProblem.UnexpectedEnd, _pos) { Opened = open };
            if (_b[_pos] == (byte)'}') break;
            if (_b[_pos] != (byte)'"')
                throw new JsonSyntaxError(_b[_pos] == (byte)']' ? SyntaxProblem.MismatchedClose : SyntaxProblem.ExpectedPropertyName, _pos) { Opened = open };
            int keyAt = _pos;
            var (pl, pc) = _positions.At(keyAt);
            string name = ReadString();
            if (IsDuplicate(props, ref names, name, out var first))
                throw new JsonDuplicateKeyError(name, keyAt, first!, JNodeText.Child(path, name));
            int afterKey = _pos;
            SkipSpace();
            if (_pos >= _end) throw new JsonSyntaxError(SyntaxProblem.UnexpectedEnd, _pos) { Opened = open };
            if (_b[_pos] != (byte)':') throw new JsonSyntaxError(SyntaxProblem.ExpectedColon, _pos) { Previous = afterKey };
            _pos++;
            SkipSpace();
            if (_pos >= _end) throw new JsonSyntaxError(SyntaxProblem.UnexpectedEnd, _pos) { Opened = open };
            props.Add(new JProperty(name, pl, pc, ReadValue(JNodeText.Child(path, name))));
            if (!AfterMember(open, (byte)'}')) break;
        }
        _pos++;
        _depth--;
        return new JObject(line, col, path, props);
    }

    private JArray ReadArray(string path, int line, int col)
    {
        int open = _pos++;
        Enter(open);
        var items = new List<JNode>();
        SkipSpace();
        while (true)
        {
            if (_pos >= _end) throw new JsonSyntaxError(SyntaxProblem.UnexpectedEnd, _pos) { Opened = open };
            if (_b[_pos] == (byte)']') break;
            if (_b[_pos] == (byte)'}') throw new JsonSyntaxError(SyntaxProblem.MismatchedClose, _pos) { Opened = open };
            items.Add(ReadValue(JNodeText.Index(path, items.Count)));
            if (!AfterMember(open, (byte)']')) break;
        }
        _pos++;
        _depth--;
        return new JArray(line, col, path, items);
    }

    /// <summary>After a member: true when a comma says another may follow, false at the closing bracket (left unread).</summary>
    private bool AfterMember(int open, byte close)
    {
        int valueEnd = _pos;
        bool afterString = _b[valueEnd - 1] == (byte)'"';
        SkipSpace();
        if (_pos >= _end) throw new JsonSyntaxError(SyntaxProblem.UnexpectedEnd, _pos) { Opened = open };
        byte c = _b[_pos];
        if (c == close) return false;
        if (c == (byte)',')
        {
            _pos++;
            SkipSpace();
            return true; // a trailing comma before the bracket is accepted: the loop then sees the bracket
        }
        if (c is (byte)'}' or (byte)']') throw new JsonSyntaxError(SyntaxProblem.MismatchedClose, _pos) { Opened = open };
        // Straight after a string, text that is not a delimiter usually means the string ended early at a " typed inside it.
        bool glued = afterString && valueEnd == _pos;
        throw new JsonSyntaxError(StartsValue(c) && !glued ? SyntaxProblem.MissingComma : SyntaxProblem.ExpectedCommaOrClose, _pos)
        { Opened = open, Previous = valueEnd, AfterString = afterString };
    }

    private static bool StartsValue(byte c) =>
        c is (byte)'"' or (byte)'{' or (byte)'[' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n';

    private void Enter(int open)
    {
        if (++_depth > MaxDepth) throw new JsonSyntaxError(SyntaxProblem.TooDeep, open);
    }

    private bool IsDuplicate(List<JProperty> props, ref HashSet<string>? names, string name, out JProperty? first)
    {
        first = null;
        if (names is null && props.Count >= HashSetFrom) names = new HashSet<string>(props.Select(p => p.Name), StringComparer.Ordinal);
        if (names is null ? props.Exists(p => p.Name == name) : !names.Add(name))
        {
            first = props.Find(p => p.Name == name); // once, on the way to refusing the file
            return true;
        }
        return false;
    }

    private string ReadString()
    {
        int open = _pos++;
        int runStart = _pos;
        StringBuilder? sb = null;
        while (true)
        {
            int rel = _b.AsSpan(_pos, _end - _pos).IndexOfAny((byte)'"', (byte)'\\');
            int stop = rel < 0 ? _end : _pos + rel;
            int control = _b.AsSpan(_pos, stop - _pos).IndexOfAnyInRange((byte)0, (byte)0x1F);
            if (control >= 0)
            {
                int at = _pos + control;
                throw new JsonSyntaxError(_b[at] is (byte)'\n' or (byte)'\r' ? SyntaxProblem.UnclosedString : SyntaxProblem.ControlCharInString, at) { Opened = open };
            }
            if (stop >= _end) throw new JsonSyntaxError(SyntaxProblem.UnclosedString, _end) { Opened = open };
            if (_b[stop] == (byte)'"')
            {
                string run = Encoding.UTF8.GetString(_b, runStart, stop - runStart);
                _pos = stop + 1;
                return sb is null ? run : sb.Append(run).ToString();
            }
            sb ??= new StringBuilder();
            sb.Append(Encoding.UTF8.GetString(_b, runStart, stop - runStart));
            _pos = stop;
            ReadEscape(sb, open);
            runStart = _pos;
        }
    }

    private void ReadEscape(StringBuilder sb, int open)
    {
        int at = _pos;
        if (at + 1 >= _end) throw new JsonSyntaxError(SyntaxProblem.UnclosedString, _end) { Opened = open };
        byte e = _b[at + 1];
        _pos = at + 2;
        switch (e)
        {
            case (byte)'"': sb.Append('"'); return;
            case (byte)'\\': sb.Append('\\'); return;
            case (byte)'/': sb.Append('/'); return;
            case (byte)'b': sb.Append('\b'); return;
            case (byte)'f': sb.Append('\f'); return;
            case (byte)'n': sb.Append('\n'); return;
            case (byte)'r': sb.Append('\r'); return;
            case (byte)'t': sb.Append('\t'); return;
            case (byte)'u':
                char unit = ReadHex4(at, open);
                if (char.IsHighSurrogate(unit) && _pos + 1 < _end && _b[_pos] == (byte)'\\' && _b[_pos + 1] == (byte)'u')
                {
                    int second = _pos;
                    char low = ReadHex4(second, open);
                    if (char.IsLowSurrogate(low)) { sb.Append(unit).Append(low); return; }
                    throw new JsonSyntaxError(SyntaxProblem.LoneSurrogate, at) { Opened = open, Code = unit };
                }
                if (char.IsSurrogate(unit)) throw new JsonSyntaxError(SyntaxProblem.LoneSurrogate, at) { Opened = open, Code = unit };
                sb.Append(unit);
                return;
            default:
                throw new JsonSyntaxError(SyntaxProblem.BadEscape, at) { Opened = open };
        }
    }

    private char ReadHex4(int escapeAt, int open)
    {
        int value = 0;
        _pos = escapeAt + 2;
        for (int i = 0; i < 4; i++, _pos++)
        {
            int d = _pos < _end ? HexDigit(_b[_pos]) : -1;
            if (d < 0) throw new JsonSyntaxError(SyntaxProblem.BadEscape, escapeAt) { Opened = open };
            value = value * 16 + d;
        }
        return (char)value;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>JSON numbers: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, followed by a delimiter (not 5件 or 07).</summary>
    private string ReadNumber()
    {
        int start = _pos;
        if (Peek() == '-') _pos++;
        if (Peek() == '0') _pos++;
        else if (!Digits()) throw new JsonSyntaxError(SyntaxProblem.BadNumber, start);
        if (Peek() == '.') { _pos++; if (!Digits()) throw new JsonSyntaxError(SyntaxProblem.BadNumber, start); }
        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-') _pos++;
            if (!Digits()) throw new JsonSyntaxError(SyntaxProblem.BadNumber, start);
        }
        // A well-formed number glued to what follows: Previous marks where it ended (a full-width ，typed after 2023).
        if (_pos < _end && !IsDelimiter(_b[_pos])) throw new JsonSyntaxError(SyntaxProblem.BadNumber, start) { Previous = _pos };
        return Encoding.ASCII.GetString(_b, start, _pos - start);
    }

    private bool Digits()
    {
        int from = _pos;
        while (_pos < _end && _b[_pos] is >= (byte)'0' and <= (byte)'9') _pos++;
        return _pos > from;
    }

    private char Peek() => _pos < _end ? (char)_b[_pos] : '\0';

    private static bool IsDelimiter(byte c) =>
        c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)'}' or (byte)']' or (byte)'/';

    private void ReadLiteral(ReadOnlySpan<byte> word)
    {
        int start = _pos;
        int n = word.Length;
        if (_end - _pos < n || !_b.AsSpan(_pos, n).SequenceEqual(word))
            throw new JsonSyntaxError(SyntaxProblem.ExpectedValue, start);
        if (_pos + n < _end && !IsDelimiter(_b[_pos + n]))
            throw new JsonSyntaxError(SyntaxProblem.ExpectedValue, start) { Previous = _pos + n };
        _pos += n;
    }

    /// <summary>Skips whitespace and comments.</summary>
    private void SkipSpace()
    {
        while (_pos < _end)
        {
            byte c = _b[_pos];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') { _pos++; continue; }
            if (c != (byte)'/' || _pos + 1 >= _end) return;
            if (_b[_pos + 1] == (byte)'/')
            {
                int rel = _b.AsSpan(_pos, _end - _pos).IndexOfAny((byte)'\n', (byte)'\r');
                _pos = rel < 0 ? _end : _pos + rel;
            }
            else if (_b[_pos + 1] == (byte)'*')
            {
                int rel = _b.AsSpan(_pos + 2, _end - _pos - 2).IndexOf("*/"u8);
                if (rel < 0) throw new JsonSyntaxError(SyntaxProblem.UnclosedComment, _end) { Opened = _pos };
                _pos += 2 + rel + 2;
            }
            else return;
        }
    }
}
