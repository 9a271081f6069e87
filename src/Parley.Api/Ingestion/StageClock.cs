using System.Diagnostics;

namespace Parley.Api.Ingestion;

/// <summary>
/// Thread-safe time totals for the stages an ingest run owns (the pipeline keeps its own):
/// one <see cref="Interlocked"/> add per stage per capture, so timing costs nothing measurable.
/// </summary>
internal sealed class StageClock
{
    /// <summary>Reading captures from the inputs.</summary>
    public const int Read = 0;
    /// <summary>Storing raw captures before any stage runs.</summary>
    public const int StoreRaw = 1;
    /// <summary>Decoding and article extraction.</summary>
    public const int Extract = 2;
    /// <summary>Keying mentions to events.</summary>
    public const int Key = 3;
    /// <summary>Writing processed batches.</summary>
    public const int Write = 4;

    private readonly long[] _ticks = new long[5];

    /// <summary>Adds the time since <paramref name="startTimestamp"/> to <paramref name="slot"/>.</summary>
    public void Stop(int slot, long startTimestamp) =>
        Interlocked.Add(ref _ticks[slot], Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>The total of <paramref name="slot"/>.</summary>
    public TimeSpan this[int slot] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[slot]));
}
