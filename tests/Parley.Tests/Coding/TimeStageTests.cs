using FluentAssertions;
using Parley.Api;
using Parley.Pipeline.Dictionaries;
using Xunit;

namespace Parley.Tests.Coding;

public class TimeStageTests
{
    private static readonly SentenceCoder Coder = new(DictionarySet.Default);

    [Theory]
    [InlineData("The envoy spoke Friday.", "2018-03-17", "2018-03-16", "weekday")]          // posted Saturday
    [InlineData("They met on Wednesday (local time).", "2019-03-07", "2019-03-06", "weekday")]
    [InlineData("They met on Wednesday.", "2019-08-21", "2019-08-21", "weekday")]             // same day
    [InlineData("They met on Aug. 21.", "2019-08-30", "2019-08-21", "explicit")]
    [InlineData("They met on Dec. 23.", "2021-01-05", "2020-12-23", "explicit")]             // across the new year
    [InlineData("They agreed on April 27, 2018.", "2021-04-28", "2018-04-27", "explicit")]
    [InlineData("They spoke yesterday.", "2020-01-01", "2019-12-31", "relative")]
    [InlineData("They met in June.", "2019-03-30", "2018-06-01", "month")]
    public void Times_ResolveAgainstPublicationDate(string text, string published, string expected, string basis)
    {
        var doc = Coder.Code("t", text, DateOnly.Parse(published));
        doc.Times.Should().ContainSingle();
        doc.Times[0].Date.Should().Be(DateOnly.Parse(expected));
        doc.Times[0].Basis.Should().Be(basis);
    }

    [Fact]
    public void Times_EarlierInTheDayMeansTheLeadsDay()
    {
        var doc = Coder.Code("t", "The minister said Friday the talks went well. She arrived earlier in the day.", DateOnly.Parse("2019-03-30"));
        doc.Times.Select(t => t.Date).Should().Equal(DateOnly.Parse("2019-03-29"), DateOnly.Parse("2019-03-29"));
    }
}
