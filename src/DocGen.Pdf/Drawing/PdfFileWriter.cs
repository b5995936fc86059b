using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace DocGen.Pdf.Drawing;

/// <summary>
/// The PDF file itself: numbered objects, the header with its binary comment line, and a
/// cross-reference stream. Dictionaries and arrays are packed, compressed, into object streams: the structure
/// tree of a tagged report is thousands of small dictionaries that would otherwise be written out uncompressed. Streams
/// are written as indirect objects with an exact /Length. Nothing here depends on the clock or on hashing order, so the
/// same objects always give the same bytes.
/// </summary>
internal sealed class PdfFileWriter
{
    /// <summary>Objects per object stream; qpdf packs 100. Larger streams compress a little better and cost nothing to read here.</summary>
    private const int ObjectsPerStream = 200;

    private readonly List<Entry?> _objects = [null];   // object 0 is the head of the free list

    private sealed record Entry(string Body, byte[]? Data);

    /// <summary>Reserves the next object number, for an object written later (fonts, pages referred to before they are complete).</summary>
    public int Reserve()
    {
        _objects.Add(null);
        return _objects.Count - 1;
    }

    /// <summary>Writes a dictionary or array as object <paramref name="number"/>; it goes into an object stream.</summary>
    public void Set(int number, string body) => _objects[number] = new Entry(body, null);

    public int Add(string body)
    {
        int n = Reserve();
        Set(n, body);
        return n;
    }

    /// <summary>
    /// Writes a stream object: <paramref name="dictionaryEntries"/> are the keys other than /Length (which is written
    /// here, exact), e.g. "/Filter /FlateDecode".
    /// </summary>
    public void SetStream(int number, string dictionaryEntries, byte[] data) => _objects[number] = new Entry(dictionaryEntries, data);

    public int AddStream(string dictionaryEntries, byte[] data)
    {
        int n = Reserve();
        SetStream(n, dictionaryEntries, data);
        return n;
    }

    public static string Ref(int number) => number.ToString(CultureInfo.InvariantCulture) + " 0 R";

    /// <summary>Writes the file: header, stream objects, object streams, cross-reference stream, trailer keys in it.</summary>
    /// <param name="trailer">Trailer entries besides /Size (e.g. "/Root 1 0 R /Info 2 0 R /ID [&lt;…&gt; &lt;…&gt;]").</param>
    public void Save(Stream output, string trailer)
    {
        for (int i = 1; i < _objects.Count; i++)
            if (_objects[i] is null) throw new InvalidOperationException($"PDF object {i} was reserved but never written");
        // Written straight to the output, counting offsets: buffering the whole file first grew a memory stream through the
        // large object heap and copied it, for every report of a batch.
        long position = 0;
        void Put(ReadOnlySpan<byte> bytes)
        {
            output.Write(bytes);
            position += bytes.Length;
        }
        void Write(string text) => Put(Encoding.Latin1.GetBytes(text));
        // PDF/A-2: the header line, then a comment of at least four bytes above 127 marking the file as binary.
        Write("%PDF-1.7\n%");
        Put([0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);

        // Where each object lives: type 1 = at an offset in the file, type 2 = inside object stream n at index k.
        var kind = new byte[_objects.Count + 1 + _objects.Count / ObjectsPerStream + 1];
        var field2 = new long[kind.Length];
        var field3 = new int[kind.Length];
        var packed = new List<int>();
        for (int i = 1; i < _objects.Count; i++)
        {
            var e = _objects[i]!;
            if (e.Data is null) { packed.Add(i); continue; }
            kind[i] = 1;
            field2[i] = position;
            Write($"{i} 0 obj\n<< {e.Body} /Length {e.Data.Length} >>\nstream\n");
            Put(e.Data);
            Write("\nendstream\nendobj\n");
        }
        int next = _objects.Count;
        for (int start = 0; start < packed.Count; start += ObjectsPerStream)
        {
            var chunk = packed.Skip(start).Take(ObjectsPerStream).ToList();
            var offsets = new StringBuilder();
            var bodies = new StringBuilder();
            for (int k = 0; k < chunk.Count; k++)
            {
                offsets.Append(chunk[k]).Append(' ').Append(bodies.Length).Append(' ');
                bodies.Append(_objects[chunk[k]]!.Body).Append('\n');
                kind[chunk[k]] = 2;
                field2[chunk[k]] = next;
                field3[chunk[k]] = k;
            }
            string header = offsets.ToString();
            var data = EmbeddedFont.Deflate(Encoding.Latin1.GetBytes(header + bodies), EmbeddedFont.TextLevel);
            int number = next++;
            kind[number] = 1;
            field2[number] = position;
            Write($"{number} 0 obj\n<< /Type /ObjStm /N {chunk.Count} /First {Encoding.Latin1.GetByteCount(header)} /Filter /FlateDecode /Length {data.Length} >>\nstream\n");
            Put(data);
            Write("\nendstream\nendobj\n");
        }

        // The cross-reference stream lists itself too; widths 1, 4, 2 bytes.
        int xref = next++;
        long xrefOffset = position;
        kind[xref] = 1;
        field2[xref] = xrefOffset;
        var rows = new byte[next * 7];
        for (int i = 0; i < next; i++)
        {
            var row = rows.AsSpan(i * 7, 7);
            row[0] = i == 0 ? (byte)0 : kind[i];
            BinaryPrimitives.WriteUInt32BigEndian(row[1..], (uint)field2[i]);
            BinaryPrimitives.WriteUInt16BigEndian(row[5..], (ushort)(i == 0 ? 65535 : field3[i]));
        }
        var table = EmbeddedFont.Deflate(rows, EmbeddedFont.TextLevel);
        Write($"{xref} 0 obj\n<< /Type /XRef /Size {next} /W [1 4 2] {trailer} /Filter /FlateDecode /Length {table.Length} >>\nstream\n");
        Put(table);
        Write($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
    }
}
