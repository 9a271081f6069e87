namespace Parley.Storage.Queue;

/// <summary>The job queue at one moment: depth by state, work per worker, and failures.</summary>
/// <param name="Depth">Jobs per state; every state is present.</param>
/// <param name="Workers">Jobs done per worker, busiest first.</param>
/// <param name="Failures">Failed and parked jobs grouped by state and error code.</param>
/// <param name="Parked">The most recently queued parked jobs with their errors (at most 20).</param>
public sealed record QueueStatus(
    IReadOnlyDictionary<JobState, long> Depth, IReadOnlyList<WorkerThroughput> Workers,
    IReadOnlyList<FailureCount> Failures, IReadOnlyList<ParkedJob> Parked)
{
    /// <summary>Jobs not yet done, failed for good or parked: queued, leased or waiting for a retry.</summary>
    public long Remaining => Depth[JobState.Queued] + Depth[JobState.Leased] + Depth[JobState.Failed];
}

/// <summary>What one worker finished.</summary>
/// <param name="Worker">The worker's name.</param>
/// <param name="LastMinute">Jobs it finished in the last 60 seconds (so also captures per minute).</param>
/// <param name="Total">Jobs it finished in all.</param>
/// <param name="First">When it finished its first job.</param>
/// <param name="Last">When it finished its latest job.</param>
public sealed record WorkerThroughput(string Worker, long LastMinute, long Total, DateTimeOffset First, DateTimeOffset Last)
{
    /// <summary>Jobs per second between its first and latest job; zero with fewer than two seconds between them.</summary>
    public double PerSecond => (Last - First).TotalSeconds is var s && s >= 2 ? Total / s : 0;
}

/// <summary>Failed or parked jobs that share an error code.</summary>
/// <param name="State">Failed (to be retried) or parked.</param>
/// <param name="Code">The diagnostic code.</param>
/// <param name="Count">How many jobs.</param>
public sealed record FailureCount(JobState State, string Code, long Count);

/// <summary>A parked job and why.</summary>
/// <param name="CaptureId">The capture.</param>
/// <param name="Source">The capture's file or URL.</param>
/// <param name="Attempts">Claims it had.</param>
/// <param name="Code">The diagnostic code of its last error.</param>
/// <param name="Message">The last error.</param>
public sealed record ParkedJob(string CaptureId, string Source, int Attempts, string Code, string Message);
