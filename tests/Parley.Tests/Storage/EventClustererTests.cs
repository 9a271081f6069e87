using FluentAssertions;
using Parley.Pipeline.Consolidation;
using Xunit;

namespace Parley.Tests.Storage;

public class EventClustererTests
{
    private static ClusterMention M(long row, string date, string basis, string cameo = "041", string? place = null, string src = "KORGOV", string tgt = "USAGOV", string article = "a") =>
        new(row, "KOR|USA|04|asserted", date.Length == 0 ? null : DateOnly.Parse(date), basis, cameo, place, article + row, src, tgt);

    private static int Events(params ClusterMention[] ms) => EventClusterer.Assign(ms).Values.Distinct().Count();

    [Theory]
    [InlineData("2023-03-15", "2023-03-24", 2)]
    [InlineData("2023-03-15", "2023-03-16", 2)]
    [InlineData("2023-03-15", "2023-03-15", 1)]
    public void Clusterer_PreciseDatesMergeOnlyOnTheSameDay(string a, string b, int events) =>
        Events(M(1, a, DateBases.Weekday), M(2, b, DateBases.Explicit)).Should().Be(events);

    [Theory]
    [InlineData("2023-03-15", 1)]
    [InlineData("2023-03-17", 1)]
    [InlineData("2023-03-18", 1)]
    [InlineData("2023-03-19", 2)]
    [InlineData("2023-03-13", 2)]
    public void Clusterer_PublicationDatedMentionJoinsAnAnchorUpToThreeDaysBefore(string published, int events) =>
        Events(M(1, "2023-03-15", DateBases.Weekday), M(2, published, DateBases.Publication)).Should().Be(events);

    [Fact]
    public void Clusterer_PublicationDatedMentionJoinsTheNearestAnchor()
    {
        var ids = EventClusterer.Assign([M(1, "2023-03-14", DateBases.Explicit), M(2, "2023-03-16", DateBases.Explicit), M(3, "2023-03-17", DateBases.Publication)]);
        ids[3].Should().Be(ids[2]).And.NotBe(ids[1]);
    }

    [Theory]
    [InlineData("040", "041", 1)]
    [InlineData("04", "042", 1)]
    [InlineData("041", "042", 2)]
    [InlineData("0411", "041", 1)]
    public void Clusterer_CodesMergeWhenOneIsTheParentOfTheOther(string a, string b, int events) =>
        Events(M(1, "2023-03-15", DateBases.Weekday, a), M(2, "2023-03-15", DateBases.Weekday, b)).Should().Be(events);

    [Theory]
    [InlineData("KORGOV", "USA", 1)]
    [InlineData("KOR", "USAGOV", 1)]
    [InlineData("KORMIL", "USAGOV", 2)]
    public void Clusterer_BareCountryCodeJoinsItsSpecificActor(string src, string tgt, int events) =>
        Events(M(1, "2023-03-15", DateBases.Weekday), M(2, "2023-03-15", DateBases.Weekday, src: src, tgt: tgt)).Should().Be(events);

    [Theory]
    [InlineData("Washington", "Washington", 1)]
    [InlineData("Washington", null, 1)]
    [InlineData("the White House", "White House", 1)]
    [InlineData("Washington", "Tokyo", 2)]
    public void Clusterer_DifferentPlacesAreDifferentEvents(string a, string? b, int events) =>
        Events(M(1, "2023-03-15", DateBases.Weekday, place: a), M(2, "2023-03-15", DateBases.Weekday, place: b)).Should().Be(events);

    [Fact]
    public void Clusterer_UndatedMentionsStayWithTheirArticle()
    {
        var ids = EventClusterer.Assign([M(1, "", DateBases.Publication, article: "x"), M(2, "", DateBases.Publication, article: "y")]);
        ids[1].Should().NotBe(ids[2]);
    }

    [Fact]
    public void Clusterer_ResultDoesNotDependOnOrder()
    {
        var rng = new Random(7);
        var bases = new[] { DateBases.Explicit, DateBases.Weekday, DateBases.Context, DateBases.Relative, DateBases.Publication, DateBases.Month };
        var codes = new[] { "04", "040", "041", "042", "0411" };
        var places = new[] { null, "Seoul", "Washington" };
        var ms = Enumerable.Range(0, 400).Select(i => M(i, new DateOnly(2023, 1, 1).AddDays(rng.Next(60)).ToString("yyyy-MM-dd"),
            bases[rng.Next(bases.Length)], codes[rng.Next(codes.Length)], places[rng.Next(places.Length)],
            rng.Next(3) == 0 ? "KOR" : "KORGOV", rng.Next(4) == 0 ? "USA" : "USAGOV")).ToList();
        var expected = EventClusterer.Assign(ms);
        for (int k = 0; k < 5; k++)
            EventClusterer.Assign(ms.OrderBy(_ => rng.Next())).Should().Equal(expected);
    }

    [Fact]
    public void Clusterer_AssignmentWithinTheRewriteMarginNeedsOnlyTheLoadMargin()
    {
        // What the store relies on: the mentions within RewriteMargin days of a change are
        // assigned the same whether all mentions or only those within LoadMargin are known.
        var rng = new Random(11);
        var bases = new[] { DateBases.Explicit, DateBases.Weekday, DateBases.Context, DateBases.Publication };
        var ms = Enumerable.Range(0, 600).Select(i => M(i, new DateOnly(2023, 1, 1).AddDays(rng.Next(120)).ToString("yyyy-MM-dd"),
            bases[rng.Next(bases.Length)], rng.Next(2) == 0 ? "040" : "041")).ToList();
        var full = EventClusterer.Assign(ms);
        var change = new DateOnly(2023, 2, 20);
        var loaded = ms.Where(m => Math.Abs(m.Date!.Value.DayNumber - change.DayNumber) <= EventClusterer.LoadMargin).ToList();
        var partial = EventClusterer.Assign(loaded);
        foreach (var m in loaded.Where(m => Math.Abs(m.Date!.Value.DayNumber - change.DayNumber) <= EventClusterer.RewriteMargin))
            partial[m.Row].Should().Be(full[m.Row]);
    }
}
