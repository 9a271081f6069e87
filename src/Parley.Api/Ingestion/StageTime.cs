namespace Parley.Api.Ingestion;

/// <summary>Time spent in one stage of an ingest run.</summary>
/// <param name="Stage">The stage: <c>read</c>, <c>store raw</c>, <c>extract</c>, each pipeline stage, <c>key events</c>, <c>write</c>.</param>
/// <param name="Time">Wall time inside the stage, summed over the workers that ran it (so with N workers it can exceed the run's elapsed time).</param>
public sealed record StageTime(string Stage, TimeSpan Time);
