using FluentAssertions;
using Xunit;

namespace Parley.Tests.Coding;

/// <summary>
/// Collective subjects ("the two ministers", "the two envoys", "the two") stand for two distinct
/// parties: the counterparts named earlier, never one of them paired with the government they
/// serve, with a second name for themselves, or with a country named in passing.
/// </summary>
public class CollectiveSubjectTests
{
    private static List<(string Source, string SourceName, string Target, string TargetName, string Cameo)> Events(string text, string date) =>
        CodingPipelines.Run(CodingPipelines.Dyadic, text, date).Events
            .Select(e => (e.Source.Code, e.Source.Name, e.Target.Code, e.Target.Name, e.Cameo)).ToList();

    // A seat of government ("Seoul", "Moscow") in the sentence before is the government, not a
    // second minister: the pair is the two people who met.
    [Theory]
    [InlineData("Foreign Minister Kang Kyung-wha met Secretary of State Mike Pompeo in Washington on Friday. "
                + "Kang said Seoul and Washington remain in close coordination on the North. "
                + "The two ministers also agreed to expand cooperation on cyber security, Seoul's foreign ministry said.",
        "2019-03-30", "Kang Kyung-wha", "Mike Pompeo")]
    [InlineData("Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov in Beijing on Tuesday. "
                + "Lavrov said Moscow and Beijing would keep in close touch. "
                + "The two ministers agreed to deepen energy cooperation, the Chinese foreign ministry said.",
        "2024-04-10", "Wang Yi", "Sergei Lavrov")]
    public void PairReference_SkipsSeatOfGovernment(string text, string date, string first, string second)
    {
        var events = Events(text, date).Where(e => e.Cameo.StartsWith("03", StringComparison.Ordinal)).ToList();
        events.Should().Contain(e => e.SourceName == first && e.TargetName == second);
        events.Should().NotContain(e => e.Source == e.Target);
    }

    // "Lee Do-hoon, Seoul's special representative for ..., held talks": the title after the name
    // is the same man, not a second envoy.
    [Theory]
    [InlineData("Lee Do-hoon, Seoul's special representative for peace and security affairs, held talks with his U.S. counterpart, "
                + "Stephen Biegun, in Washington on Wednesday. "
                + "The two envoys agreed to keep working together, according to a ministry press release.",
        "2019-03-07", "Lee Do-hoon", "Stephen Biegun")]
    [InlineData("Sergei Lavrov, Russia's top diplomat, met Chinese Foreign Minister Wang Yi in Moscow on Monday. "
                + "The two diplomats agreed to coordinate their positions at the United Nations, the ministry said.",
        "2024-04-09", "Sergei Lavrov", "Wang Yi")]
    public void PairReference_AppositiveTitleIsTheSamePerson(string text, string date, string first, string second)
    {
        var events = Events(text, date);
        events.Should().Contain(e => e.SourceName == first && e.TargetName == second && e.Cameo.StartsWith("03", StringComparison.Ordinal));
        events.Should().NotContain(e => e.Source == e.Target);
    }

    // The appositive names no second actor of the meeting either.
    [Fact]
    public void Appositive_IsNotASecondSubject()
    {
        var events = Events("Lee Do-hoon, Seoul's special representative for peace and security affairs, held talks with Stephen Biegun "
                            + "in Washington on Wednesday.", "2019-03-07");
        events.Where(e => e.Cameo.StartsWith("04", StringComparison.Ordinal) && e.TargetName == "Stephen Biegun")
            .Should().ContainSingle().Which.SourceName.Should().Be("Lee Do-hoon");
    }

    // A bare "the two" is the two people who met, not a minister and a country he spoke about.
    [Theory]
    [InlineData("Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov in Beijing on Tuesday. "
                + "Wang criticized the United States for its pressure on Beijing. "
                + "The two also agreed to meet again before the summer, according to Wang.",
        "2024-04-10", "Wang Yi", "Sergei Lavrov", "USA")]
    public void BarePairReference_IsThePeopleWhoMet(string text, string date, string first, string second, string passing)
    {
        var agree = Events(text, date).Where(e => e.Cameo.StartsWith("03", StringComparison.Ordinal)).ToList();
        agree.Should().Contain(e => e.SourceName == first && e.TargetName == second);
        agree.Should().NotContain(e => e.Source.StartsWith(passing, StringComparison.Ordinal) || e.Target.StartsWith(passing, StringComparison.Ordinal));
    }

    // Who reports the meeting ("spokesman Kim said", "according to spokesman Ko") is not one of
    // "the two" who met.
    [Theory]
    [InlineData("Foreign ministry spokesman Kim In-chul said Foreign Minister Kang Kyung-wha met Secretary of State Mike Pompeo "
                + "in Washington on Friday. The two agreed to keep sanctions in place until the North takes concrete steps.",
        "2019-03-30", "Kim In-chul", "Kang Kyung-wha", "Mike Pompeo")]
    [InlineData("According to presidential spokesman Ko Min-jung, President Moon Jae-in spoke by phone with Japanese Prime Minister "
                + "Shinzo Abe on Monday. The two leaders agreed to meet in Osaka later this month.",
        "2019-06-11", "Ko Min-jung", "Moon Jae-in", "Shinzo Abe")]
    public void PairReference_LeavesOutTheReporter(string text, string date, string reporter, string first, string second)
    {
        var events = Events(text, date);
        events.Should().Contain(e => e.SourceName == first && e.TargetName == second && e.Cameo.StartsWith("03", StringComparison.Ordinal));
        events.Should().NotContain(e => e.SourceName == reporter || e.TargetName == reporter);
    }

    // Two countries alike are what a bare "the two" may stand for.
    [Fact]
    public void BarePairReference_KeepsTwoCountries()
    {
        var agree = Events("China sharply criticized Japan over the islands on Monday. The two later agreed to hold talks in Beijing.", "2019-06-11")
            .Where(e => e.Cameo.StartsWith("03", StringComparison.Ordinal)).ToList();
        agree.Should().Contain(e => e.Source == "CHN" && e.Target == "JPN");
    }

    // "Ahn and Yoo both criticized": a "both" after its own subject is no reference back to the
    // two leaders of the sentence before.
    [Theory]
    [InlineData("President Moon Jae-in met Japanese Prime Minister Shinzo Abe in Osaka on Friday. "
                + "Back in Seoul, Ahn and Yoo both criticized Japan over the export curbs.", "2019-06-29", "Moon Jae-in", "Shinzo Abe")]
    public void FloatingBoth_IsNotAPairReference(string text, string date, string first, string second) =>
        Events(text, date).Should().NotContain(e => e.Cameo.StartsWith("11", StringComparison.Ordinal)
                                                    && (e.SourceName == first || e.SourceName == second));

    // One person coded by two roles (a pronoun resolved to the office named first, the short name
    // to the role on the day) is still one party: no event of a man acting on himself.
    [Fact]
    public void SamePersonUnderTwoCodes_IsNoDyad()
    {
        var events = Events("The allegations against Vice President Biden are not credible, Volker said. He said he would have objected "
                            + "to Ukraine opening an investigation into Biden and did not realize the request was tantamount to investigating "
                            + "Biden until he heard the call.", "2019-10-08");
        events.Should().NotContain(e => e.SourceName == e.TargetName);
    }

    // Two officials of one government are still two parties ("the two" after they met).
    [Fact]
    public void PairReference_KeepsTwoPeopleOfOneGovernment()
    {
        var events = Events("President Moon Jae-in met Prime Minister Lee Nak-yon at Cheong Wa Dae on Monday. "
                            + "The two agreed to speed up the recovery plan, the presidential office said.", "2019-06-11");
        events.Should().Contain(e => e.SourceName == "Moon Jae-in" && e.TargetName == "Lee Nak-yon" && e.Cameo.StartsWith("03", StringComparison.Ordinal));
    }
}
