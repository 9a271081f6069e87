using FluentAssertions;
using Parley.Pipeline;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Stages;
using Xunit;
using static Parley.Tests.Coding.CodingPipelines;

namespace Parley.Tests.Coding;

/// <summary>
/// Who the source of an event is when the sentence does not name its country outright: groups
/// named by sector or ethnicity, titled family names, agentless passives.
/// </summary>
public class SourceCountryTests
{
    private static List<(string Source, string Target, string Cameo)> Code(Pipeline.Pipeline pipeline, string text, string date = "2000-01-01") =>
        CodingPipelines.Code(pipeline, text, date);

    [Theory]
    [InlineData("Students protested against the Nigerian government on Monday.", "NGAEDU")]
    [InlineData("Opposition activists demonstrated in Caracas, Venezuelan officials said.", "VENOPP")]
    [InlineData("Farm workers went on strike on Monday, Chilean officials said.", "CHLLAB")]
    public void Coder_GroupNamedBySectorTakesTheSentencesCountry(string text, string source) =>
        Code(Plover, text).Should().Contain(e => e.Source == source);

    [Fact]
    public void Coder_StateSectorDoesNotTakeTheCountryItActsOn() =>
        Code(Plover, "The defence minister warned Russia on Tuesday.").Should().NotContain(e => e.Source.StartsWith("RUS"));

    [Fact]
    public void Coder_GroupActedOnDoesNotTakeTheActorsCountry() =>
        Code(Plover, "The United States bombed militants on Monday.").Should().NotContain(e => e.Target.StartsWith("USA"));

    [Fact]
    public void Coder_ProtestAgainstACountryIsNotByThatCountry() =>
        Code(Plover, "Protesters rallied against the United States on Monday.").Should().NotContain(e => e.Source.StartsWith("USA"));

    [Theory]
    [InlineData("Yoruba leaders criticized the governor on Monday.", "NGA")]
    [InlineData("Chechen fighters attacked a convoy on Monday.", "RUS")]
    public void Coder_PeopleOfOneCountryAreItsDemonym(string text, string country) =>
        Code(Plover, text).Should().Contain(e => e.Source.StartsWith(country));

    [Theory]
    [InlineData("Ethnic Hungarians rallied in Slovakia on Sunday.", "SVK")]
    [InlineData("Ethnic Greeks marched on Sunday, Albanian police said.", "ALB")]
    public void Coder_EthnicGroupIsCodedByWhereItLives(string text, string country) =>
        Code(Plover, text).Should().Contain(e => e.Source.StartsWith(country));

    [Fact]
    public void Coder_TitledFamilyNameOutOfOfficeKeepsItsCountry() =>
        Code(Dyadic, "President Obama criticized Iran on Monday.").Should().Contain(e => e.Source == "USAGOV" && e.Target == "IRN");

    [Fact]
    public void Coder_NameWithLowerCaseParticleIsAnActor() =>
        Code(Dyadic, "al-Qaeda threatened to attack France.").Should().Contain(e => e.Source.StartsWith("IMG") && e.Target == "FRA");

    [Fact]
    public void Coder_OrganisationsPeacekeepersAreTheOrganisation() =>
        Code(Plover, "NATO peacekeeping troops attacked the rebels on Monday.").Should().Contain(e => e.Source == "IGONAT");

    [Fact]
    public void Coder_AgentlessPassiveArrestIsByThePlace() =>
        Code(Dyadic, "A French journalist was arrested in Iran on Sunday.").Should().ContainSingle(e => e.Source == "IRN" && e.Target == "FRAMED" && e.Cameo.StartsWith("173"));

    [Fact]
    public void Coder_AgentlessPassiveHasNoSource() =>
        Code(Plover, "Two Japanese soldiers were killed on Monday.").Should().NotContain(e => e.Source.StartsWith("JPN"));

    [Theory]
    [InlineData("Italy is committed to opening its markets to Tunisia.")]
    [InlineData("Italy is prepared to open its markets to Tunisia.")]
    public void Coder_ParticipleBeforeToIsNotPassive(string text) =>
        Code(Plover, text).Should().Contain(e => e.Source == "ITA");
}
