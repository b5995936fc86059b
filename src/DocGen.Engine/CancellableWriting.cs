using System.Collections;
using DocGen.Model;

namespace DocGen.Engine;

/// <summary>
/// A document's blocks as the writers see them: every block a writer takes (the PDF layout's pagination loop, the DOCX writer's
/// body loop) first checks the cancel token, so Ctrl-C stops a 10,000-paragraph report within one paragraph's work, without
/// either writer having to know about cancellation.
/// </summary>
internal sealed class CancellableBlocks(IReadOnlyList<Block> blocks, CancellationToken cancel) : IReadOnlyList<Block>
{
    public Block this[int index]
    {
        get
        {
            cancel.ThrowIfCancellationRequested();
            return blocks[index];
        }
    }

    public int Count => blocks.Count;

    public IEnumerator<Block> GetEnumerator()
    {
        foreach (var b in blocks)
        {
            cancel.ThrowIfCancellationRequested();
            yield return b;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>An output stream that checks the cancel token on every write: the serialising loops (PDF objects, ZIP entries) stop too.</summary>
internal sealed class CancellableStream(FileStream inner, CancellationToken cancel) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => true;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        cancel.ThrowIfCancellationRequested();
        inner.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        cancel.ThrowIfCancellationRequested();
        inner.WriteByte(value);
    }

    public override void Flush() => inner.Flush();

    public void Flush(bool flushToDisk) => inner.Flush(flushToDisk);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => inner.SetLength(value);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
