namespace Parley.Storage.Queue;

/// <summary>What writing a leased batch did.</summary>
/// <param name="Written">Captures whose results were committed (done, failed or parked).</param>
/// <param name="Lost">Captures whose lease had passed to another worker: nothing was written for them.</param>
public sealed record BatchCommit(int Written, int Lost);
