using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// The analysis queries, checked against the events that QueryEvents returns for the same filter;
/// run for every store over the same ingested seeds.
/// </summary>
public abstract class AnalysisTests
{
    private readonly RelationalEventStore _store;

    protected AnalysisTests(RelationalEventStore store) => _store = store;

    /// <summary>Ingests the seed and sample captures into <paramref name="store"/>.</summary>
    protected static RelationalEventStore Seed(RelationalEventStore store)
    {
        new IngestService(store, DictionarySet.Default).Ingest([Repo.Seeds, Path.Combine(Repo.Root, "samples")], new Diagnostics());
        return store;
    }

    /// <summary>True when the store's search matches word forms ("phone" finds "phones"), not just the words.</summary>
    protected virtual bool Stems => false;

    // A highlighted word of a stemming search begins like one of the words searched for.
    private static bool SharesAStem(string highlighted, string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w =>
        {
            int n = Math.Min(4, Math.Min(w.Length, highlighted.Length));
            return n > 0 && highlighted.StartsWith(w[..n], StringComparison.OrdinalIgnoreCase);
        });

    private List<Event> Dated(EventQuery q) => _store.QueryEvents(q with { Limit = 100_000 }).Where(e => e.Date is not null).ToList();

    [StoreTheory]
    [InlineData(SeriesBucket.Day)]
    [InlineData(SeriesBucket.Week)]
    [InlineData(SeriesBucket.Month)]
    public void Series_BucketsHoldExactlyTheirEvents(SeriesBucket bucket)
    {
        var filter = new EventQuery { Dyad = ("KOR", "USA") };
        var points = _store.Series(filter, bucket);
        var events = Dated(filter);
        points.Should().NotBeEmpty();
        points.Sum(p => p.Events).Should().Be(events.Count);
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var end = i + 1 < points.Count ? points[i + 1].Start : DateOnly.MaxValue;
            var inside = events.Where(e => e.Date >= p.Start && e.Date < end).ToList();
            p.Events.Should().Be(inside.Count, $"bucket {p.Start}");
            p.VerbalCooperation.Should().Be(inside.Count(e => e.Code.Quad == QuadClass.VerbalCooperation));
            p.VerbalConflict.Should().Be(inside.Count(e => e.Code.Quad == QuadClass.VerbalConflict));
            p.GoldsteinSum.Should().BeApproximately(inside.Sum(e => e.Code.Goldstein), 0.001);
            if (inside.Count > 0) p.GoldsteinMean.Should().BeApproximately(inside.Average(e => e.Code.Goldstein), 0.001);
            else p.GoldsteinMean.Should().BeNull();
            if (p.Articles > 0) p.EventsPerHundredArticles.Should().BeApproximately(100.0 * p.Events / p.Articles, 0.001);
        }
        if (bucket == SeriesBucket.Week) points.Should().OnlyContain(p => p.Start.DayOfWeek == DayOfWeek.Monday);
        if (bucket == SeriesBucket.Month) points.Should().OnlyContain(p => p.Start.Day == 1);
    }

    [StoreFact]
    public void Series_WithARange_CoversTheWholeRange()
    {
        var points = _store.Series(new EventQuery { Dyad = ("KOR", "USA"), From = new DateOnly(2018, 1, 10), To = new DateOnly(2018, 6, 5) }, SeriesBucket.Month);
        points.Select(p => p.Start).Should().Equal(
            new DateOnly(2018, 1, 1), new DateOnly(2018, 2, 1), new DateOnly(2018, 3, 1), new DateOnly(2018, 4, 1), new DateOnly(2018, 5, 1), new DateOnly(2018, 6, 1));
        points.Single(p => p.Start.Month == 3).Events.Should().BeGreaterThan(0, "Moon and Trump spoke in March 2018");
    }

    [StoreFact]
    public void Series_NothingMatches_IsEmpty() =>
        _store.Series(new EventQuery { Dyad = ("BRA", "ARG") }, SeriesBucket.Week).Should().BeEmpty();

    [StoreTheory]
    [InlineData(NetworkLevel.Actor)]
    [InlineData(NetworkLevel.Country)]
    [InlineData(NetworkLevel.Name)]
    public void Network_EdgesCountEveryEventOnce(NetworkLevel level)
    {
        var filter = new EventQuery();
        var net = _store.Network(filter, level, 10_000);
        var events = _store.QueryEvents(filter with { Limit = 100_000 });
        net.Truncated.Should().BeFalse();
        net.Edges.Sum(e => e.Events).Should().Be(events.Count);
        net.Edges.Should().OnlyContain(e => e.Cooperative + e.Conflictual == e.Events);
        net.Edges.Select(e => e.Events).Should().BeInDescendingOrder();
        var ids = net.Nodes.Select(n => n.Id).ToHashSet();
        net.Edges.Should().OnlyContain(e => ids.Contains(e.Source) && ids.Contains(e.Target));
        if (level == NetworkLevel.Country) ids.Should().Contain(["KOR", "USA", "PRK"]);
        if (level == NetworkLevel.Name) net.Nodes.Select(n => n.Label).Should().Contain(["Moon Jae-in", "Donald Trump"]);
    }

    [StoreFact]
    public void Network_CutToTheHeaviestEdges_SaysSo()
    {
        var net = _store.Network(new EventQuery(), NetworkLevel.Actor, 2);
        net.Edges.Should().HaveCount(2);
        net.Truncated.Should().BeTrue();
        net.Edges[0].Events.Should().BeGreaterThanOrEqualTo(net.Edges[1].Events);
    }

    [StoreFact]
    public void Timeline_ForATextQuery_HoldsTheMatchingDatedEventsOldestFirst()
    {
        var filter = new EventQuery { Text = "phone" };
        var items = _store.Timeline(filter);
        items.Select(i => i.EventId).Should().BeEquivalentTo(Dated(filter).Select(e => e.Id));
        items.Select(i => i.Date).Should().BeInAscendingOrder();
        items.Should().Contain(i => i.Cameo == "041" && i.Date == new DateOnly(2018, 3, 16));
        items.Should().OnlyContain(i => i.Mentions > 0 && i.Headline != null);
    }

    [StoreFact]
    public void CountEvents_MatchesQueryEvents()
    {
        foreach (var filter in new[] { new EventQuery(), new EventQuery { Country = "PRK" }, new EventQuery { Cameo = "04", Modalities = [] } })
            _store.CountEvents(filter).Should().Be(_store.QueryEvents(filter with { Limit = 100_000 }).Count);
    }

    [StoreFact]
    public void TextWithPunctuation_MatchesTheWrittenForm_InSearchAndEventFilters()
    {
        _store.SearchArticles("U.S.", 10, 0).Total.Should().BeGreaterThan(0, "the seeds write \"U.S.\"");
        var filter = new EventQuery { Text = "U.S." };
        _store.CountEvents(filter).Should().BeGreaterThan(0).And.Be(_store.QueryEvents(filter with { Limit = 100_000 }).Count);
        _store.CountEvents(new EventQuery { Text = "..." }).Should().Be(0, "text without a word matches nothing");
    }

    [StoreTheory]
    [InlineData("phone", 1)]
    [InlineData("PHONE Trump", 1)]
    [InlineData("zzzznotaword", 0)]
    [InlineData("\"", 0)]
    [InlineData("NEAR(", 0)]
    public void SearchArticles_MatchesWordsLiterally(string text, int atLeast)
    {
        var r = _store.SearchArticles(text, 10, 0);
        r.Total.Should().BeGreaterThanOrEqualTo(atLeast);
        if (text.StartsWith('z')) r.Total.Should().Be(0);
        r.Hits.Should().HaveCount(Math.Min(10, r.Total));
        foreach (var hit in r.Hits)
            hit.Highlights.Select(h => hit.Snippet.Substring(h.Start, h.Length)).Should()
                .OnlyContain(w => Stems ? SharesAStem(w, text) : text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class SqliteAnalysisTests(SqliteAnalysisTests.SeedStore seeds) : AnalysisTests(seeds.Store), IClassFixture<SqliteAnalysisTests.SeedStore>
{
    public sealed class SeedStore : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("parley-analysis-").FullName;

        public SeedStore() => Store = Seed(new SqliteEventStore(Path.Combine(_dir, "a.db")));

        public RelationalEventStore Store { get; }

        public void Dispose()
        {
            Store.Dispose();
            Directory.Delete(_dir, recursive: true);
        }
    }
}

public sealed class PostgresAnalysisTests(PostgresAnalysisTests.SeedStore seeds) : AnalysisTests(seeds.Store), IClassFixture<PostgresAnalysisTests.SeedStore>
{
    protected override bool Stems => true;

    /// <summary>The seeds in a schema of their own on the test server, dropped afterwards; nothing when the tests are skipped.</summary>
    public sealed class SeedStore : IDisposable
    {
        private readonly string _schema = "a" + Guid.NewGuid().ToString("N")[..12];
        private readonly RelationalEventStore? _store;

        public SeedStore()
        {
            if (PostgresServer.SkipReason is not null) return;
            var server = PostgresServer.ConnectionString
                ?? throw new InvalidOperationException("PARLEY_TEST_PG is not set, but CI is: the PostgreSQL analysis tests need a server (.ci/run starts one).");
            Admin($"CREATE SCHEMA {_schema}");
            _store = Seed(new PostgresEventStore(
                new Npgsql.NpgsqlConnectionStringBuilder(PostgresEventStore.ConnectionString(server)) { SearchPath = _schema }.ConnectionString));
        }

        public RelationalEventStore Store => _store ?? throw new InvalidOperationException(PostgresServer.SkipReason);

        public void Dispose()
        {
            if (_store is null) return;
            _store.Dispose();
            Admin($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        }

        private static void Admin(string sql)
        {
            using var admin = new Npgsql.NpgsqlConnection(PostgresEventStore.ConnectionString(PostgresServer.ConnectionString!));
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
    }
}
