namespace Parley;

/// <summary>The stable diagnostic codes. Numbers are never reused.</summary>
public static class DiagnosticCodes
{
    /// <summary>The file is empty.</summary>
    public const string EmptyInput = "PAR101";
    /// <summary>The file is binary (an image, an archive, NUL bytes) and not a capture.</summary>
    public const string BinaryInput = "PAR102";
    /// <summary>The file is larger than the configured bound.</summary>
    public const string TooLarge = "PAR103";
    /// <summary>The file could not be read (permissions, vanished).</summary>
    public const string Unreadable = "PAR104";
    /// <summary>A gzip stream is corrupt, truncated, or expands past the bound.</summary>
    public const string BadCompression = "PAR105";
    /// <summary>A JSONL line is not a JSON object with <c>html</c> or <c>text</c>.</summary>
    public const string BadJsonLine = "PAR106";
    /// <summary>A WARC record is truncated or its header is malformed.</summary>
    public const string BadWarcRecord = "PAR107";
    /// <summary>The path matched nothing.</summary>
    public const string NoSuchPath = "PAR108";
    /// <summary>The bytes are not valid in the detected encoding; replacement characters were used.</summary>
    public const string DecodingReplaced = "PAR201";
    /// <summary>No article text could be found in the capture.</summary>
    public const string NoArticle = "PAR202";
    /// <summary>The HTML nests deeper than the bound; deeper content was flattened.</summary>
    public const string TooDeep = "PAR203";
    /// <summary>The declared charset is wrong for the bytes; they were read as UTF-8.</summary>
    public const string WrongCharset = "PAR204";
    /// <summary>The HTML ends inside the document (no closing body or html tag): the capture is probably truncated.</summary>
    public const string TruncatedHtml = "PAR205";
    /// <summary>A stage threw on this document; the capture is kept and can be re-run.</summary>
    public const string StageFailed = "PAR301";
    /// <summary>The worker holding the capture's job stopped (killed, crashed, cut off) before writing it; its lease ran out.</summary>
    public const string LeaseExpired = "PAR302";
}
