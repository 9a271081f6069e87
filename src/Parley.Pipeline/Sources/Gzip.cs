using System.IO.Compression;

namespace Parley.Pipeline.Sources;

/// <summary>Bounded gzip decompression of a whole stream (a <c>.txt.gz</c> or <c>.html.gz</c> page).</summary>
internal static class Gzip
{
    /// <summary>The two magic bytes every gzip member starts with, then the deflate method byte.</summary>
    public static ReadOnlySpan<byte> Magic => [0x1F, 0x8B, 0x08];

    /// <summary>
    /// Decompresses <paramref name="compressed"/>, stopping once more than <paramref name="maxBytes"/>
    /// come out. Concatenated members are read as one stream, as gzip(1) does.
    /// </summary>
    /// <returns>The expanded bytes, or null with <paramref name="error"/> set when the stream is corrupt or too large.</returns>
    public static byte[]? Decompress(Stream compressed, long maxBytes, out string? error)
    {
        error = null;
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            return ReadBounded(gzip, maxBytes, out error);
        }
        catch (InvalidDataException ex)
        {
            error = $"the gzip data is corrupt ({ex.Message})";
            return null;
        }
        catch (EndOfStreamException)
        {
            error = "the gzip data ends before its last block";
            return null;
        }
    }

    /// <summary>Reads all of <paramref name="source"/> into memory, stopping past <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadBounded(Stream source, long maxBytes, out string? error)
    {
        error = null;
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + n > maxBytes)
            {
                error = $"it expands past the bound of {maxBytes:N0} bytes (CaptureReaderOptions.MaxExpandedBytes)";
                return null;
            }

            output.Write(buffer, 0, n);
        }

        return output.ToArray();
    }
}
