using FluentAssertions;
using Parley.Api;
using Parley.Pipeline.Dictionaries;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Coding;

public class CoderTests
{
    private static readonly SentenceCoder Coder = new(DictionarySet.Default);

    private static List<(string Source, string Target, string Cameo, Modality Modality, string? Date)> Code(string text, string date = "2019-03-07") =>
        Coder.Code("t", text, DateOnly.Parse(date)).Events
            .Select(e => (e.Source.Code, e.Target.Code, e.Cameo, e.Modality, e.Date?.ToString("yyyy-MM-dd"))).ToList();

    [Theory]
    [InlineData("Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday.", "CHNGOV", "RUSGOV", "040")]
    [InlineData("Japan's foreign minister criticized North Korea on Tuesday.", "JPNGOV", "PRK", "111")]
    [InlineData("The United States urged China to release the detained activists.", "USA", "CHN", "020")]
    [InlineData("South Korea warned North Korea against further provocations.", "KOR", "PRK", "130")]
    [InlineData("Russia rejected Ukraine's proposal.", "RUS", "UKR", "120")]
    public void Coder_CodesCommonDiplomaticVerbs(string text, string source, string target, string root)
    {
        var events = Code(text);
        events.Should().Contain(e => e.Source == source && e.Target == target && e.Cameo.StartsWith(root));
    }

    [Fact]
    public void Coder_CoordinatedSubjectsActOnEachOther()
    {
        var events = Code("Seoul and Tokyo agreed to strengthen cooperation on Friday.");
        events.Should().Contain(e => e.Source == "KORGOV" && e.Target == "JPNGOV" && e.Cameo == "030");
        events.Should().Contain(e => e.Source == "JPNGOV" && e.Target == "KORGOV" && e.Cameo == "030");
    }

    [Theory]
    [InlineData("If North Korea attacks, South Korea would retaliate against North Korea.")]
    [InlineData("Moon said if he meets Kim Jong-un, he would try to help.")]
    public void Coder_HypotheticalIsNotAsserted(string text) =>
        Code(text, "2018-03-17").Should().NotContain(e => e.Modality == Modality.Asserted);

    [Fact]
    public void Coder_NegatedIsNotAsserted() =>
        Code("Japan did not criticize China.").Should().OnlyContain(e => e.Modality == Modality.Negated);

    [Fact]
    public void Coder_FutureVisitIsIntended() =>
        Code("The Japanese prime minister will visit Seoul next week.").Should()
            .Contain(e => e.Source == "JPNGOV" && e.Target == "KORGOV" && e.Modality == Modality.Intended);

    [Fact]
    public void Coder_SpeakerIsAttributionNotActor()
    {
        var doc = Coder.Code("t", "Japan and China agreed to resume talks, the White House said Friday.", DateOnly.Parse("2019-03-09"));
        doc.Events.Should().NotBeEmpty();
        doc.Events.Should().OnlyContain(e => e.Source.Code != "USAGOV" && e.Target.Code != "USAGOV");
        doc.Events.Should().OnlyContain(e => e.Attribution != null && e.Attribution.Contains("White House"));
    }

    [Fact]
    public void Coder_PeopleAreCodedByTheirRoleOnTheDay()
    {
        var before = Coder.Code("t", "Donald Trump criticized China on Monday.", DateOnly.Parse("2016-05-04")).Events;
        var during = Coder.Code("t", "Donald Trump criticized China on Monday.", DateOnly.Parse("2018-05-04")).Events;
        during.Should().ContainSingle(e => e.Source.Code == "USAGOV");
        before.Should().NotContain(e => e.Source.Code == "USAGOV");
    }

    [Fact]
    public void Coder_EvidenceSpanPointsAtTheVerbPhrase()
    {
        const string text = "South Korea criticized Japan over the export curbs.";
        var e = Coder.Code("t", text, DateOnly.Parse("2019-08-02")).Events.Single();
        e.Evidence.TextOf(text).Should().Be("criticized Japan");
        e.DateBasis.Should().Be(DateBases.Publication);
    }

    [Fact]
    public void Coder_PhoenixDictionaryCodesKanAndWen()
    {
        var phoenix = Path.Combine(Repo.Shared, "evaldata", "dictionaries", "Phoenix.Countries.actors.txt");
        Assert.True(File.Exists(phoenix), "the shared Phoenix dictionary is needed for this test");
        var coder = new SentenceCoder(DictionarySet.Load([phoenix]));
        var events = coder.Code("t", "Prime Minister Naoto Kan met Chinese Premier Wen Jiabao in Brussels on Monday.", DateOnly.Parse("2010-10-05")).Events;
        events.Should().Contain(e => e.Source.Code == "JPNGOV" && e.Target.Code == "CHNGOV" && e.Cameo.StartsWith("04"));
    }
}
