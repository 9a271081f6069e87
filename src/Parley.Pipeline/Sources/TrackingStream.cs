namespace Parley.Pipeline.Sources;

/// <summary>
/// A read-only view of a seekable stream that remembers where its last two reads started and how
/// long they were. A decompressor reads ahead of the end of its data; knowing the last chunks it
/// took lets <see cref="GzipMemberReader"/> find exactly where a gzip member ended.
/// </summary>
internal sealed class TrackingStream(Stream inner) : Stream
{
    /// <summary>Offset where the most recent read started.</summary>
    public long LastStart { get; private set; } = -1;

    /// <summary>Bytes the most recent read returned.</summary>
    public int LastLength { get; private set; }

    /// <summary>Offset where the read before the most recent one started, or -1.</summary>
    public long PreviousStart { get; private set; } = -1;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        var start = inner.Position;
        var n = inner.Read(buffer);
        if (n > 0)
        {
            PreviousStart = LastStart;
            LastStart = start;
            LastLength = n;
        }

        return n;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
