using FluentAssertions;
using Microsoft.Data.Sqlite;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>Ingest on several workers: the store must end the same whatever the number of workers.</summary>
public sealed class ParallelIngestTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Samples => Path.Combine(Repo.Root, "samples");

    private IngestResult Run(string db, int workers, IEnumerable<Capture>? captures = null, CancellationToken ct = default)
    {
        using var store = new SqliteEventStore(db);
        // Small batches and queues so that several batches and a full queue happen on the samples.
        var service = new IngestService(store, DictionarySet.Default) { Workers = workers, BatchSize = 2, QueueCapacity = 3 };
        var diag = new Diagnostics();
        return service.Ingest(captures ?? new CaptureReader().Read([Samples], diag), diag, ct);
    }

    // Every row of the tables ingest writes, in a fixed order; the capture's arrival time is left out.
    private static List<string> Dump(string db)
    {
        var rows = new List<string>();
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        foreach (var (table, order) in new[] { ("captures", "id"), ("articles", "id"), ("events", "id"), ("mentions", "id") })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table} ORDER BY {order}";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                rows.Add(table + ": " + string.Join(" | ", Enumerable.Range(0, r.FieldCount)
                    .Where(i => r.GetName(i) is not "added_at" and not "content")
                    .Select(i => r.GetName(i) + "=" + Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Ingest_SameStoreWithOneOrManyWorkers(int workers)
    {
        var one = Path.Combine(_dir.Path, "one.db");
        var many = Path.Combine(_dir.Path, "many.db");
        var r1 = Run(one, 1);
        var rn = Run(many, workers);

        rn.Workers.Should().Be(workers);
        (rn with { Elapsed = default }).Should().BeEquivalentTo(r1 with { Elapsed = default }, o => o.Excluding(x => x.Workers).Excluding(x => x.Stages));
        r1.Mentions.Should().BeGreaterThan(0);
        var d1 = Dump(one);
        d1.Should().Contain(row => row.StartsWith("events: ")).And.Contain(row => row.StartsWith("mentions: "));
        Dump(many).Should().Equal(d1);
    }

    [Fact]
    public void Ingest_SkipsACaptureMetTwiceInOneRun()
    {
        var diag = new Diagnostics();
        var captures = new CaptureReader().Read([Samples], diag).ToList();
        var r = Run(Path.Combine(_dir.Path, "twice.db"), 4, captures.Concat(captures));
        r.Captures.Should().Be(2 * captures.Count);
        r.Skipped.Should().Be(captures.Count);
        r.New.Should().Be(captures.Count);
    }

    [Fact]
    public void Ingest_ResumesACancelledRunToTheSameEvents()
    {
        var clean = Path.Combine(_dir.Path, "clean.db");
        Run(clean, 2);

        var resumed = Path.Combine(_dir.Path, "resumed.db");
        using var cts = new CancellationTokenSource();
        var diag = new Diagnostics();
        // Stop the run after the fifth capture is read, as a kill would.
        var stopping = new CaptureReader().Read([Samples], diag).Select((c, i) =>
        {
            if (i == 5) cts.Cancel();
            return c;
        });
        var act = () => Run(resumed, 2, stopping, cts.Token);
        act.Should().Throw<OperationCanceledException>();
        using (var store = new SqliteEventStore(resumed))
            store.PendingCaptures().Should().NotBeEmpty("the run stored captures it had not finished");

        var second = Run(resumed, 2);
        second.Failed.Should().Be(0);
        using var a = new SqliteEventStore(clean);
        using var b = new SqliteEventStore(resumed);
        b.Counts().Should().Be(a.Counts());
        b.PendingCaptures().Should().BeEmpty();
        b.QueryEvents(new EventQuery { Modalities = [], Limit = 100_000 }).Select(e => e.Id).Order()
            .Should().Equal(a.QueryEvents(new EventQuery { Modalities = [], Limit = 100_000 }).Select(e => e.Id).Order());
    }

    [Fact]
    public void Ingest_ProcessesCapturesAKilledRunStoredButDidNotFinish()
    {
        var db = Path.Combine(_dir.Path, "killed.db");
        var diag = new Diagnostics();
        var captures = new CaptureReader().Read([Samples], diag).ToList();
        using (var store = new SqliteEventStore(db))
            foreach (var c in captures.Take(3)) store.AddCapture(c);

        var r = Run(db, 2);

        r.New.Should().Be(captures.Count - 3);
        r.Skipped.Should().Be(3, "the three stored captures are re-run first, then met again in the inputs");
        using var s = new SqliteEventStore(db);
        s.PendingCaptures().Should().BeEmpty();
        s.Counts().Captures.Should().Be(captures.Count);
    }

    [Fact]
    public void Ingest_RejectsZeroWorkers()
    {
        using var store = new SqliteEventStore(Path.Combine(_dir.Path, "z.db"));
        var act = () => new IngestService(store, DictionarySet.Default) { Workers = 0 }.Ingest(Array.Empty<Capture>(), new Diagnostics());
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
