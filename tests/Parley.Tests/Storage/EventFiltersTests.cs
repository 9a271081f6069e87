using FluentAssertions;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>The one parser of event filters that the CLI and the API share.</summary>
public sealed class EventFiltersTests
{
    private static EventQuery Parse(params (string Key, string Value)[] pairs) =>
        EventFilters.Parse(k => pairs.FirstOrDefault(p => p.Key == k).Value);

    [Fact]
    public void Parse_ReadsEveryKey()
    {
        var q = Parse(("actor", "Moon"), ("dyad", "kor-usa"), ("country", "prk"), ("cameo", "041"), ("quad", "1"), ("plover", "consult"),
            ("from", "2018-03-01"), ("to", "2018-03-31"), ("outlet", "Yonhap"), ("q", "phone call"), ("modality", "asserted,negated"),
            ("limit", "20"), ("offset", "40"));
        q.Actor.Should().Be("Moon");
        q.Dyad.Should().Be(("KOR", "USA"));
        q.Country.Should().Be("PRK");
        q.Cameo.Should().Be("041");
        q.QuadClass.Should().Be(1);
        q.Plover.Should().Be("CONSULT");
        q.From.Should().Be(new DateOnly(2018, 3, 1));
        q.To.Should().Be(new DateOnly(2018, 3, 31));
        q.Outlet.Should().Be("Yonhap");
        q.Text.Should().Be("phone call");
        q.Modalities.Should().Equal(Modality.Asserted, Modality.Negated);
        q.Limit.Should().Be(20);
        q.Offset.Should().Be(40);
    }

    [Fact]
    public void Parse_NothingGiven_FiltersNothingAndKeepsAssertedAndIntended()
    {
        var q = Parse();
        q.Should().BeEquivalentTo(new EventQuery { Limit = 500 });
        q.Modalities.Should().Equal(Modality.Asserted, Modality.Intended);
    }

    [Theory]
    [InlineData("modality", "all")]
    [InlineData("modality", "ALL")]
    public void Parse_ModalityAll_IncludesEveryModality(string key, string value) =>
        Parse((key, value)).Modalities.Should().BeEmpty();

    [Theory]
    [InlineData("from", "2018-02-30")]
    [InlineData("to", "16 March 2018")]
    [InlineData("dyad", "KOR")]
    [InlineData("dyad", "KOR-USA-PRK")]
    [InlineData("dyad", "K1R-USA")]
    [InlineData("country", "Korea")]
    [InlineData("cameo", "4")]
    [InlineData("cameo", "04a")]
    [InlineData("quad", "0")]
    [InlineData("quad", "one")]
    [InlineData("plover", "CONSULT'; --")]
    [InlineData("limit", "10001")]
    [InlineData("limit", "-5")]
    [InlineData("offset", "1.5")]
    [InlineData("modality", "asserted,2")]
    public void Parse_BadValue_NamesTheKey(string key, string value)
    {
        var act = () => Parse((key, value));
        act.Should().Throw<EventFilterException>().Where(e => e.Key == key && e.Message.Contains($"'{key}'") && e.Message.Contains(value));
    }

    [Fact]
    public void Parse_FromAfterTo_IsAnError() =>
        EventFilters.TryParse(k => k switch { "from" => "2019-01-02", "to" => "2019-01-01", _ => null }, out _, out var error)
            .Should().BeFalse();

    [Fact]
    public void Keys_AreUniqueInTheApiAndOnTheCommandLine()
    {
        EventFilters.Keys.Select(k => k.Name).Should().OnlyHaveUniqueItems();
        EventFilters.Keys.Select(k => k.CliName).Should().OnlyHaveUniqueItems();
    }
}
