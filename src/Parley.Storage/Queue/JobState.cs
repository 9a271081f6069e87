namespace Parley.Storage.Queue;

/// <summary>Where a capture's job stands; stored as the lower-case name.</summary>
public enum JobState
{
    /// <summary>Waiting for a worker.</summary>
    Queued,
    /// <summary>Claimed by a worker until its lease expires.</summary>
    Leased,
    /// <summary>Processed and written, exactly once.</summary>
    Done,
    /// <summary>The last attempt failed; a worker will try again.</summary>
    Failed,
    /// <summary>Failed on every allowed attempt; kept with its error and left alone until re-queued.</summary>
    Parked,
}
