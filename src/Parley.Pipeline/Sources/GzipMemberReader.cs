using System.Buffers.Binary;
using System.IO.Compression;

namespace Parley.Pipeline.Sources;

/// <summary>
/// Reads a seekable multi-member gzip file one member at a time, as WARC files store one record
/// per member. Each member is expanded on its own, so a corrupt or truncated member costs only
/// itself: the reader finds the next member and goes on.
/// </summary>
/// <remarks>
/// .NET's <see cref="DeflateStream"/> reads ahead past the end of the compressed data and does not
/// say where that end was. The member's end is found instead from its 8-byte trailer: the trailer
/// holds the expanded size (ISIZE), and is followed by the next member's magic bytes or by the end
/// of the file. A false match needs 7 bytes to agree by chance (about 1 in 2^56 per position).
/// The CRC-32 in the trailer is not checked.
/// </remarks>
internal sealed class GzipMemberReader
{
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const int TrailerBytes = 8;

    private readonly Stream _stream;
    private readonly long _maxExpanded;
    private readonly long _length;

    /// <summary>Reads members from <paramref name="stream"/>, which must be seekable.</summary>
    public GzipMemberReader(Stream stream, long maxExpanded)
    {
        _stream = stream;
        _maxExpanded = maxExpanded;
        _length = stream.Length;
    }

    /// <summary>Reads the next member.</summary>
    /// <returns>False at the end of the file.</returns>
    public bool TryReadNext(out GzipMember member)
    {
        var start = _stream.Position;
        if (start >= _length)
        {
            member = default;
            return false;
        }

        try
        {
            member = ReadMember(start);
        }
        catch (IOException ex)
        {
            member = new GzipMember(start, [], $"the file could not be read ({ex.Message})", Truncated: true);
            _stream.Position = _length;
        }

        return true;
    }

    private GzipMember ReadMember(long start)
    {
        var headerError = SkipHeader();
        if (headerError is not null)
        {
            var truncated = _stream.Position >= _length;
            Resync(start + 1);
            return new GzipMember(start, [], headerError, truncated);
        }

        var tracker = new TrackingStream(_stream);
        using var output = new MemoryStream();
        string? error = null;
        var tooLarge = false;
        try
        {
            using var deflate = new DeflateStream(tracker, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[81920];
            int n;
            while ((n = deflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > _maxExpanded)
                {
                    error = $"the gzip member expands past the bound of {_maxExpanded:N0} bytes (CaptureReaderOptions.MaxExpandedBytes)";
                    tooLarge = true;
                    break;
                }

                output.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException ex)
        {
            error = $"the gzip member is corrupt ({ex.Message})";
        }

        var data = output.ToArray();
        if (error is null && TryFindTrailer(tracker, (uint)data.Length, out var next))
        {
            _stream.Position = next;
            return new GzipMember(start, data, null, Truncated: false);
        }

        var resyncFrom = tracker.LastStart >= 0 ? tracker.LastStart : start + 1;
        if (error is null && resyncFrom + tracker.LastLength >= _length)
        {
            _stream.Position = _length;
            return new GzipMember(start, data, "the file ends inside this gzip member", Truncated: true);
        }

        error ??= "the gzip member has no valid trailer";
        Resync(tooLarge ? _stream.Position : Math.Max(resyncFrom, start + 1));
        return new GzipMember(start, tooLarge ? [] : data, error, Truncated: false);
    }

    /// <summary>Consumes a gzip member header; returns why it is not one, or null.</summary>
    private string? SkipHeader()
    {
        Span<byte> head = stackalloc byte[10];
        if (_stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
        {
            return "the file ends inside a gzip member header";
        }

        if (!head[..3].SequenceEqual(Gzip.Magic))
        {
            return "no gzip member starts here";
        }

        var flags = head[3];
        if ((flags & FlagExtra) != 0)
        {
            Span<byte> xlen = stackalloc byte[2];
            if (_stream.ReadAtLeast(xlen, 2, throwOnEndOfStream: false) < 2)
            {
                return "the file ends inside a gzip member header";
            }

            _stream.Position += BinaryPrimitives.ReadUInt16LittleEndian(xlen);
        }

        if ((flags & FlagName) != 0 && !SkipZeroTerminated())
        {
            return "the file ends inside a gzip member header";
        }

        if ((flags & FlagComment) != 0 && !SkipZeroTerminated())
        {
            return "the file ends inside a gzip member header";
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            _stream.Position += 2;
        }

        return _stream.Position > _length ? "the file ends inside a gzip member header" : null;
    }

    private bool SkipZeroTerminated()
    {
        int b;
        while ((b = _stream.ReadByte()) > 0)
        {
        }

        return b == 0;
    }

    /// <summary>
    /// Looks for the trailer in the last two chunks the decompressor read: the deflate data ends
    /// inside the chunk during which the decompressor saw its final block.
    /// </summary>
    private bool TryFindTrailer(TrackingStream tracker, uint expandedSize, out long next)
    {
        next = 0;
        if (tracker.LastStart < 0)
        {
            return false;
        }

        var windowStart = tracker.PreviousStart >= 0 ? tracker.PreviousStart : tracker.LastStart;
        var windowEnd = Math.Min(_length, tracker.LastStart + tracker.LastLength + TrailerBytes + Gzip.Magic.Length);
        var window = new byte[windowEnd - windowStart];
        _stream.Position = windowStart;
        _stream.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
        for (var p = 0; p + TrailerBytes <= window.Length; p++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(window.AsSpan(p + 4, 4)) != expandedSize)
            {
                continue;
            }

            var after = windowStart + p + TrailerBytes;
            var atEnd = after == _length;
            var nextIsMember = p + TrailerBytes + Gzip.Magic.Length <= window.Length &&
                window.AsSpan(p + TrailerBytes, Gzip.Magic.Length).SequenceEqual(Gzip.Magic);
            if (atEnd || nextIsMember)
            {
                next = after;
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves to the next gzip magic at or after <paramref name="from"/>, or to the end.</summary>
    private void Resync(long from)
    {
        _stream.Position = Math.Min(from, _length);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var at = _stream.Position;
            var n = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (n < Gzip.Magic.Length)
            {
                _stream.Position = _length;
                return;
            }

            var hit = buffer.AsSpan(0, n).IndexOf(Gzip.Magic);
            if (hit >= 0)
            {
                _stream.Position = at + hit;
                return;
            }

            // Step back so that a magic split across two reads is still found.
            _stream.Position = at + n - (Gzip.Magic.Length - 1);
            if (n < buffer.Length)
            {
                _stream.Position = _length;
                return;
            }
        }
    }
}
