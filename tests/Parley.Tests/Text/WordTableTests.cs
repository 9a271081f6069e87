using FluentAssertions;
using Parley.Pipeline.Text;
using Xunit;

namespace Parley.Tests.Text;

public class WordTableTests
{
    [Theory]
    [InlineData("Seoul", "seoul")]
    [InlineData("PYONGYANG", "pyongyang")]
    [InlineData("Korea\u2019s", "korea's")]
    [InlineData("\u2018Twas", "'twas")]
    [InlineData("Ünïcode", "ünïcode")]
    [InlineData("ÇAPITALS-AND-ΣΙΓΜΑ", "çapitals-and-σιγμα")]
    [InlineData("Supercalifragilisticexpialidocious", "supercalifragilisticexpialidocious")]
    [InlineData("", "")]
    public void WordTable_LowersAndFoldsApostrophes(string word, string expected) =>
        WordTable.Lower(word).Should().Be(expected);

    [Theory]
    [InlineData("Minister")]
    public void WordTable_SharesOneStringPerWord(string word)
    {
        var first = WordTable.Lower(word);
        WordTable.Lower(word.ToUpperInvariant()).Should().BeSameAs(first);
    }

    [Theory]
    [InlineData(5000)]
    public void WordTable_StaysRightWhenWordsShareSlots(int words)
    {
        // Far more words than would fit without sharing slots: every answer is still the word's own.
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < words; i++)
                WordTable.Lower($"Word{i}X").Should().Be($"word{i}x");
    }
}
