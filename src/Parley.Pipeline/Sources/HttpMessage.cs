using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Pipeline.Sources;

/// <summary>
/// Splits an HTTP response as stored in a WARC record into status, headers and body, and undoes
/// chunked transfer coding and gzip/deflate/brotli content coding.
/// </summary>
internal static partial class HttpMessage
{
    /// <summary>A parsed response.</summary>
    /// <param name="Status">The status code, or 0 when the status line is unreadable.</param>
    /// <param name="ContentType">The media type, lower-cased, without parameters; empty when absent.</param>
    /// <param name="Charset">The charset parameter of Content-Type, or null.</param>
    /// <param name="Body">The entity body with transfer and content codings removed.</param>
    /// <param name="Error">Why the body could not be decoded, or null.</param>
    public sealed record Response(int Status, string ContentType, string? Charset, byte[] Body, string? Error);

    /// <summary>Parses <paramref name="block"/>, an HTTP response message.</summary>
    /// <returns>The response, or null when no header/body separator was found.</returns>
    public static Response? Parse(byte[] block, long maxExpanded)
    {
        var span = block.AsSpan();
        var split = span.IndexOf("\r\n\r\n"u8);
        var sepLength = 4;
        var lf = span.IndexOf("\n\n"u8);
        if (split < 0 || (lf >= 0 && lf < split))
        {
            split = lf;
            sepLength = 2;
        }

        if (split < 0)
        {
            return null;
        }

        var head = Encoding.Latin1.GetString(span[..split]);
        var lines = head.Split('\n');
        var status = 0;
        var statusMatch = StatusLine().Match(lines[0]);
        if (statusMatch.Success)
        {
            status = int.Parse(statusMatch.Groups[1].ValueSpan, provider: null);
        }

        string contentType = "", transfer = "", encoding = "";
        string? charset = null;
        foreach (var raw in lines.AsSpan(1))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                (contentType, charset) = SplitContentType(value);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                transfer = value.ToLowerInvariant();
            }
            else if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                encoding = value.ToLowerInvariant();
            }
        }

        var body = block[(split + sepLength)..];
        string? error = null;
        if (transfer.Contains("chunked", StringComparison.Ordinal))
        {
            body = Dechunk(body);
        }

        if (encoding is "gzip" or "x-gzip" or "deflate" or "br")
        {
            var decoded = Decode(body, encoding, maxExpanded, out error);
            body = decoded ?? [];
        }

        return new Response(status, contentType, charset, body, error);
    }

    /// <summary>Splits a Content-Type value into the media type and the charset parameter.</summary>
    public static (string MediaType, string? Charset) SplitContentType(string value)
    {
        var semi = value.IndexOf(';');
        var media = (semi >= 0 ? value[..semi] : value).Trim().ToLowerInvariant();
        var m = CharsetParameter().Match(value);
        return (media, m.Success ? m.Groups[1].Value : null);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        var pos = 0;
        while (pos < body.Length)
        {
            var eol = body.AsSpan(pos).IndexOf((byte)'\n');
            if (eol < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(body, pos, eol).Trim();
            var ext = sizeText.IndexOf(';');
            if (ext >= 0)
            {
                sizeText = sizeText[..ext];
            }

            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size < 0)
            {
                // Not chunked after all (some crawlers keep the header but store the decoded body).
                return pos == 0 ? body : output.ToArray();
            }

            pos += eol + 1;
            if (size == 0)
            {
                break;
            }

            var take = Math.Min(size, body.Length - pos);
            output.Write(body, pos, take);
            pos += take;
            while (pos < body.Length && body[pos] is (byte)'\r' or (byte)'\n')
            {
                pos++;
            }
        }

        return output.ToArray();
    }

    private static byte[]? Decode(byte[] body, string encoding, long maxExpanded, out string? error)
    {
        try
        {
            using var input = new MemoryStream(body);
            using Stream decoder = encoding switch
            {
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                _ => new GZipStream(input, CompressionMode.Decompress),
            };
            return Gzip.ReadBounded(decoder, maxExpanded, out error);
        }
        catch (InvalidDataException ex)
        {
            error = $"the {encoding} content coding is corrupt ({ex.Message})";
            return null;
        }
    }

    [GeneratedRegex(@"^HTTP/\d(?:\.\d)?\s+(\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
