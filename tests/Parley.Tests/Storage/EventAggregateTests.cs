using FluentAssertions;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// An event of one mention takes a short path in the writer; it must give the event the counting
/// path gives for that mention, field for field, whatever the mention holds.
/// </summary>
public sealed class EventAggregateTests
{
    private static readonly string[] Bases = [DateBases.Explicit, DateBases.Weekday, DateBases.Relative, DateBases.Publication];
    private static readonly string[] Modalities = ["asserted", "Negated", "HYPOTHETICAL", "intended"];
    private static readonly string?[] Locations = [null, "", "Kyiv", "Gaza City"];
    private static readonly double[] Confidences = [0.0, 0.35, 1.0, -2.5, double.NaN, double.MinValue, double.PositiveInfinity];

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Single_GivesWhatTheCountingPathGives(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 500; i++)
        {
            var m = Mention(random);
            var shortPath = EventAggregate.Single(m);
            var counted = EventAggregate.Counted([m]);
            shortPath.Should().BeEquivalentTo(counted, $"mention {i} of seed {seed}: {m}");
            EventAggregate.From([m]).Should().BeEquivalentTo(counted);
        }
    }

    [Fact]
    public void Single_KeepsTheCountingPathsOddCases()
    {
        var m = Mention(new Random(7)) with { Location = "", Confidence = double.NaN, Modality = "Hypothetical" };
        var e = EventAggregate.Single(m);
        e.Location.Should().BeNull("an empty location is none, as the counting path skips it");
        e.Confidence.Should().Be(double.MinValue, "the counting path's running maximum never takes a NaN");
        e.Modality.Should().Be(Modality.Hypothetical);
        e.NumMentions.Should().Be(1);
        e.FirstSeen.Should().Be(m.Published).And.Be(e.LastSeen);
    }

    [Fact]
    public void From_OfSeveralMentions_StillCounts()
    {
        var a = Mention(new Random(11)) with { Location = null, Confidence = 0.2 };
        var b = a with { ArticleId = "b", SourceKey = "other.example", Location = "Kyiv", Confidence = 0.7 };
        var e = EventAggregate.From([a, b]);
        e.NumMentions.Should().Be(2);
        e.NumArticles.Should().Be(2);
        e.NumSources.Should().Be(2);
        e.Location.Should().Be("Kyiv", "the one location given");
        e.Confidence.Should().Be(0.7, "the higher of the two");
    }

    private static StoredMention Mention(Random random)
    {
        DateOnly? date = random.Next(4) == 0 ? null : new DateOnly(2020, 1, 1).AddDays(random.Next(1500));
        DateTimeOffset? published = random.Next(5) == 0 ? null : new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(2_000_000));
        var code = new CameoCode($"0{random.Next(1, 10)}{random.Next(10)}", "some act", random.Next(-100, 101) / 10.0, (QuadClass)random.Next(1, 5), "CONSULT", "");
        return new StoredMention(
            date, Bases[random.Next(Bases.Length)],
            new ActorRef("the president", random.Next(2) == 0 ? "the president" : "Jane Doe", random.Next(2) == 0 ? "UKR" : "UKRGOV"),
            new ActorRef("Moscow", "Russia", "RUS"),
            code, Locations[random.Next(Locations.Length)], Modalities[random.Next(Modalities.Length)],
            Confidences[random.Next(Confidences.Length)], $"a{random.Next(100)}", random.Next(30), "news.example", published, "UKR|RUS|04");
    }
}
