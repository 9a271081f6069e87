using FluentAssertions;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Evaluation;
using Xunit;

namespace Parley.Tests.Coding;

/// <summary>World leaders, agencies and armed groups from the shipped dictionaries, resolved on a day.</summary>
public class WorldActorTests
{
    private static readonly ActorResolver Resolver = new(DictionarySet.Default);

    [Theory]
    [InlineData("Prime Minister Nikol Pashinyan", "2021-03-01", "ARMGOV")]
    [InlineData("Museveni", "2019-05-01", "UGAGOV")]
    [InlineData("President Alexander Lukashenko", "2020-08-10", "BLRGOV")]
    [InlineData("Sheikh Hasina", "2024-09-01", "BGDELI")]
    [InlineData("Abdelaziz Bouteflika", "2005-06-01", "DZAGOV")]
    [InlineData("the FSB", "2022-07-01", "RUSSPY")]
    [InlineData("Boko Haram", "2015-01-01", "NGAREB")]
    [InlineData("Hezbollah", "2006-07-12", "LBNREB")]
    [InlineData("the Taliban", "2010-01-01", "AFGREB")]
    [InlineData("Transnistria", "2022-07-01", "MDAPRE")]
    public void KnownActorsResolveToTheirCodes(string phrase, string day, string code)
    {
        Resolver.Resolve(phrase, "", DateOnly.Parse(day))!.Full.Should().Be(code);
    }

    [Fact]
    public void AnOfficeTitleBeforeANameJustOutOfOfficeKeepsTheOffice()
    {
        var day = new DateOnly(2022, 7, 1); // after Morrison left office in May 2022
        Resolver.Resolve("Scott Morrison", "", day)!.Full.Should().Be("AUSELI");
        Resolver.Resolve("Prime Minister Scott Morrison", "", day)!.Full.Should().Be("AUSGOV");
        Resolver.Resolve("former Prime Minister Scott Morrison", "", day)!.Full.Should().Be("AUSELI");
    }
}
