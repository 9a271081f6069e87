namespace Parley.Storage;

/// <summary>Counts of what a store holds.</summary>
/// <param name="Captures">Raw captures.</param>
/// <param name="Articles">Extracted articles.</param>
/// <param name="Events">Consolidated events.</param>
/// <param name="Mentions">Event mentions.</param>
/// <param name="Failed">Captures whose processing failed.</param>
public sealed record StoreCounts(long Captures, long Articles, long Events, long Mentions, long Failed);

/// <summary>The outcome of processing one capture, written in one transaction.</summary>
/// <param name="Capture">The capture.</param>
/// <param name="Articles">Its articles.</param>
/// <param name="Mentions">The event mentions coded in them.</param>
/// <param name="Error">A failure message, when processing failed (the capture is still stored).</param>
public sealed record ProcessedCapture(Capture Capture, IReadOnlyList<Article> Articles, IReadOnlyList<KeyedMention> Mentions, string? Error = null)
{
    /// <summary>Row values computed ahead of the write (<see cref="CaptureRows.Of"/>); the store computes them when null.</summary>
    public CaptureRows? Rows { get; init; }
}
