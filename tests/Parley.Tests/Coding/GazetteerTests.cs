using FluentAssertions;
using Parley.Pipeline.Dictionaries;
using Xunit;

namespace Parley.Tests.Coding;

/// <summary>The gazetteer of places below country level shipped in places.tsv, and user places files.</summary>
public class GazetteerTests
{
    private static Gazetteer Places => DictionarySet.Default.Places;

    [Theory]
    [InlineData("Mariupol", "UKR")]
    [InlineData("Kano State", "NGA")]
    [InlineData("Rakhine", "MMR")]
    [InlineData("Puerto Penasco", "MEX")] // the accent-free spelling of Puerto Peñasco
    [InlineData("Puerto Peñasco", "MEX")]
    [InlineData("Madras", "IND")] // the former name of Chennai
    [InlineData("Lagos", "NGA")]
    public void Gazetteer_FindsPlacesBelowCountryLevel(string name, string country)
    {
        Places.Lookup(name)!.Country.Should().Be(country);
    }

    [Fact]
    public void Gazetteer_SharedNamePrefersTheMostPopulousPlace()
    {
        // Delhi, India (about 11 million) and small towns named Delhi in the United States.
        Places.Lookup("Delhi")!.Country.Should().Be("IND");
    }

    [Theory]
    [InlineData("Dehli", "IND")]
    [InlineData("Lgaos", "NGA")]
    public void Gazetteer_FindsALargeCityWithTwoLettersSwapped(string misspelt, string country)
    {
        Places.Lookup(misspelt).Should().BeNull();
        Places.Lookup(misspelt, allowMisspelt: true)!.Country.Should().Be(country);
    }

    [Fact]
    public void Gazetteer_DoesNotGuessMisspeltSmallerCities()
    {
        // Mariupol has under a million people: a swapped spelling is not taken for it.
        Places.Lookup("Mairupol", allowMisspelt: true).Should().BeNull();
    }

    [Fact]
    public void Gazetteer_UserPlacesFileAddsPlaces()
    {
        var file = Path.Combine(Path.GetTempPath(), $"places-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(file, "name\taliases\tcountry\tkind\tpopulation\nQuillonmere Vale\tQuillonmere\tGBR\tcity\t1200\n");
            var set = DictionarySet.Load([file]);
            set.Places.Lookup("Quillonmere")!.Name.Should().Be("Quillonmere Vale");
            set.Places.Lookup("Mariupol")!.Country.Should().Be("UKR");
            DictionarySet.Default.Places.Lookup("Quillonmere").Should().BeNull();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
