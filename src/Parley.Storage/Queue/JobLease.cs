namespace Parley.Storage.Queue;

/// <summary>
/// A batch of captures claimed from the job queue by one worker until <see cref="Expires"/>.
/// Its results are written only while the jobs still carry <see cref="Id"/>: a worker whose
/// lease ran out and was taken over writes nothing for the jobs it lost.
/// </summary>
/// <param name="Id">The lease's own id, new for every claim (the fencing token).</param>
/// <param name="Owner">The worker's name, kept with each job it finishes.</param>
/// <param name="Captures">The claimed captures, in queue order.</param>
/// <param name="Attempts">How many times each capture (by id) has been claimed, this claim included.</param>
/// <param name="MaxAttempts">Claims a capture gets before a failure parks it.</param>
/// <param name="Duration">How long a claim or renewal holds the jobs.</param>
public sealed record JobLease(
    string Id, string Owner, IReadOnlyList<Capture> Captures, IReadOnlyDictionary<string, int> Attempts, int MaxAttempts, TimeSpan Duration)
{
    /// <summary>When the lease runs out unless renewed (the server's clock).</summary>
    public DateTimeOffset Expires { get; init; }
}
