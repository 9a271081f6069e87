namespace Parley;

/// <summary>The kind of raw content a capture holds.</summary>
public enum CaptureFormat
{
    /// <summary>A whole-page text dump (what a browser's "select all, copy" gives).</summary>
    Text,
    /// <summary>An HTML document.</summary>
    Html,
}

/// <summary>
/// One raw page as it was captured, before any stage runs. Stored first, keyed by the hash
/// of its bytes, so that ingesting it again is a no-op and a failed stage can be re-run.
/// </summary>
/// <param name="Id">Lower-case hex SHA-256 of <see cref="Content"/> (first 16 bytes).</param>
/// <param name="Source">Where it came from: a file path, or "file.warc.gz#record-7".</param>
/// <param name="Url">The page address when known (WARC target URI, JSONL <c>url</c>).</param>
/// <param name="Format">Text dump or HTML.</param>
/// <param name="Content">The raw bytes, undecoded.</param>
/// <param name="FetchedAt">When the page was fetched, when the source says so.</param>
/// <param name="Charset">A charset declared outside the bytes (an HTTP header), or null.</param>
public sealed record Capture(
    string Id,
    string Source,
    string? Url,
    CaptureFormat Format,
    byte[] Content,
    DateTimeOffset? FetchedAt,
    string? Charset = null);
