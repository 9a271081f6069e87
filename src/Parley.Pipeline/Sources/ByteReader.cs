using System.Buffers;

namespace Parley.Pipeline.Sources;

/// <summary>
/// A forward-only buffered reader over a stream that knows the byte offset of everything it
/// returns, so that diagnostics can point at the record or line that was bad.
/// </summary>
internal sealed class ByteReader : IDisposable
{
    /// <summary>64 KB: large enough that line scans rarely straddle a refill, small enough to rent.</summary>
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Reads <paramref name="stream"/>, whose first byte is at offset <paramref name="origin"/>.</summary>
    public ByteReader(Stream stream, long origin = 0)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        Position = origin;
    }

    /// <summary>Offset of the next byte to be returned.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Why reading stopped early (an I/O error, corrupt compressed data), or null. The reader then
    /// behaves as if the stream had ended there, so that callers see a truncation, not an exception.
    /// </summary>
    public string? ReadError { get; private set; }

    /// <summary>True when no byte is left.</summary>
    public bool AtEnd => _start == _end && !Fill();

    /// <summary>
    /// Reads one line, without its LF or CRLF. Returns null at the end of the stream. A line longer
    /// than <paramref name="maxLength"/> is consumed to its end and reported through <paramref name="tooLong"/>,
    /// with only its first <paramref name="maxLength"/> bytes returned.
    /// </summary>
    public byte[]? ReadLine(long maxLength, out bool tooLong)
    {
        tooLong = false;
        if (AtEnd)
        {
            return null;
        }

        var line = new ArrayBufferWriter<byte>(256);
        while (true)
        {
            if (_start == _end && !Fill())
            {
                break;
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            var take = nl >= 0 ? nl : span.Length;
            var room = maxLength - line.WrittenCount;
            if (room > 0)
            {
                var copy = (int)Math.Min(room, take);
                line.Write(span[..copy]);
            }

            if (take > room)
            {
                tooLong = true;
            }

            var consumed = nl >= 0 ? nl + 1 : take;
            _start += consumed;
            Position += consumed;
            if (nl >= 0)
            {
                break;
            }
        }

        var result = line.WrittenSpan;
        if (!tooLong && result.Length > 0 && result[^1] == (byte)'\r')
        {
            result = result[..^1];
        }

        return result.ToArray();
    }

    /// <summary>Reads up to <paramref name="count"/> bytes; fewer only at the end of the stream.</summary>
    public byte[] ReadBytes(int count)
    {
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_start == _end && !Fill())
            {
                break;
            }

            var n = Math.Min(count - filled, _end - _start);
            _buffer.AsSpan(_start, n).CopyTo(result.AsSpan(filled));
            _start += n;
            filled += n;
            Position += n;
        }

        return filled == count ? result : result[..filled];
    }

    /// <summary>Skips up to <paramref name="count"/> bytes and returns how many were skipped.</summary>
    public long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (_start == _end && !Fill())
            {
                break;
            }

            var n = (int)Math.Min(count - skipped, _end - _start);
            _start += n;
            skipped += n;
            Position += n;
        }

        return skipped;
    }

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int Peek() => AtEnd ? -1 : _buffer[_start];

    /// <inheritdoc/>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        _start = 0;
        _end = 0;
        int n;
        try
        {
            n = _stream.Read(_buffer, 0, _buffer.Length);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            ReadError = ex.Message;
            n = 0;
        }

        if (n <= 0)
        {
            _eof = true;
            return false;
        }

        _end = n;
        return true;
    }
}
