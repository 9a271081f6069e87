using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>The analysis queries, checked against the events that QueryEvents returns for the same filter.</summary>
public sealed class AnalysisTests : IClassFixture<AnalysisTests.SeedStore>
{
    public sealed class SeedStore : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("parley-analysis-").FullName;

        public SeedStore()
        {
            Store = new SqliteEventStore(Path.Combine(_dir, "a.db"));
            new IngestService(Store, DictionarySet.Default).Ingest([Repo.Seeds, Path.Combine(Repo.Root, "samples")], new Diagnostics());
        }

        public SqliteEventStore Store { get; }

        public void Dispose()
        {
            Store.Dispose();
            Directory.Delete(_dir, recursive: true);
        }
    }

    private readonly SqliteEventStore _store;

    public AnalysisTests(SeedStore seeds) => _store = seeds.Store;

    private List<Event> Dated(EventQuery q) => _store.QueryEvents(q with { Limit = 100_000 }).Where(e => e.Date is not null).ToList();

    [Theory]
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

    [Fact]
    public void Series_WithARange_CoversTheWholeRange()
    {
        var points = _store.Series(new EventQuery { Dyad = ("KOR", "USA"), From = new DateOnly(2018, 1, 10), To = new DateOnly(2018, 6, 5) }, SeriesBucket.Month);
        points.Select(p => p.Start).Should().Equal(
            new DateOnly(2018, 1, 1), new DateOnly(2018, 2, 1), new DateOnly(2018, 3, 1), new DateOnly(2018, 4, 1), new DateOnly(2018, 5, 1), new DateOnly(2018, 6, 1));
        points.Single(p => p.Start.Month == 3).Events.Should().BeGreaterThan(0, "Moon and Trump spoke in March 2018");
    }

    [Fact]
    public void Series_NothingMatches_IsEmpty() =>
        _store.Series(new EventQuery { Dyad = ("BRA", "ARG") }, SeriesBucket.Week).Should().BeEmpty();

    [Theory]
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

    [Fact]
    public void Network_CutToTheHeaviestEdges_SaysSo()
    {
        var net = _store.Network(new EventQuery(), NetworkLevel.Actor, 2);
        net.Edges.Should().HaveCount(2);
        net.Truncated.Should().BeTrue();
        net.Edges[0].Events.Should().BeGreaterThanOrEqualTo(net.Edges[1].Events);
    }

    [Fact]
    public void Timeline_ForATextQuery_HoldsTheMatchingDatedEventsOldestFirst()
    {
        var filter = new EventQuery { Text = "phone" };
        var items = _store.Timeline(filter);
        items.Select(i => i.EventId).Should().BeEquivalentTo(Dated(filter).Select(e => e.Id));
        items.Select(i => i.Date).Should().BeInAscendingOrder();
        items.Should().Contain(i => i.Cameo == "041" && i.Date == new DateOnly(2018, 3, 16));
        items.Should().OnlyContain(i => i.Mentions > 0 && i.Headline != null);
    }

    [Fact]
    public void CountEvents_MatchesQueryEvents()
    {
        foreach (var filter in new[] { new EventQuery(), new EventQuery { Country = "PRK" }, new EventQuery { Cameo = "04", Modalities = [] } })
            _store.CountEvents(filter).Should().Be(_store.QueryEvents(filter with { Limit = 100_000 }).Count);
    }

    [Theory]
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
                .OnlyContain(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
