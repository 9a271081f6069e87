using System.Diagnostics;

namespace Parley.Storage;

/// <summary>
/// Where a store's batch writes spend their time, summed over the store's life: one timestamp
/// per phase per capture, so keeping it costs nothing measurable. The throughput bench prints it.
/// </summary>
public sealed class WriteProfile
{
    /// <summary>The phases, in the order a batch runs them.</summary>
    /// <remarks>
    /// "story lookup" is the writer's own time on story lookups (or waiting for them); "stories beside"
    /// is the time they took on their own thread, beside the writer, when a batch ran them there.
    /// </remarks>
    public static readonly string[] Phases = ["fence", "forget", "articles", "story lookup", "story write", "mentions", "status", "re-cluster", "events", "commit", "stories beside"];

    internal const int Fence = 0, Forget = 1, Articles = 2, Story = 3, StoryWrite = 4, Mentions = 5, Status = 6, Recluster = 7, Events = 8, Commit = 9, StoryBeside = 10;

    private readonly long[] _ticks = new long[Phases.Length];

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="phase"/> and returns now.</summary>
    internal long Lap(int phase, long start)
    {
        long now = Stopwatch.GetTimestamp();
        _ticks[phase] += now - start;
        return now;
    }

    /// <summary>Adds <paramref name="time"/>, measured elsewhere, to <paramref name="phase"/>.</summary>
    internal void Add(int phase, TimeSpan time) => _ticks[phase] += (long)(time.TotalSeconds * Stopwatch.Frequency);

    /// <summary>The total time of each phase, in <see cref="Phases"/> order.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> Totals() =>
        Phases.Select((p, i) => (p, Stopwatch.GetElapsedTime(0, _ticks[i]))).ToList();
}
