using System.Text;

namespace DocGen.Model;

/// <summary>
/// Text a user wrote (a field name, an acknowledgement's reason, a label key, a file name) echoed into a message: control
/// characters and bidirectional controls are shown as escapes, so a key such as "x\nfake.json(9,9): 错误 T3-1: …" cannot print
/// a forged diagnostic line, and U+202E cannot reverse the rest of a terminal line.
/// </summary>
public static class DisplayText
{
    public static string Escape(string text)
    {
        int first = IndexOfUnsafe(text);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsUnsafe(c)) { sb.Append(c); continue; }
            sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:X4}" });
        }
        return sb.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (IsUnsafe(text[i])) return i;
        return -1;
    }

    /// <summary>C0 and C1 controls, DEL, line and paragraph separators, and the Unicode bidirectional formatting characters.</summary>
    public static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
