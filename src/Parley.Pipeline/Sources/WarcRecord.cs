namespace Parley.Pipeline.Sources;

/// <summary>One WARC record: its named header fields and its content block.</summary>
/// <param name="Offset">Byte offset of the record (or of its gzip member) in the file.</param>
/// <param name="Headers">The WARC header fields, names compared without case.</param>
/// <param name="Block">The content block; shorter than Content-Length when <paramref name="Truncated"/>.</param>
/// <param name="Truncated">True when the file ended before the block did.</param>
internal sealed record WarcRecord(long Offset, Dictionary<string, string> Headers, byte[] Block, bool Truncated)
{
    /// <summary>The WARC-Type field ("response", "request", "warcinfo"...), lower-cased.</summary>
    public string Type => Headers.TryGetValue("WARC-Type", out var t) ? t.Trim().ToLowerInvariant() : "";

    /// <summary>A header field's value, or null.</summary>
    public string? this[string name] => Headers.TryGetValue(name, out var v) ? v : null;
}
