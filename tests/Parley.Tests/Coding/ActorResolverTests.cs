using FluentAssertions;
using Parley.Api;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Evaluation;
using Xunit;

namespace Parley.Tests.Coding;

/// <summary>Actor phrases without a dictionary name of their own: places, generic people, time words, former officials.</summary>
public class ActorResolverTests
{
    private static readonly ActorResolver Resolver = new(DictionarySet.Default);
    private static readonly DateOnly Day = new(2022, 3, 1);

    [Theory]
    [InlineData("Lagos State police", "NGA", "COP")]
    [InlineData("Kharkiv regional government", "UKR", "GOV")]
    [InlineData("Chennai High Court", "IND", "JUD")]
    [InlineData("Dehli police", "IND", "COP")]
    [InlineData("Rakhine Buddhists", "MMR", "BUD")]
    [InlineData("Mariupol's mayor", "UKR", "GOV")]
    public void Resolver_PlaceBeforeARoleGivesItsCountry(string phrase, string country, string sector)
    {
        var code = Resolver.Resolve(phrase, "", Day)!;
        code.Country.Should().Be(country);
        code.Code1.Should().Be(sector);
    }

    [Theory]
    [InlineData("Kharkiv", "UKR")]
    [InlineData("Kano", "NGA")]
    public void Resolver_BarePlaceIsItsCountrysCivilians(string phrase, string country)
    {
        var code = Resolver.Resolve(phrase, "", Day)!;
        (code.Country, code.Code1).Should().Be((country, "CVL"));
    }

    [Theory]
    [InlineData("She")]
    [InlineData("they")]
    [InlineData("three men")]
    [InlineData("a woman")]
    [InlineData("the occupiers")]
    public void Resolver_GenericPeopleAreUnknownActors(string phrase)
    {
        var code = Resolver.Resolve(phrase, "", Day)!;
        (code.Country, code.Code1).Should().Be(("", "UNK"));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("last week")]
    public void Resolver_TimeWordsAreJunk(string phrase)
    {
        Resolver.Resolve(phrase, "", Day)!.Code1.Should().Be("JNK");
    }

    [Theory]
    [InlineData("Marta Quillenbrook")]
    [InlineData("a cat")]
    public void Resolver_UnknownNamesAndThingsAreNoActor(string phrase)
    {
        Resolver.Resolve(phrase, "", Day).Should().BeNull();
    }

    [Theory]
    [InlineData("a former FBI official", "USA", "ELI")]
    [InlineData("a former police chief", "", "ELI")]
    [InlineData("a CIA official", "USA", "SPY")]
    public void Resolver_FormerOfficialIsElite(string phrase, string country, string sector)
    {
        var code = Resolver.Resolve(phrase, "", Day)!;
        (code.Country, code.Code1).Should().Be((country, sector));
    }

    [Theory]
    [InlineData("Foreign Minister Lavrov", "RUSGOV")]
    [InlineData("Secretary Austin", "USAGOV")]
    public void Resolver_TitleAndFamilyNameIsThePersonInOffice(string phrase, string code)
    {
        Resolver.Resolve(phrase, "", Day)!.Full.Should().Be(code);
    }

    [Fact]
    public void Resolver_BareFamilyNameOfOnePersonIsThatPersonOnTheDay()
    {
        Resolver.Resolve("Trump", "", new DateOnly(2022, 4, 1))!.Full.Should().Be("USAELI");
        Resolver.Resolve("Trump", "", new DateOnly(2019, 4, 1))!.Full.Should().Be("USAGOV");
    }

    [Theory]
    [InlineData("Kenyan doctors", "KENHLH", "MED")]
    [InlineData("Egyptian journalists", "EGYMED", "JRN")]
    [InlineData("Somalia state news agency", "SOMGOVMED", "GOV")]
    public void Resolver_SplitsCodesIntoPloverSectors(string phrase, string full, string code1)
    {
        var code = Resolver.Resolve(phrase, "", Day)!;
        code.Full.Should().Be(full);
        code.Code1.Should().Be(code1);
    }

    [Fact]
    public void Resolver_MentionInTheTextBeatsTheContext()
    {
        var code = Resolver.Resolve("PRI", "Mexico", Day)!;
        (code.Country, code.Code1).Should().Be(("MEX", "PTY"));
    }

    [Fact]
    public void Coder_PlaceBeforeARoleGivesTheActorItsCountry()
    {
        var coder = new SentenceCoder(DictionarySet.Default);
        var events = coder.Code("t", "Kano State police arrested a Nigerian opposition leader on Monday.", Day).Events;
        events.Should().Contain(e => e.Source.Code == "NGACOP");
    }

    [Fact]
    public void Coder_BarePlaceIsNotAnActor()
    {
        var coder = new SentenceCoder(DictionarySet.Default);
        var events = coder.Code("t", "Russian troops attacked Mariupol on Monday.", Day).Events;
        events.Should().NotContain(e => e.Source.Code.StartsWith("UKR") || e.Target.Code.StartsWith("UKR"));
    }
}
