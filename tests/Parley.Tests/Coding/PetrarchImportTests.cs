using FluentAssertions;
using Parley.Api;
using Parley.Pipeline.Dictionaries;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Coding;

public class PetrarchImportTests
{
    private static string PhoenixCountries => Path.Combine(Repo.Shared, "evaldata", "dictionaries", "Phoenix.Countries.actors.txt");

    [Fact]
    public void Phoenix_KanAndWenCodeAsGovernments()
    {
        var dict = DictionarySet.Load([PhoenixCountries]);
        var doc = new SentenceCoder(dict).Code("kan", "Prime Minister Naoto Kan met Chinese Premier Wen Jiabao in Brussels on Monday.", new DateOnly(2010, 10, 5));
        doc.Events.Should().Contain(e => e.Source.Code == "JPNGOV" && e.Target.Code == "CHNGOV" && e.Cameo.StartsWith("04"));
        doc.Events.Should().OnlyContain(e => e.Date == new DateOnly(2010, 10, 4) && e.DateBasis == "weekday");
    }

    [Theory]
    [InlineData("2009-05-01", "ZZZELI")]
    [InlineData("2010-06-08", "ZZZGOV")]
    [InlineData("2011-09-01", "ZZZGOV")]
    [InlineData("2011-09-02", "ZZZELI")]
    [InlineData("2013-01-01", "ZZZGOV")]
    public void Importer_ReadsDatedRolesInBothDateLayouts(string day, string code)
    {
        using var tmp = new TempFolder();
        var file = Path.Combine(tmp.Path, "test.actors.txt");
        File.WriteAllLines(file,
        [
            "# a made-up person with two spells in office, six- and eight-digit dates",
            "ORLA_VESK_  # made up",
            "+PRIME_MINISTER_ORLA_VESK",
            "\t[ZZZELI 050101-100608]",
            "\t[ZZZGOV 100608-110902]",
            "\t[ZZZGOV 20121201-20140101]",
            "\t[ZZZELI]",
        ]);
        var dict = DictionarySet.Load([file]);
        dict.People["Orla Vesk"].CodeOn(DateOnly.Parse(day)).Should().Be(code);
    }
}
