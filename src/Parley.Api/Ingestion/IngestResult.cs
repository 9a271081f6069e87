namespace Parley.Api.Ingestion;

/// <summary>What an ingest run did.</summary>
/// <param name="Captures">Captures read from the inputs, plus those stored earlier but left unprocessed.</param>
/// <param name="New">Captures stored for the first time.</param>
/// <param name="Skipped">Captures already stored and processed, or met twice in this run: nothing was added.</param>
/// <param name="Articles">Articles extracted from the processed captures.</param>
/// <param name="Mentions">Event mentions coded.</param>
/// <param name="Failed">Captures whose processing failed (stored, can be re-run).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record IngestResult(int Captures, int New, int Skipped, int Articles, int Mentions, int Failed, TimeSpan Elapsed)
{
    /// <summary>Workers that ran extraction, annotation and coding.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Time per stage in run order; empty when nothing was processed.</summary>
    public IReadOnlyList<StageTime> Stages { get; init; } = [];
}
