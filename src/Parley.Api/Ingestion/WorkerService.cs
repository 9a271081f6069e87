using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Npgsql;
using Parley.Storage;
using Parley.Storage.Queue;

namespace Parley.Api.Ingestion;

/// <summary>
/// A stateless worker of a team server: claims a batch of queued captures from the PostgreSQL
/// job table, runs them through the same pipeline as <see cref="IngestService"/>, and writes
/// articles, mentions, events and the jobs' outcome in one transaction fenced by its lease;
/// then claims again. Any number may run on any hosts against one database.
/// </summary>
/// <remarks>
/// <para>While a batch is processed its lease is renewed every third of its duration, so only
/// a worker that stopped (killed, frozen, cut off) loses its batch to another.</para>
/// <para>A write that PostgreSQL aborts to break a deadlock or a serialization conflict is
/// retried; the transaction left nothing behind.</para>
/// <para>A worker that loses its database (a server restart, a network cut) reconnects with
/// growing pauses for up to <see cref="ReconnectFor"/>; the batch in hand is given back to the
/// queue once it is connected again, or taken over by another worker when its lease runs out.</para>
/// </remarks>
public sealed class WorkerService
{
    // SQLSTATEs of an aborted transaction worth running again: serialization_failure, deadlock_detected.
    private static readonly string[] Transient = ["40001", "40P01"];
    private const int WriteTries = 5;

    private readonly PostgresEventStore _store;
    private readonly IngestService _ingest;

    /// <summary>Creates a worker over a queue store and the service whose pipeline it runs.</summary>
    public WorkerService(PostgresEventStore store, IngestService ingest)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ingest);
        _store = store;
        _ingest = ingest;
    }

    /// <summary>The worker's name in the job table and in <c>parley status</c>.</summary>
    public string Name { get; init; } = Environment.MachineName + "-" + Environment.ProcessId;

    /// <summary>Captures claimed per batch (and written per transaction).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>How long a claim holds its jobs without renewal: a dead worker's batch is taken over after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a capture whose processing failed, before it is parked with its error.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Threads that process a batch's captures.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Stop once no job is queued, leased or due for a retry; otherwise wait for more.</summary>
    public bool UntilEmpty { get; init; }

    /// <summary>Wait between polls when no job is ready.</summary>
    public TimeSpan IdlePoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Called after each batch is written (for progress output).</summary>
    public Action<WorkerProgress>? Progress { get; init; }

    /// <summary>How long to keep trying to reconnect to a lost database before giving up (zero: give up at once).</summary>
    public TimeSpan ReconnectFor { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first pause before reconnecting; each failed try doubles it, up to 30 seconds.</summary>
    public TimeSpan ReconnectPause { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Called when the database was lost, with the error and the pause before the next try.</summary>
    public Action<NpgsqlException, TimeSpan>? Reconnecting { get; init; }

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Claims, processes and writes batches until <paramref name="ct"/> fires (the batch in hand
    /// is then given back to the queue at once) or, with <see cref="UntilEmpty"/>, until the queue
    /// is empty.
    /// </summary>
    /// <param name="sink">Sees every diagnostic (a fresh collector per batch keeps memory flat).</param>
    /// <param name="ct">Stops the worker cleanly.</param>
    public async Task<WorkerProgress> RunAsync(Action<Diagnostic>? sink, CancellationToken ct)
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "a batch holds at least one capture");
        if (Threads < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "at least one thread is needed");
        if (Retries < 0) throw new ArgumentOutOfRangeException(nameof(Retries), Retries, "retries cannot be negative");
        if (Lease < TimeSpan.FromSeconds(1)) throw new ArgumentOutOfRangeException(nameof(Lease), Lease, "a lease lasts at least a second");
        var progress = new WorkerProgress(Name);
        var start = Stopwatch.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            JobLease? lease = null;
            NpgsqlException? lost = null;
            try
            {
                lease = _store.Claim(Name, BatchSize, Lease, Retries + 1);
                if (lease is null)
                {
                    if (UntilEmpty && _store.QueueStatus().Remaining == 0) break;
                    try { await Task.Delay(IdlePoll, ct).ConfigureAwait(false); } catch (OperationCanceledException) { break; }
                    continue;
                }
                ProcessedCapture[] results;
                try
                {
                    results = await ProcessAsync(lease, new Diagnostics(sink), ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    _store.Release(lease);
                    break;
                }
                var commit = await WriteAsync(results, lease).ConfigureAwait(false);
                progress = progress.Add(commit, results.Count(r => r.Error is not null), Stopwatch.GetElapsedTime(start));
                Progress?.Invoke(progress);
            }
            catch (NpgsqlException ex) when (ex.IsTransient || !_store.IsConnected)
            {
                lost = ex;
            }
            if (lost is not null && !await ReconnectAsync(lost, lease, ct).ConfigureAwait(false))
                ExceptionDispatchInfo.Throw(lost);
        }
        return progress with { Elapsed = Stopwatch.GetElapsedTime(start) };
    }

    // Reconnects with doubling pauses; once connected, gives the batch in hand back to the queue
    // (jobs it already wrote are done and stay so). False when ReconnectFor ran out.
    private async Task<bool> ReconnectAsync(NpgsqlException lost, JobLease? lease, CancellationToken ct)
    {
        var since = Stopwatch.GetTimestamp();
        var pause = ReconnectPause;
        while (true)
        {
            var left = ReconnectFor - Stopwatch.GetElapsedTime(since);
            if (left <= TimeSpan.Zero) return false;
            Reconnecting?.Invoke(lost, pause < left ? pause : left);
            try { await Task.Delay(pause < left ? pause : left, ct).ConfigureAwait(false); }
            catch (OperationCanceledException) { return true; }  // stopping: the loop ends, the lease runs out
            try
            {
                _store.Reconnect();
                if (lease is not null) _store.Release(lease);
                return true;
            }
            catch (NpgsqlException ex)
            {
                lost = ex;
            }
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    // Processes the batch on Threads threads while renewing the lease; results keep claim order.
    private async Task<ProcessedCapture[]> ProcessAsync(JobLease lease, Diagnostics diagnostics, CancellationToken ct)
    {
        var results = new ProcessedCapture[lease.Captures.Count];
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renew = RenewAsync(lease, done.Token);
        try
        {
            await Parallel.ForAsync(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = ct },
                (i, token) =>
                {
                    results[i] = _ingest.Process(lease.Captures[i], diagnostics, token);
                    return ValueTask.CompletedTask;
                }).ConfigureAwait(false);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await renew.ConfigureAwait(false);
        }
        return results;
    }

    private async Task RenewAsync(JobLease lease, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(lease.Duration / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
                if (!_store.Renew(lease)) return;
        }
        catch (OperationCanceledException)
        {
            // The batch is processed (or abandoned): no more renewals.
        }
    }

    private async Task<BatchCommit> WriteAsync(ProcessedCapture[] results, JobLease lease)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return _store.SaveBatch(results, lease);
            }
            catch (PostgresException ex) when (Transient.Contains(ex.SqlState) && attempt < WriteTries)
            {
                // The aborted transaction wrote nothing and the lease still holds the jobs: try again after a short, growing pause.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt * attempt), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>What a worker has done so far.</summary>
/// <param name="Name">The worker's name.</param>
public sealed record WorkerProgress(string Name)
{
    /// <summary>Batches written.</summary>
    public int Batches { get; init; }
    /// <summary>Captures written (done, failed or parked).</summary>
    public int Captures { get; init; }
    /// <summary>Captures whose processing failed.</summary>
    public int Failed { get; init; }
    /// <summary>Captures not written because another worker had taken over their lease.</summary>
    public int Lost { get; init; }
    /// <summary>Time since the worker started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Captures written per second of <see cref="Elapsed"/>.</summary>
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Captures / Elapsed.TotalSeconds : 0;

    internal WorkerProgress Add(BatchCommit commit, int failed, TimeSpan elapsed) => this with
    {
        Batches = Batches + 1,
        Captures = Captures + commit.Written,
        Failed = Failed + (commit.Lost == 0 ? failed : 0),
        Lost = Lost + commit.Lost,
        Elapsed = elapsed,
    };
}
