using FluentAssertions;
using Parley.Api;
using Parley.Pipeline.Dictionaries;
using Xunit;

namespace Parley.Tests.Coding;

/// <summary>Promised, threatened and refused acts, and leaders' short names.</summary>
public class RecodeTests
{
    private static readonly SentenceCoder Coder = new(DictionarySet.Default);

    private static List<EventMention> Code(string text, string date = "2019-03-07") =>
        Coder.Code("t", text, DateOnly.Parse(date)).Events.ToList();

    [Theory]
    [InlineData("Japan offered to release North Korean fishermen to North Korea.", "035")]
    [InlineData("China will provide aid to North Korea, the ministry said.", "033")]
    public void Coder_OfferedOrIntendedCooperationIsIntentToCooperate(string text, string root) =>
        Code(text).Should().Contain(e => e.Cameo.StartsWith(root));

    [Fact]
    public void Coder_RefusedCooperationIsRejection() =>
        Code("Japan refused to release North Korean fishermen to North Korea.").Should()
            .Contain(e => e.Cameo.StartsWith("12") && e.Modality == Modality.Asserted);

    [Fact]
    public void Coder_ConditionalSanctionIsThreat() =>
        Code("Russia will impose sanctions on Japan unless Tokyo changes course.").Should()
            .Contain(e => e.Source.Code.StartsWith("RUS") && e.Cameo.StartsWith("13"));

    [Fact]
    public void Coder_FamilyNameBesideALeaderIsTheLeader()
    {
        var events = Code("U.S. President Donald Trump spoke. Biegun met deputy security chief Kim Hyun-chong. " +
                          "In a historic encounter between Trump and Kim in June, the two agreed to resume talks.", "2019-08-21");
        events.Should().Contain(e => e.Source.Name == "Kim Jong-un" || e.Target.Name == "Kim Jong-un");
        events.Where(e => e.Sentence.Start > 60).Should().NotContain(e => e.Source.Name == "Kim Hyun-chong" || e.Target.Name == "Kim Hyun-chong");
    }
}
