namespace DocGen.Pdf.Fonts;

/// <summary>
/// Type 2 glyph programs. A subset does not keep the font's subroutines: they are shared by all 65,535 glyphs, and
/// keeping only those the subset calls, renumbered (what fontTools' subsetter does by default), is larger once deflated:
/// for the ningxia report's 797 body glyphs without hints, 176.8 KB against 155.8 KB flattened (fontTools 4.38, zlib
/// level 4), since most subroutines a few hundred glyphs call are called once and deflate finds the repeats itself.
/// So each glyph is flattened: every callsubr/callgsubr is replaced by the body it calls. The result draws exactly the
/// same outline; with <c>keepHints</c> false the stem hints and hint masks are left out too (see <see cref="CffSubsetter"/>).
/// </summary>
internal static class CharStrings
{
    private const int HStem = 1, VStem = 3, CallSubr = 10, Return = 11, Escape = 12, EndChar = 14, HStemHm = 18,
        HintMask = 19, CntrMask = 20, VStemHm = 23, ShortInt = 28, CallGSubr = 29;

    /// <summary>The glyph program with all subroutine calls inlined.</summary>
    public static byte[] Flatten(CffTable cff, int glyph, bool keepHints = true)
    {
        var state = new FlattenState(new List<byte>(256), cff.FontDictOf(glyph).LocalSubrs, cff.GlobalSubrs, cff.File, keepHints);
        try { state.Run(cff.CharStrings.Start(glyph), cff.CharStrings.End(glyph), 0); }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException)
        {
            throw new FontFormatException($"CFF 字形 {glyph} 的程序已损坏（{e.Message}）");
        }
        return [.. state.Out];
    }

    private sealed class FlattenState(List<byte> output, CffIndex local, CffIndex global, FontFile file, bool keepHints)
    {
        public readonly List<byte> Out = output;
        private int _stack, _stems, _lastNumberAt = -1, _operandsAt;
        private double _lastNumber;
        private bool _done, _widthSeen;

        /// <summary>
        /// Drops the operands of a hint operator from the output. The advance width, if the glyph gives one, is the extra
        /// first operand of its first stack-clearing operator: it stays.
        /// </summary>
        private void DropHintOperands()
        {
            int keep = _operandsAt;
            if (!_widthSeen && _stack % 2 == 1) keep += NumberLength(Out[keep]);
            Out.RemoveRange(keep, Out.Count - keep);
        }

        private void Cleared()
        {
            _stack = 0;
            _lastNumberAt = -1;
            _widthSeen = true;
            _operandsAt = Out.Count;
        }

        /// <summary>Copies the program between p and end to the output, inlining calls; an endchar anywhere ends the glyph.</summary>
        public void Run(int p, int end, int depth)
        {
            if (depth > 10) throw new FontFormatException("CFF 字形程序的子程序嵌套超过 10 层");
            file.Ensure(p, end - p);
            var b = file.Span;
            while (p < end && !_done)
            {
                int v = b[p];
                if (v >= 32 || v == ShortInt)
                {
                    int len = NumberLength(v);
                    _lastNumber = Number(b, p);
                    _lastNumberAt = Out.Count;
                    for (int k = 0; k < len; k++) Out.Add(b[p + k]);
                    p += len;
                    _stack++;
                    continue;
                }
                switch (v)
                {
                    case CallSubr or CallGSubr:
                        {
                            if (_lastNumberAt < 0 || _lastNumberAt >= Out.Count || _stack == 0) throw new FontFormatException("CFF 字形程序调用子程序时没有编号");
                            Out.RemoveRange(_lastNumberAt, Out.Count - _lastNumberAt);
                            _stack--;
                            _lastNumberAt = -1;
                            var subrs = v == CallSubr ? local : global;
                            int index = (int)_lastNumber + Bias(subrs.Count);
                            if (index < 0 || index >= subrs.Count) throw new FontFormatException("CFF 字形程序调用了不存在的子程序");
                            p++;
                            Run(subrs.Start(index), subrs.End(index), depth + 1);
                            continue;
                        }
                    case Return:
                        return;
                    case EndChar:
                        Out.Add(EndChar);
                        _done = true;
                        return;
                    case HStem or VStem or HStemHm or VStemHm:
                        _stems += _stack / 2;
                        if (!keepHints)
                        {
                            DropHintOperands();
                            p++;
                            Cleared();
                            continue;
                        }
                        break;
                    case HintMask or CntrMask:
                        {
                            _stems += _stack / 2;   // operands before a hint mask are an implied vstemhm
                            int maskBytes = (_stems + 7) / 8;
                            if (keepHints) for (int k = 0; k <= maskBytes; k++) Out.Add(b[p + k]);
                            else DropHintOperands();
                            p += 1 + maskBytes;
                            Cleared();
                            continue;
                        }
                    case Escape:
                        {
                            int op2 = b[p + 1];
                            // Arithmetic and storage operators would make the operand count (and so the hint count) unknowable.
                            if (op2 is not (0 or 34 or 35 or 36 or 37)) throw new FontFormatException($"CFF 字形程序使用了不支持的运算符 12 {op2}");
                            Out.Add(b[p]); Out.Add(b[p + 1]);
                            p += 2;
                            Cleared();
                            continue;
                        }
                }
                Out.Add((byte)v);
                p++;
                Cleared();
            }
        }
    }

    /// <summary>Subroutine numbers are stored minus a bias that depends on how many there are.</summary>
    private static int Bias(int count) => count < 1240 ? 107 : count < 33900 ? 1131 : 32768;

    /// <summary>Bytes of the number whose first byte is <paramref name="v"/> (28: int16, 32–246: one byte, 247–254: two, 255: 16.16 fixed).</summary>
    private static int NumberLength(int v) => v == ShortInt ? 3 : v <= 246 ? 1 : v <= 254 ? 2 : 5;

    private static double Number(ReadOnlySpan<byte> b, int p)
    {
        int v = b[p];
        if (v == ShortInt) return Be.S16(b, p + 1);
        if (v <= 246) return v - 139;
        if (v <= 250) return (v - 247) * 256 + b[p + 1] + 108;
        if (v <= 254) return -(v - 251) * 256 - b[p + 1] - 108;
        return (int)Be.U32(b, p + 1) / 65536.0;
    }

    /// <summary>
    /// The glyph's box (font units) from the points of its flattened program, control points included: at most a hair
    /// wider than the ink at a curve's extreme, which is enough to place a pause mark. Null for an empty glyph.
    /// </summary>
    public static (double XMin, double YMin, double XMax, double YMax)? Bounds(ReadOnlySpan<byte> flat)
    {
        var args = new List<double>(48);
        double x = 0, y = 0, xMin = double.MaxValue, yMin = double.MaxValue, xMax = double.MinValue, yMax = double.MinValue;
        int stems = 0;
        bool widthSeen = false, any = false;
        void Point(double px, double py)
        {
            any = true;
            xMin = Math.Min(xMin, px); xMax = Math.Max(xMax, px);
            yMin = Math.Min(yMin, py); yMax = Math.Max(yMax, py);
        }
        void Move(double dx, double dy) { x += dx; y += dy; Point(x, y); }
        void Line(double dx, double dy) { x += dx; y += dy; Point(x, y); }
        // A width, if present, is the first operand of the first stack-clearing operator when the count is one too many.
        void DropWidth(int expectedParity)
        {
            if (!widthSeen && args.Count % 2 != expectedParity && args.Count > 0) args.RemoveAt(0);
            widthSeen = true;
        }

        int p = 0;
        while (p < flat.Length)
        {
            int v = flat[p];
            if (v >= 32 || v == ShortInt)
            {
                args.Add(Number(flat, p));
                p += NumberLength(v);
                continue;
            }
            p++;
            switch (v)
            {
                case HStem or VStem or HStemHm or VStemHm:
                    DropWidth(0);
                    stems += args.Count / 2;
                    break;
                case HintMask or CntrMask:
                    DropWidth(0);
                    stems += args.Count / 2;
                    p += (stems + 7) / 8;
                    break;
                case 21: // rmoveto
                    DropWidth(0);
                    Move(args[^2], args[^1]);
                    break;
                case 22: // hmoveto
                    DropWidth(1);
                    Move(args[^1], 0);
                    break;
                case 4: // vmoveto
                    DropWidth(1);
                    Move(0, args[^1]);
                    break;
                case 5: // rlineto
                    for (int i = 0; i + 1 < args.Count; i += 2) Line(args[i], args[i + 1]);
                    break;
                case 6 or 7: // hlineto, vlineto: alternating directions
                    {
                        bool horizontal = v == 6;
                        foreach (var d in args) { if (horizontal) Line(d, 0); else Line(0, d); horizontal = !horizontal; }
                        break;
                    }
                case 8: // rrcurveto
                    for (int i = 0; i + 5 < args.Count; i += 6) Curve(args[i], args[i + 1], args[i + 2], args[i + 3], args[i + 4], args[i + 5]);
                    break;
                case 24: // rcurveline
                    {
                        int i = 0;
                        for (; i + 5 < args.Count - 2; i += 6) Curve(args[i], args[i + 1], args[i + 2], args[i + 3], args[i + 4], args[i + 5]);
                        if (i + 1 < args.Count) Line(args[i], args[i + 1]);
                        break;
                    }
                case 25: // rlinecurve
                    {
                        int i = 0;
                        for (; i + 1 < args.Count - 6; i += 2) Line(args[i], args[i + 1]);
                        if (i + 5 < args.Count) Curve(args[i], args[i + 1], args[i + 2], args[i + 3], args[i + 4], args[i + 5]);
                        break;
                    }
                case 26: // vvcurveto
                    {
                        int i = 0;
                        double dx1 = 0;
                        if (args.Count % 4 == 1) dx1 = args[i++];
                        for (; i + 3 < args.Count; i += 4) { Curve(dx1, args[i], args[i + 1], args[i + 2], 0, args[i + 3]); dx1 = 0; }
                        break;
                    }
                case 27: // hhcurveto
                    {
                        int i = 0;
                        double dy1 = 0;
                        if (args.Count % 4 == 1) dy1 = args[i++];
                        for (; i + 3 < args.Count; i += 4) { Curve(args[i], dy1, args[i + 1], args[i + 2], args[i + 3], 0); dy1 = 0; }
                        break;
                    }
                case 30 or 31: // vhcurveto, hvcurveto: alternating start tangents, an optional last delta
                    {
                        bool horizontal = v == 31;
                        for (int i = 0; i + 3 < args.Count; i += 4)
                        {
                            double last = args.Count - i == 5 ? args[i + 4] : 0;
                            if (horizontal) Curve(args[i], 0, args[i + 1], args[i + 2], last, args[i + 3]);
                            else Curve(0, args[i], args[i + 1], args[i + 2], args[i + 3], last);
                            horizontal = !horizontal;
                        }
                        break;
                    }
                case EndChar:
                    DropWidth(0);
                    p = flat.Length;
                    break;
                case Escape:
                    {
                        int op2 = flat[p++];
                        var a = args;
                        switch (op2)
                        {
                            case 35: // flex
                                Curve(a[0], a[1], a[2], a[3], a[4], a[5]); Curve(a[6], a[7], a[8], a[9], a[10], a[11]);
                                break;
                            case 34: // hflex
                                Curve(a[0], 0, a[1], a[2], a[3], 0); Curve(a[4], 0, a[5], -a[2], a[6], 0);
                                break;
                            case 36: // hflex1
                                Curve(a[0], a[1], a[2], a[3], a[4], 0); Curve(a[5], 0, a[6], a[7], a[8], -(a[1] + a[3] + a[7]));
                                break;
                            case 37: // flex1: the last point moves along the longer axis only
                                {
                                    double dx = a[0] + a[2] + a[4] + a[6] + a[8], dy = a[1] + a[3] + a[5] + a[7] + a[9];
                                    bool alongX = Math.Abs(dx) > Math.Abs(dy);
                                    Curve(a[0], a[1], a[2], a[3], a[4], a[5]);
                                    Curve(a[6], a[7], a[8], a[9], alongX ? a[10] : -dx, alongX ? -dy : a[10]);
                                    break;
                                }
                        }
                        break;
                    }
            }
            args.Clear();
        }
        return any ? (xMin, yMin, xMax, yMax) : null;

        void Curve(double dx1, double dy1, double dx2, double dy2, double dx3, double dy3)
        {
            Line(dx1, dy1);
            Line(dx2, dy2);
            Line(dx3, dy3);
        }
    }
}
