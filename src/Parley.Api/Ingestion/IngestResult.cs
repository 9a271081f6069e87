namespace Parley.Api.Ingestion;

/// <summary>What an ingest run did.</summary>
/// <param name="Captures">Captures read from the inputs.</param>
/// <param name="New">Captures stored for the first time.</param>
/// <param name="Skipped">Captures already stored and processed: nothing was added.</param>
/// <param name="Articles">Articles extracted from the processed captures.</param>
/// <param name="Mentions">Event mentions coded.</param>
/// <param name="Failed">Captures whose processing failed (stored, can be re-run).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record IngestResult(int Captures, int New, int Skipped, int Articles, int Mentions, int Failed, TimeSpan Elapsed);
