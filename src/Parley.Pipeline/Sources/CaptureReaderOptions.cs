namespace Parley.Pipeline.Sources;

/// <summary>Bounds and choices for <see cref="CaptureReader"/>.</summary>
public sealed record CaptureReaderOptions
{
    /// <summary>The default options.</summary>
    public static CaptureReaderOptions Default { get; } = new();

    /// <summary>
    /// Largest single capture, in bytes: a plain file, a decompressed <c>.gz</c> page, one JSONL
    /// line or one WARC record payload. Larger ones are reported as PAR103 and skipped.
    /// 32 MB is about a hundred times the largest real news page.
    /// </summary>
    public long MaxCaptureBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Most bytes one gzip stream (a <c>.gz</c> page or one WARC gzip member) may expand to
    /// before it is abandoned as PAR105: a guard against decompression bombs.
    /// </summary>
    public long MaxExpandedBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// When true, a WARC response whose HTTP status is not 2xx (redirects, errors) is skipped
    /// silently; such records carry no article.
    /// </summary>
    public bool SkipNonSuccessResponses { get; init; } = true;
}
