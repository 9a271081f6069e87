using System.Globalization;
using System.Text;
using FluentAssertions;
using Npgsql;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;
using Parley.Storage.Queue;
using Parley.Tests.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Queue;

/// <summary>
/// The team server's job queue on a real PostgreSQL server: claims never overlap, an expired
/// lease is taken over, a worker that lost its lease writes nothing, failures are retried then
/// parked, and workers running at once process every capture exactly once with the same events
/// as one process on SQLite. Each test has its own schema.
/// </summary>
public sealed class PostgresQueueTests : IDisposable
{
    private readonly string _server;
    private readonly string _schema = "q" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<PostgresEventStore> _stores = [];
    private readonly TempFolder _dir = new();

    public PostgresQueueTests()
    {
        _server = PostgresServer.ConnectionString
            ?? throw new InvalidOperationException("PARLEY_TEST_PG is not set, but CI is: the queue tests need a PostgreSQL server (.ci/run starts one).");
        Admin($"DROP SCHEMA IF EXISTS {_schema} CASCADE; CREATE SCHEMA {_schema}");
    }

    public void Dispose()
    {
        foreach (var s in _stores) s.Dispose();
        Admin($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        _dir.Dispose();
    }

    // A connection of its own, as a worker on another host has.
    private PostgresEventStore Open()
    {
        var store = new PostgresEventStore(new NpgsqlConnectionStringBuilder(PostgresEventStore.ConnectionString(_server)) { SearchPath = _schema }.ConnectionString);
        _stores.Add(store);
        return store;
    }

    private object? Admin(string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresEventStore.ConnectionString(_server)) { SearchPath = _schema }.ConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static List<Capture> Made(int n) =>
        Enumerable.Range(0, n).Select(i => new Capture($"c{i:D3}", $"made-{i}.txt", null, CaptureFormat.Text,
            Encoding.UTF8.GetBytes($"SEOUL, March {i % 27 + 1} (Yonhap) -- Capture {i}."), null)).ToList();

    private static List<Capture> Samples() =>
        new CaptureReader().Read([Path.Combine(Repo.Root, "samples")], new Diagnostics()).ToList();

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private static ProcessedCapture Ok(Capture c) => new(c, [], []);

    [StoreFact]
    public void Enqueue_QueuesEachCaptureOnce()
    {
        var store = Open();
        var captures = Made(5);
        store.Enqueue(captures).Should().Be(5);
        store.Enqueue(captures).Should().Be(0, "a capture already queued is not queued again");
        store.QueueStatus().Depth[JobState.Queued].Should().Be(5);
        store.Counts().Captures.Should().Be(5);
    }

    [StoreFact]
    public void Claim_TwoWorkersNeverGetTheSameJob()
    {
        Open().Enqueue(Made(5));
        var a = Open().Claim("a", 2, Minute, 3)!;
        var b = Open().Claim("b", 2, Minute, 3)!;
        var c = Open().Claim("c", 2, Minute, 3)!;

        a.Captures.Select(x => x.Id).Should().Equal("c000", "c001");
        b.Captures.Select(x => x.Id).Should().Equal("c002", "c003");
        c.Captures.Select(x => x.Id).Should().Equal("c004");
        Open().Claim("d", 2, Minute, 3).Should().BeNull("every job is leased");
        Open().QueueStatus().Depth[JobState.Leased].Should().Be(5);
    }

    [StoreFact]
    public void Claim_TakesOverAnExpiredLease()
    {
        var dead = Open();
        dead.Enqueue(Made(3));
        var lost = dead.Claim("dead", 3, Minute, 3)!;
        Open().Claim("live", 3, Minute, 3).Should().BeNull("the lease still holds");

        Admin("UPDATE jobs SET lease_expires = now() - interval '1 second'");
        var taken = Open().Claim("live", 3, Minute, 3)!;

        taken.Captures.Select(x => x.Id).Should().Equal(lost.Captures.Select(x => x.Id));
        taken.Id.Should().NotBe(lost.Id);
        taken.Attempts.Values.Should().AllBeEquivalentTo(2);
    }

    [StoreFact]
    public void SaveBatch_WorkerThatLostItsLeaseWritesNothing()
    {
        var slow = Open();
        var captures = Samples().Take(2).ToList();
        slow.Enqueue(captures);
        var ingest = new IngestService(slow, DictionarySet.Default);
        var stale = slow.Claim("slow", 2, Minute, 3)!;
        Admin("UPDATE jobs SET lease_expires = now() - interval '1 second'");
        var other = Open();
        var fresh = other.Claim("fast", 2, Minute, 3)!;

        var results = stale.Captures.Select(c => ingest.Process(c, new Diagnostics())).ToList();
        results.Sum(r => r.Articles.Count).Should().BeGreaterThan(0);
        slow.SaveBatch(results, stale).Should().Be(new BatchCommit(0, 2));
        slow.Counts().Articles.Should().Be(0, "the fenced batch wrote no article");
        slow.Renew(stale).Should().BeFalse();

        other.SaveBatch(results, fresh).Should().Be(new BatchCommit(2, 0));
        other.Counts().Articles.Should().Be(results.Sum(r => r.Articles.Count));
        Admin("SELECT count(*) FROM jobs WHERE status='done' AND commits=1 AND done_by='fast'").Should().Be(2L);
    }

    [StoreFact]
    public void SaveBatch_FencesPerJob_WhenOnlyPartOfTheLeaseWasTakenOver()
    {
        var a = Open();
        a.Enqueue(Made(3));
        var lease = a.Claim("a", 3, Minute, 3)!;
        Admin("UPDATE jobs SET lease_expires = now() - interval '1 second' WHERE capture_id='c001'");
        var b = Open().Claim("b", 3, Minute, 3)!;
        b.Captures.Select(c => c.Id).Should().Equal("c001");

        a.SaveBatch(lease.Captures.Select(Ok).ToList(), lease).Should().Be(new BatchCommit(2, 1));
        Admin("SELECT string_agg(capture_id || ':' || status, ',' ORDER BY capture_id) FROM jobs").Should().Be("c000:done,c001:leased,c002:done");
    }

    [StoreFact]
    public void FailedCapture_IsRetriedThenParkedWithItsError()
    {
        var store = Open();
        store.Enqueue(Made(1));
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            var lease = store.Claim("w", 5, Minute, maxAttempts: 2)!;
            lease.Attempts["c000"].Should().Be(attempt);
            store.SaveBatch([new ProcessedCapture(lease.Captures[0], [], [], "NullReferenceException: boom")], lease);
        }

        store.Claim("w", 5, Minute, 2).Should().BeNull("a parked capture is not handed out");
        var status = store.QueueStatus();
        status.Depth[JobState.Parked].Should().Be(1);
        status.Remaining.Should().Be(0);
        status.Failures.Should().Equal(new FailureCount(JobState.Parked, DiagnosticCodes.StageFailed, 1));
        status.Parked.Should().ContainSingle().Which.Should().Be(new ParkedJob("c000", "made-0.txt", 2, DiagnosticCodes.StageFailed, "NullReferenceException: boom"));
        store.Counts().Captures.Should().Be(1, "the capture is kept");

        store.RequeueParked().Should().Be(1);
        store.Claim("w", 5, Minute, 2)!.Attempts["c000"].Should().Be(1);
    }

    [StoreFact]
    public void FailedOnce_ThenDone_IsNotParked()
    {
        var store = Open();
        store.Enqueue(Made(1));
        var first = store.Claim("w", 1, Minute, 3)!;
        store.SaveBatch([new ProcessedCapture(first.Captures[0], [], [], "IOException: flaky")], first);
        store.QueueStatus().Depth[JobState.Failed].Should().Be(1);

        var second = store.Claim("w", 1, Minute, 3)!;
        store.SaveBatch([Ok(second.Captures[0])], second);
        Admin("SELECT status || ':' || attempts || ':' || commits || ':' || coalesce(error_code, '-') FROM jobs").Should().Be("done:2:1:-");
    }

    [StoreFact]
    public void ExpiredLeaseOnLastAttempt_IsParkedAsLost()
    {
        var store = Open();
        store.Enqueue(Made(1));
        store.Claim("crashes", 1, Minute, maxAttempts: 1).Should().NotBeNull();
        Admin("UPDATE jobs SET lease_expires = now() - interval '1 second'");

        store.Claim("next", 1, Minute, 1).Should().BeNull();
        var parked = store.QueueStatus().Parked.Should().ContainSingle().Subject;
        parked.Code.Should().Be(DiagnosticCodes.LeaseExpired);
        parked.Message.Should().Contain("crashes");
    }

    [StoreFact]
    public void Release_GivesTheBatchBackWithoutCountingTheAttempt()
    {
        var store = Open();
        store.Enqueue(Made(2));
        var lease = store.Claim("stopping", 2, Minute, 3)!;
        store.Release(lease).Should().Be(2);
        var again = Open().Claim("other", 2, Minute, 3)!;
        again.Attempts.Values.Should().AllBeEquivalentTo(1);
    }

    [StoreFact]
    public async Task Workers_AtOnce_ProcessEveryCaptureOnce_AndMatchOneSqliteProcess()
    {
        var captures = Samples();
        Open().Enqueue(captures);
        // Three workers with batches of one: mentions of one event arrive from different workers at once.
        var runs = Enumerable.Range(1, 3).Select(i =>
        {
            var store = Open();
            var worker = new WorkerService(store, new IngestService(store, DictionarySet.Default))
            {
                Name = "w" + i, BatchSize = 1, Threads = 1, UntilEmpty = true, IdlePoll = TimeSpan.FromMilliseconds(50),
            };
            return Task.Run(() => worker.RunAsync(null, CancellationToken.None));
        }).ToList();
        var results = await Task.WhenAll(runs);

        results.Sum(r => r.Captures).Should().Be(captures.Count);
        results.Sum(r => r.Lost).Should().Be(0);
        Admin("SELECT count(*) FROM jobs WHERE status='done' AND commits=1").Should().Be((long)captures.Count);

        using var sqlite = new SqliteEventStore(Path.Combine(_dir.Path, "one.db"));
        new IngestService(sqlite, DictionarySet.Default) { Workers = 1 }.Ingest(captures, new Diagnostics());
        var pg = Open();
        pg.Counts().Should().Be(sqlite.Counts());
        Canonical(pg).Should().Equal(Canonical(sqlite));
    }

    [StoreFact]
    public async Task Worker_StopsWhenCancelled_BetweenBatches()
    {
        var store = Open();
        store.Enqueue(Samples());
        using var stop = new CancellationTokenSource();
        var worker = new WorkerService(store, new IngestService(store, DictionarySet.Default))
        {
            Name = "w", BatchSize = 4, Threads = 1,
            Progress = _ => stop.Cancel(),
        };
        var r = await worker.RunAsync(null, stop.Token);

        r.Batches.Should().Be(1, "the worker stops after the batch during which it was told to");
        var status = store.QueueStatus();
        status.Depth[JobState.Done].Should().Be(4);
        status.Depth[JobState.Leased].Should().Be(0);
    }

    [StoreFact]
    public void EnqueueStored_QueuesStoredCapturesOnce_ButNotProcessedOnes()
    {
        var store = Open();
        var all = Made(5);
        new IngestService(store, DictionarySet.Default) { Workers = 1 }.Ingest(all.Skip(4), new Diagnostics());
        store.Enqueue(all.Take(2).ToList());
        store.AddCaptures(all.Take(4).ToList());

        store.EnqueueStored().Should().Be(2, "c002 and c003 were stored without a job");
        store.EnqueueStored().Should().Be(0);
        Admin("SELECT string_agg(capture_id, ',' ORDER BY capture_id) FROM jobs").Should().Be("c000,c001,c002,c003");
    }

    [StoreFact]
    public void PlainIngest_LeavesQueuedCapturesToTheWorkers_ButResumesItsOwn()
    {
        var store = Open();
        var queued = Made(3);
        store.Enqueue(queued);
        var own = Made(5).Skip(3).ToList();
        store.AddCaptures(own);  // stored by a plain ingest that was killed before processing them

        store.PendingCaptures().Select(c => c.Id).Should().Equal(own.Select(c => c.Id));
        new IngestService(store, DictionarySet.Default) { Workers = 1 }.Ingest(Array.Empty<Capture>(), new Diagnostics());

        store.QueueStatus().Depth[JobState.Queued].Should().Be(3);
        queued.Should().OnlyContain(c => !store.IsProcessed(c.Id));
        own.Should().OnlyContain(c => store.IsProcessed(c.Id));
    }

    // A worker's store whose connection can be found (and cut) by its application name.
    private PostgresEventStore OpenNamed(string application)
    {
        var store = new PostgresEventStore(new NpgsqlConnectionStringBuilder(PostgresEventStore.ConnectionString(_server))
        { SearchPath = _schema, ApplicationName = application }.ConnectionString);
        _stores.Add(store);
        return store;
    }

    private void CutConnections(string application) =>
        Admin($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{application}'")
            .Should().Be(1L, "the worker has one connection to cut");

    [StoreFact]
    public async Task Worker_WhoseConnectionIsCut_ReconnectsAndFinishes_EachCaptureOnce()
    {
        var captures = Samples();
        Open().Enqueue(captures);
        string app = "cut-" + _schema;
        var store = OpenNamed(app);
        var pauses = new List<TimeSpan>();
        int batches = 0;
        var worker = new WorkerService(store, new IngestService(store, DictionarySet.Default))
        {
            Name = "w", BatchSize = 2, Threads = 1, UntilEmpty = true, IdlePoll = TimeSpan.FromMilliseconds(50),
            ReconnectPause = TimeSpan.FromMilliseconds(100),
            Reconnecting = (_, pause) => pauses.Add(pause),
            // Cut the connection after the first batch and again after the second.
            Progress = _ => { if (++batches <= 2) CutConnections(app); },
        };
        var r = await worker.RunAsync(null, CancellationToken.None);

        pauses.Should().HaveCount(2, "the worker lost its database twice and got it back at the first try each time");
        r.Captures.Should().Be(captures.Count);
        store.IsConnected.Should().BeTrue();
        Admin("SELECT count(*) FROM jobs WHERE status='done' AND commits=1").Should().Be((long)captures.Count);
        Admin("SELECT count(*) FROM jobs WHERE attempts <> 1").Should().Be(0L, "no batch was in hand when the connection was cut");
    }

    [StoreFact]
    public async Task Worker_GivesUp_WhenItMayNotReconnect()
    {
        var store = OpenNamed("cut-" + _schema);
        store.Enqueue(Samples());
        var worker = new WorkerService(store, new IngestService(store, DictionarySet.Default))
        {
            Name = "w", BatchSize = 2, Threads = 1, UntilEmpty = true, ReconnectFor = TimeSpan.Zero,
            Progress = _ => CutConnections("cut-" + _schema),
        };
        var run = () => worker.RunAsync(null, CancellationToken.None);

        await run.Should().ThrowAsync<NpgsqlException>();
        store.IsConnected.Should().BeFalse();
        Admin("SELECT count(*) FROM jobs WHERE status='done'").Should().Be(2L, "the first batch was written before the cut");
    }

    /// <summary>Every event as id, date, code, actors and counts, sorted by id.</summary>
    internal static List<string> Canonical(IEventStore store) =>
        store.EnumerateEvents(new EventQuery { Modalities = Enum.GetValues<Modality>() })
            .Select(e => string.Join('|', e.Id, e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Code.Code, e.Source.Code, e.Target.Code,
                e.NumMentions, e.NumArticles, e.NumSources, e.Code.Goldstein.ToString(CultureInfo.InvariantCulture)))
            .Order(StringComparer.Ordinal).ToList();
}
