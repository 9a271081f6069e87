using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;
using Parley.Tests.Support;

namespace Parley.Tests.Storage;

/// <summary>
/// What every store must do, run against SQLite and against a real PostgreSQL server: one
/// story and one event per real event across wire copies, distinct events kept apart,
/// idempotent re-ingest, results independent of batch order, nothing orphaned, captures
/// streamed, full-text search.
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    private static readonly string Consolidation = Path.Combine(Repo.Inputs, "consolidation");
    private readonly List<RelationalEventStore> _open = [];

    /// <summary>A new, empty store; <paramref name="name"/> names it so that <see cref="Reopen"/> finds it again.</summary>
    protected abstract RelationalEventStore Create(string name);

    /// <summary>The store <paramref name="name"/> opened again (a new connection, as after a restart).</summary>
    protected abstract RelationalEventStore Reopen(string name);

    public virtual void Dispose()
    {
        foreach (var s in _open) s.Dispose();
        GC.SuppressFinalize(this);
    }

    private RelationalEventStore Track(RelationalEventStore s)
    {
        _open.Add(s);
        return s;
    }

    private RelationalEventStore New(string name = "main") => Track(Create(name));

    private static IngestResult Ingest(IEventStore store, IEnumerable<Capture> captures, int batch = 64) =>
        new IngestService(store, DictionarySet.Default) { BatchSize = batch }.Ingest(captures, new Diagnostics());

    private static IngestResult Ingest(IEventStore store, params string[] paths) =>
        new IngestService(store, DictionarySet.Default).Ingest(paths, new Diagnostics());

    private static List<Capture> Read(params string[] paths) => new CaptureReader().Read(paths, new Diagnostics()).ToList();

    private static List<Event> All(IEventStore store) => store.EnumerateEvents(new EventQuery { Modalities = [] }).OrderBy(e => e.Id).ToList();

    // What must not change between two runs: ids, what each event is, and its counts.
    private static List<string> Snapshot(IEventStore store) =>
        All(store).Select(e => $"{e.Id} {e.Date} {e.Source.Code}>{e.Target.Code} {e.Code.Code} {e.Modality} m{e.NumMentions} a{e.NumArticles} s{e.NumSources} {e.Location}").ToList();

    [StoreFact]
    public void EnumerateEvents_PagesFromTheLastKey_GiveTheQueryOrderWithoutGapsOrRepeats()
    {
        var store = New();
        Ingest(store, Path.Combine(Repo.Root, "samples"));
        var all = new EventQuery { Modalities = [], Limit = 100_000 };
        var expected = store.QueryEvents(all).Select(e => e.Id).ToList();
        expected.Should().HaveCountGreaterThan(20);

        foreach (int page in new[] { 1, 7, expected.Count, 500 })
            store.EnumerateEvents(all, page).Select(e => e.Id).Should().Equal(expected, $"pages of {page} continue where the last ended");
        var korea = all with { Country = "KOR" };
        store.EnumerateEvents(korea, 3).Select(e => e.Id).Should().Equal(store.QueryEvents(korea).Select(e => e.Id));
    }

    [StoreFact]
    public void WireStory_CopiesAndUpdateAreOneStoryAndOneEventPerRealEvent()
    {
        var store = New();
        Ingest(store, Path.Combine(Consolidation, "wire-story.jsonl"));
        var events = All(store);
        var articles = events.SelectMany(e => e.Mentions).Select(m => m.ArticleId).Distinct().ToList();
        articles.Should().HaveCount(3);
        articles.Select(store.StoryOf).Distinct().Should().ContainSingle("the Yonhap first version, its reprint and its (2nd LD) are one story");
        var talks = events.Where(e => e.Source.Code == "KORGOV" && e.Target.Code == "USAGOV" && e.Code.Root == "04" && e.Date == new DateOnly(2022, 6, 13)).ToList();
        talks.Should().ContainSingle("the talks in Washington on Monday are one event");
        talks[0].NumArticles.Should().Be(3);
        talks[0].NumSources.Should().Be(2, "Yonhap's two versions count for one source and the reprint for another");
        talks[0].NumMentions.Should().BeGreaterThanOrEqualTo(3).And.Be(talks[0].Mentions.Length);
        events.GroupBy(e => (e.Source.CountryCode, e.Target.CountryCode, e.Code.Root, e.Date, e.Modality))
            .Should().OnlyContain(g => g.Select(e => e.Source.Code + ">" + e.Target.Code).Distinct().Count() == g.Count(), "no real event is stored twice");
        var arrival = events.Single(e => e.Code.Code == "042" && e.Date == new DateOnly(2022, 6, 12));
        arrival.NumArticles.Should().Be(3);
        arrival.FirstSeen.Should().Be(DateTimeOffset.Parse("2022-06-14T08:05:00+09:00"));
        arrival.LastSeen.Should().Be(DateTimeOffset.Parse("2022-06-14T11:48:00+09:00"));
    }

    [StoreFact]
    public void PhoneCalls_OnDifferentDaysStayTwoEvents()
    {
        var store = New();
        Ingest(store, Path.Combine(Consolidation, "phone-calls.jsonl"));
        All(store).Where(e => e.Code.Code == "041" && e.Source.Code == "KORGOV" && e.Target.Code == "USAGOV")
            .Select(e => e.Date).Should().BeEquivalentTo(new DateOnly?[] { new DateOnly(2023, 3, 15), new DateOnly(2023, 3, 24) });
    }

    [StoreFact]
    public void Reingest_ChangesNoCountAndNoId()
    {
        var store = New();
        Ingest(store, Path.Combine(Repo.Root, "samples"), Consolidation);
        var counts = store.Counts();
        var snapshot = Snapshot(store);
        store.Dispose();
        var again = Track(Reopen("main"));
        var r = Ingest(again, Path.Combine(Repo.Root, "samples"), Consolidation);
        r.New.Should().Be(0);
        again.Counts().Should().Be(counts);
        Snapshot(again).Should().Equal(snapshot);
        counts.Events.Should().BeGreaterThan(10);
    }

    [StoreFact]
    public void BatchOrder_ChangesNoEventIdOrCount()
    {
        var captures = Read(Path.Combine(Repo.Root, "samples"), Consolidation);
        var forward = New("forward");
        Ingest(forward, captures, batch: 64);
        var backward = New("backward");
        Ingest(backward, Enumerable.Reverse(captures), batch: 1);
        var shuffled = New("shuffled");
        Ingest(shuffled, captures.OrderBy(c => c.Id, StringComparer.Ordinal), batch: 3);
        Snapshot(backward).Should().Equal(Snapshot(forward));
        Snapshot(shuffled).Should().Equal(Snapshot(forward));
        backward.Counts().Should().Be(forward.Counts());
        var stories = forward.EnumerateEvents(new EventQuery { Modalities = [] }).SelectMany(e => e.Mentions).Select(m => (m.ArticleId, m.StoryId)).Distinct().OrderBy(x => x.ArticleId).ToList();
        backward.EnumerateEvents(new EventQuery { Modalities = [] }).SelectMany(e => e.Mentions).Select(m => (m.ArticleId, m.StoryId)).Distinct().OrderBy(x => x.ArticleId)
            .Should().Equal(stories);
    }

    [StoreFact]
    public void ReprocessedCapture_LeavesNoOrphanEventOrMention()
    {
        var store = New();
        var capture = Read(Path.Combine(Repo.Root, "samples", "reuters-style.txt")).Single();
        store.AddCapture(capture).Should().BeTrue();
        var service = new IngestService(store, DictionarySet.Default);
        store.SaveBatch([service.Process(capture, new Diagnostics())]);
        store.Counts().Events.Should().BeGreaterThan(0);
        store.SaveBatch([new ProcessedCapture(capture, [], [], "simulated failure")]);
        var counts = store.Counts();
        (counts.Events, counts.Mentions, counts.Articles, counts.Failed).Should().Be((0L, 0L, 0L, 1L));
        store.PendingCaptures().Select(c => c.Id).Should().Equal(capture.Id);
        Ingest(store, Array.Empty<Capture>());
        store.Counts().Failed.Should().Be(0);
        store.Counts().Events.Should().BeGreaterThan(0);
    }

    [StoreFact]
    public void PendingCaptures_StreamsEveryPendingCaptureOfTheMomentItWasCalled()
    {
        var store = New();
        int n = RelationalEventStore.CapturePage * 2 + 7;
        for (int i = 0; i < n; i++)
            store.AddCapture(new Capture($"c{i:D5}", $"c{i}.txt", null, CaptureFormat.Text, System.Text.Encoding.UTF8.GetBytes($"capture {i}"), null));
        var pending = store.PendingCaptures();
        store.AddCapture(new Capture("late", "late.txt", null, CaptureFormat.Text, "late"u8.ToArray(), null));
        var ids = pending.Select(c => c.Id).ToList();
        ids.Should().HaveCount(n).And.OnlyHaveUniqueItems().And.NotContain("late");
        store.PendingCaptures().Should().HaveCount(n + 1);
    }

    [StoreFact]
    public void TextQuery_FindsEventsByTheWordsOfTheirArticles()
    {
        var store = New();
        Ingest(store, Path.Combine(Consolidation, "wire-story.jsonl"), Path.Combine(Consolidation, "phone-calls.jsonl"));
        var hits = store.QueryEvents(new EventQuery { Text = "deterrence" });
        hits.Should().NotBeEmpty();
        hits.Should().OnlyContain(e => e.Date!.Value.Year == 2022);
        store.QueryEvents(new EventQuery { Text = "phone" }).Should().OnlyContain(e => e.Date!.Value.Year == 2023);
        store.QueryEvents(new EventQuery { Actor = "park" }).Should().NotBeEmpty("actor names match whatever their case");
    }

    [StoreFact]
    public void TextQuery_MatchesOtherFormsOfAWord()
    {
        var store = New();
        Ingest(store, Path.Combine(Consolidation, "wire-story.jsonl"), Path.Combine(Consolidation, "phone-calls.jsonl"));
        // The article says "missile launch" and "exchanged views".
        store.QueryEvents(new EventQuery { Text = "missile launches" }).Should().NotBeEmpty()
            .And.OnlyContain(e => e.Date!.Value.Year == 2023);
        store.QueryEvents(new EventQuery { Text = "exchanging views" }).Should().NotBeEmpty()
            .And.OnlyContain(e => e.Date!.Value.Year == 2023);
        store.SearchArticles("launches", 10, 0).Total.Should().Be(1);
    }

    [StoreFact]
    public void GetEvent_ReturnsMentionsWithStoryAndSource()
    {
        var store = New();
        Ingest(store, Path.Combine(Consolidation, "wire-story.jsonl"));
        var any = All(store).First(e => e.NumArticles == 3);
        var e = store.GetEvent(any.Id)!;
        e.Mentions.Should().HaveCount(e.NumMentions);
        e.Mentions.Select(m => m.SourceKey).Distinct().Should().BeEquivalentTo("en.yna.co.kr", "dailymeridian.com");
        e.Mentions.Should().OnlyContain(m => m.StoryId != null && m.End > m.Start && m.Sentence.Length >= m.End);
        store.GetEvent("ev-none").Should().BeNull();
    }
}

public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly TempFolder _dir = new();

    protected override RelationalEventStore Create(string name) => new SqliteEventStore(Path.Combine(_dir.Path, name + ".db"));

    protected override RelationalEventStore Reopen(string name) => Create(name);

    public override void Dispose()
    {
        base.Dispose();
        _dir.Dispose();
    }
}

public sealed class PostgresStoreTests : StoreContractTests
{
    private readonly string _server;
    private readonly List<string> _schemas = [];
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];

    public PostgresStoreTests() =>
        _server = PostgresServer.ConnectionString
            ?? throw new InvalidOperationException("PARLEY_TEST_PG is not set, but CI is: the PostgreSQL store tests need a server (.ci/run starts one).");

    protected override RelationalEventStore Create(string name)
    {
        string schema = _prefix + "_" + name;
        using (var admin = new Npgsql.NpgsqlConnection(PostgresEventStore.ConnectionString(_server)))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}";
            cmd.ExecuteNonQuery();
        }
        _schemas.Add(schema);
        return Reopen(name);
    }

    protected override RelationalEventStore Reopen(string name) => new PostgresEventStore(ConnectionTo(name));

    // A connection string whose search path is the schema of the store named name.
    private string ConnectionTo(string name) =>
        new Npgsql.NpgsqlConnectionStringBuilder(PostgresEventStore.ConnectionString(_server)) { SearchPath = _prefix + "_" + name }.ConnectionString;

    [StoreFact]
    public void PendingCaptures_AreReadThroughTheirOwnIndex()
    {
        using var store = (PostgresEventStore)Create("plan");
        var capture = new Capture("pending-0", "x.txt", null, CaptureFormat.Text, "Seoul and Tokyo agreed."u8.ToArray(), null);
        store.AddCapture(capture).Should().BeTrue();
        using var db = new Npgsql.NpgsqlConnection(ConnectionTo("plan"));
        db.Open();
        string Plan(string sql)
        {
            // Sequential scans priced out, so the plan shows which index can serve the query, whatever the table's size.
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SET enable_seqscan = off; EXPLAIN " + sql.Replace("@after", "0", StringComparison.Ordinal).Replace("@last", "1000", StringComparison.Ordinal);
            using var r = cmd.ExecuteReader();
            var lines = new List<string>();
            do { while (r.Read()) lines.Add(r.GetString(0)); } while (r.NextResult());
            return string.Join("\n", lines);
        }
        Plan(store.PendingPageSql).Should().Contain("captures_pending");
        Plan(store.FailedCountSql).Should().Contain("captures_pending");
        store.PendingCaptures().Select(c => c.Id).Should().Equal("pending-0");
    }

    public override void Dispose()
    {
        base.Dispose();
        using var admin = new Npgsql.NpgsqlConnection(PostgresEventStore.ConnectionString(_server));
        admin.Open();
        foreach (var schema in _schemas)
        {
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP SCHEMA IF EXISTS {schema} CASCADE";
            cmd.ExecuteNonQuery();
        }
    }
}
