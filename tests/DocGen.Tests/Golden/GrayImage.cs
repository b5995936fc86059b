using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DocGen.Tests.Golden;

/// <summary>
/// A grayscale page, 0 black … 255 white: read from the binary PGM `pdftoppm -gray` writes, stored as a 4-bit grayscale PNG (16
/// levels, a quarter of the 8-bit file's size; the comparison's tolerance is four times a level). Only the PNGs this class writes
/// are read back (colour type 0, bit depth 4 or 8, no interlace); anything else is refused.
/// </summary>
internal sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static GrayImage ReadPng(string path)
    {
        var file = File.ReadAllBytes(path);
        if (!file.AsSpan(0, Math.Min(8, file.Length)).SequenceEqual(Signature)) throw new InvalidDataException(path + " is not a PNG file");
        int width = 0, height = 0, depth = 8;
        using var idat = new MemoryStream();
        for (int pos = 8; pos + 8 <= file.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            string type = Encoding.ASCII.GetString(file, pos + 4, 4);
            var data = file.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                depth = data[8];
                if (depth is not (4 or 8) || data[9] != 0 || data[12] != 0)
                    throw new InvalidDataException($"{path}: only 4- or 8-bit grayscale PNG without interlace is read (bit depth {data[8]}, colour type {data[9]})");
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        int stride = (width * depth + 7) / 8;
        var rows = Unfilter(inflated.GetBuffer(), stride, height);
        if (depth == 8) return new GrayImage(width, height, rows);
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                pixels[y * width + x] = (byte)(((rows[y * stride + x / 2] >> (x % 2 == 0 ? 4 : 0)) & 0xF) * 17);
        return new GrayImage(width, height, pixels);
    }

    /// <summary>Binary PGM (P5, 8 bit), what `pdftoppm -gray` writes.</summary>
    public static GrayImage ReadPgm(string path)
    {
        var b = File.ReadAllBytes(path);
        int pos = 0;
        string Token()
        {
            while (pos < b.Length && (char.IsWhiteSpace((char)b[pos]) || b[pos] == '#'))
            {
                if (b[pos] == '#') while (pos < b.Length && b[pos] != '\n') pos++;
                else pos++;
            }
            int start = pos;
            while (pos < b.Length && !char.IsWhiteSpace((char)b[pos])) pos++;
            return Encoding.ASCII.GetString(b, start, pos - start);
        }
        if (Token() != "P5") throw new InvalidDataException(path + " is not a binary PGM");
        int w = int.Parse(Token(), CultureInfo.InvariantCulture), h = int.Parse(Token(), CultureInfo.InvariantCulture);
        if (Token() != "255") throw new InvalidDataException(path + " is not 8-bit");
        pos++;
        return new GrayImage(w, h, b.AsSpan(pos, w * h).ToArray());
    }

    /// <summary>The page as stored: each pixel rounded to the nearest of 16 levels (0, 17, … 255).</summary>
    public GrayImage ToSixteenLevels() => this with { Pixels = Pixels.Select(v => (byte)((v + 8) / 17 * 17)).ToArray() };

    /// <summary>Writes a 4-bit grayscale PNG (two pixels a byte); pixels are rounded to 16 levels as <see cref="ToSixteenLevels"/> does.</summary>
    public void WritePng(string path)
    {
        int stride = (Width + 1) / 2;
        var packed = new byte[stride * Height];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                packed[y * stride + x / 2] |= (byte)((Pixels[y * Width + x] + 8) / 17 << (x % 2 == 0 ? 4 : 0));
        WritePng(path, Width, Height, stride, packed, depth: 4, colourType: 0, palette: null);
    }

    /// <summary>Undoes the per-row PNG filters (none, sub, up, average, Paeth); bytes, as PNG filters them below 8 bits a pixel.</summary>
    private static byte[] Unfilter(byte[] raw, int width, int height)
    {
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (width + 1)];
            var src = raw.AsSpan(y * (width + 1) + 1, width);
            var row = pixels.AsSpan(y * width, width);
            var up = y > 0 ? pixels.AsSpan((y - 1) * width, width) : new byte[width];
            for (int x = 0; x < width; x++)
            {
                int a = x > 0 ? row[x - 1] : 0, b = up[x], c = x > 0 ? up[x - 1] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter} in row {y}"),
                };
                row[x] = (byte)(src[x] + predictor);
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Writes an 8-bit palette PNG: one palette index a pixel, <paramref name="palette"/> as RGB triples.</summary>
    public static void WritePalettePng(string path, int width, int height, byte[] indices, byte[] palette) =>
        WritePng(path, width, height, width, indices, depth: 8, colourType: 3, palette);

    /// <summary>Rows unfiltered (filter 0: text pages compress best so) and deflated at the smallest size.</summary>
    private static void WritePng(string path, int width, int height, int stride, byte[] rows, byte depth, byte colourType, byte[]? palette)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
            for (int y = 0; y < height; y++)
            {
                z.WriteByte(0);
                z.Write(rows, y * stride, stride);
            }
        using var png = File.Create(path);
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = depth;
        header[9] = colourType;
        WriteChunk(png, "IHDR", header);
        if (palette is not null) WriteChunk(png, "PLTE", palette);
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", []);
    }

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        s.Write(word);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] bytes)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
