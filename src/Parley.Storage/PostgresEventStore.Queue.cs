using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parley.Storage.Queue;

namespace Parley.Storage;

// The job queue of a team server: captures are queued once, claimed in batches by any number
// of workers with FOR UPDATE SKIP LOCKED and a lease, and written with the lease as a fencing
// token, in the same transaction as their articles, mentions and events.
public sealed partial class PostgresEventStore
{
    // Advisory locks per statement sent at once; a batch touches a few hundred groups at most.
    private const int LocksPerCommand = 256;

    // The lease whose batch SaveBatch is writing, set only under _gate by SaveBatch(batch, lease).
    private JobLease? _lease;
    private int _lost;

    /// <summary>
    /// Stores raw captures (as <see cref="RelationalEventStore.AddCaptures"/>) and queues a job
    /// for each that is not processed and not queued yet; returns how many jobs were queued.
    /// </summary>
    public int Enqueue(IReadOnlyList<Capture> captures)
    {
        ArgumentNullException.ThrowIfNull(captures);
        if (captures.Count == 0) return 0;
        lock (_gate)
        {
            AddCaptures(captures);
            return QueueStored(captures.Select(c => c.Id).ToArray());
        }
    }

    /// <summary>Queues a job for every stored capture that is neither processed nor queued; returns how many.</summary>
    public int EnqueueStored()
    {
        lock (_gate)
            return QueueStored(null);
    }

    // Queues the stored captures (all, or those of ids) that are not processed; a capture already queued keeps its job.
    private int QueueStored(string[]? ids) => Run($"""
        INSERT INTO jobs(capture_id)
        SELECT id FROM captures WHERE status <> 'processed' {(ids is null ? "" : "AND id = ANY(@ids)")} ORDER BY seq
        ON CONFLICT (capture_id) DO NOTHING
        """, null, ids is null ? [] : [("@ids", ids)]);

    /// <summary>
    /// Claims up to <paramref name="count"/> jobs, oldest first: queued ones, failed ones due for
    /// another attempt, and leased ones whose lease ran out (their worker is taken to be dead).
    /// Jobs whose lease ran out on their last attempt are parked first, so a capture that kills
    /// every worker that takes it stops being handed out.
    /// </summary>
    /// <param name="owner">The worker's name.</param>
    /// <param name="count">Most jobs to claim.</param>
    /// <param name="duration">How long the lease holds unless renewed.</param>
    /// <param name="maxAttempts">Claims a capture gets in all.</param>
    /// <returns>The lease, or null when no job is ready.</returns>
    public JobLease? Claim(string owner, int count, TimeSpan duration, int maxAttempts)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        if (duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "a lease lasts some time");
        string id = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            using var tx = Begin();
            Run($"""
                UPDATE jobs SET status='parked',
                    error_code = CASE WHEN status='leased' THEN '{DiagnosticCodes.LeaseExpired}' ELSE error_code END,
                    error_message = CASE WHEN status='leased' THEN 'the worker ' || coalesce(lease_owner, '?') || ' stopped before writing it, on its last attempt' ELSE error_message END,
                    lease_owner=NULL, lease_id=NULL, lease_expires=NULL
                WHERE ((status='leased' AND lease_expires < now()) OR status='failed') AND attempts >= @max
                """, tx, ("@max", maxAttempts));
            var claimed = new List<(long Seq, string Id, int Attempts)>();
            DateTimeOffset expires = default;
            using (var cmd = Cmd("""
                WITH c AS (
                    SELECT capture_id FROM jobs
                    WHERE (status IN ('queued', 'failed') OR (status='leased' AND lease_expires < now())) AND attempts < @max
                    ORDER BY seq LIMIT @n FOR UPDATE SKIP LOCKED)
                UPDATE jobs j SET status='leased', lease_owner=@owner, lease_id=@lease, attempts=j.attempts + 1,
                    lease_expires = now() + @ms * interval '1 millisecond'
                FROM c WHERE j.capture_id = c.capture_id
                RETURNING j.seq, j.capture_id, j.attempts, j.lease_expires
                """, tx))
            {
                Add(cmd, "@max", maxAttempts);
                Add(cmd, "@n", count);
                Add(cmd, "@owner", owner);
                Add(cmd, "@lease", id);
                Add(cmd, "@ms", duration.TotalMilliseconds);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    claimed.Add((r.GetInt64(0), r.GetString(1), r.GetInt32(2)));
                    expires = r.GetFieldValue<DateTimeOffset>(3);
                }
            }
            if (claimed.Count == 0)
            {
                tx.Commit();
                return null;
            }
            claimed.Sort((a, b) => a.Seq.CompareTo(b.Seq));
            var captures = ReadCaptures(tx, claimed.Select(c => c.Id).ToArray());
            tx.Commit();
            return new JobLease(id, owner, claimed.Where(c => captures.ContainsKey(c.Id)).Select(c => captures[c.Id]).ToList(),
                claimed.ToDictionary(c => c.Id, c => c.Attempts, StringComparer.Ordinal), maxAttempts, duration) { Expires = expires };
        }
    }

    private Dictionary<string, Capture> ReadCaptures(DbTransaction tx, string[] ids)
    {
        var captures = new Dictionary<string, Capture>(StringComparer.Ordinal);
        using var cmd = Cmd($"SELECT {CaptureColumns} FROM captures WHERE id = ANY(@ids)", tx);
        Add(cmd, "@ids", ids);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var c = ReadCapture(r, 0);
            captures[c.Id] = c;
        }
        return captures;
    }

    /// <summary>Extends the lease by its duration from now; false when the lease was lost (its jobs were taken over).</summary>
    public bool Renew(JobLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
            return Run("UPDATE jobs SET lease_expires = now() + @ms * interval '1 millisecond' WHERE lease_id=@lease AND status='leased'",
                null, ("@ms", lease.Duration.TotalMilliseconds), ("@lease", lease.Id)) > 0;
    }

    /// <summary>
    /// Gives the lease's unfinished jobs back to the queue at once (a worker stopping cleanly),
    /// without counting the attempt; returns how many went back.
    /// </summary>
    public int Release(JobLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
            return Run("""
                UPDATE jobs SET status='queued', attempts=greatest(attempts - 1, 0), lease_owner=NULL, lease_id=NULL, lease_expires=NULL
                WHERE lease_id=@lease AND status='leased'
                """, null, ("@lease", lease.Id));
    }

    /// <summary>
    /// Writes a leased batch: articles, mentions, events and the jobs' outcome in one transaction,
    /// only for the jobs that still carry this lease (locked first, so no other worker can take
    /// them over while the transaction runs). A capture that failed is set failed, or parked on
    /// its last attempt, with its error.
    /// </summary>
    public BatchCommit SaveBatch(IReadOnlyList<ProcessedCapture> batch, JobLease lease)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(lease);
        lock (_gate)
        {
            _lease = lease;
            _lost = 0;
            try
            {
                SaveBatch(batch);
                return new BatchCommit(batch.Count - _lost, _lost);
            }
            finally
            {
                _lease = null;
            }
        }
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<ProcessedCapture> FenceBatch(DbTransaction tx, IReadOnlyList<ProcessedCapture> batch)
    {
        if (_lease is not { } lease || batch.Count == 0) return batch;
        var held = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = Cmd("SELECT capture_id FROM jobs WHERE capture_id = ANY(@ids) AND lease_id=@lease AND status='leased' ORDER BY capture_id FOR UPDATE", tx))
        {
            Add(cmd, "@ids", batch.Select(pc => pc.Capture.Id).ToArray());
            Add(cmd, "@lease", lease.Id);
            using var r = cmd.ExecuteReader();
            while (r.Read()) held.Add(r.GetString(0));
        }
        var kept = batch.Where(pc => held.Contains(pc.Capture.Id)).ToList();
        _lost = batch.Count - kept.Count;
        if (kept.Count == 0) return kept;
        var states = kept.Select(pc => pc.Error is null ? "done"
            : lease.Attempts.GetValueOrDefault(pc.Capture.Id) >= lease.MaxAttempts ? "parked" : "failed").ToArray();
        Run("""
            UPDATE jobs j SET status=u.state, lease_owner=NULL, lease_id=NULL, lease_expires=NULL,
                commits = j.commits + CASE WHEN u.state='done' THEN 1 ELSE 0 END,
                error_code = CASE WHEN u.state='done' THEN NULL ELSE @code END,
                error_message = u.message,
                done_by = CASE WHEN u.state='done' THEN @owner ELSE j.done_by END,
                done_at = CASE WHEN u.state='done' THEN now() ELSE j.done_at END
            FROM unnest(@ids, @states, @messages) AS u(id, state, message)
            WHERE j.capture_id = u.id
            """, tx,
            ("@ids", kept.Select(pc => pc.Capture.Id).ToArray()), ("@states", states),
            ("@messages", kept.Select(pc => pc.Error).ToArray()), ("@code", DiagnosticCodes.StageFailed), ("@owner", lease.Owner));
        return kept;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Each key is hashed to a 64-bit advisory lock and the locks are taken in ascending order,
    /// so two batches wanting overlapping groups wait for each other but never deadlock. The
    /// locks last until the transaction ends; after a wait the re-clustering reads the mentions
    /// the other batch committed (READ COMMITTED takes a new snapshot per statement).
    /// </remarks>
    protected override void LockGroups(DbTransaction tx, IEnumerable<string> groupKeys)
    {
        var keys = groupKeys.Select(LockKey).Distinct().Order().ToList();
        for (int i = 0; i < keys.Count; i += LocksPerCommand)
        {
            var chunk = keys.Skip(i).Take(LocksPerCommand).ToList();
            using var cmd = Cmd(string.Join(';', chunk.Select((_, k) => $"SELECT pg_advisory_xact_lock(@k{k})")), tx);
            for (int k = 0; k < chunk.Count; k++) Add(cmd, "@k" + k, chunk[k]);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The advisory lock key of an event group: the first 8 bytes of its SHA-256.</summary>
    internal static long LockKey(string groupKey) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("group:" + groupKey)), 0);

    /// <summary>The queue now: depth by state, work per worker in the last minute and in all, failures by code.</summary>
    public QueueStatus QueueStatus()
    {
        lock (_gate)
        {
            var depth = Enum.GetValues<JobState>().ToDictionary(s => s, _ => 0L);
            using (var cmd = Cmd("SELECT status, count(*) FROM jobs GROUP BY status"))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    depth[Enum.Parse<JobState>(r.GetString(0), ignoreCase: true)] = r.GetInt64(1);
            var workers = new List<WorkerThroughput>();
            using (var cmd = Cmd("""
                SELECT done_by, count(*) FILTER (WHERE done_at > now() - interval '1 minute'), count(*), min(done_at), max(done_at)
                FROM jobs WHERE status='done' AND done_by IS NOT NULL GROUP BY done_by ORDER BY count(*) DESC, done_by
                """))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    workers.Add(new WorkerThroughput(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4)));
            var failures = new List<FailureCount>();
            using (var cmd = Cmd("""
                SELECT status, coalesce(error_code, ''), count(*) FROM jobs WHERE status IN ('failed', 'parked')
                GROUP BY status, error_code ORDER BY status, error_code
                """))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    failures.Add(new FailureCount(Enum.Parse<JobState>(r.GetString(0), ignoreCase: true), r.GetString(1), r.GetInt64(2)));
            var parked = new List<ParkedJob>();
            using (var cmd = Cmd("""
                SELECT j.capture_id, c.source, j.attempts, coalesce(j.error_code, ''), coalesce(j.error_message, '')
                FROM jobs j JOIN captures c ON c.id = j.capture_id WHERE j.status='parked' ORDER BY j.seq DESC LIMIT 20
                """))
            using (var r = cmd.ExecuteReader())
                while (r.Read())
                    parked.Add(new ParkedJob(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4)));
            return new QueueStatus(depth, workers, failures, parked);
        }
    }

    /// <summary>Puts every parked job back in the queue with no attempts counted (after a fix); returns how many.</summary>
    public int RequeueParked()
    {
        lock (_gate)
            return Run("UPDATE jobs SET status='queued', attempts=0, error_code=NULL, error_message=NULL WHERE status='parked'");
    }
}
