using FluentAssertions;
using Parley.Pipeline.Text;
using Xunit;

namespace Parley.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Split(string text) => SentenceSplitter.Split(text).Select(s => s.Span.TextOf(text)).ToArray();

    [Theory]
    [InlineData("U.S. President Donald Trump spoke. He left.", 2)]
    [InlineData("SEOUL, Dec. 23 (Yonhap) The envoy spoke by phone.", 1)]
    [InlineData("before the Feb.27-28 summit in Hanoi. The movements led to speculation.", 2)]
    [InlineData("\"It is firm,\" Moon was quoted as saying by Yoon Young-chan. \"We cannot give it up.\"", 2)]
    [InlineData("He met Gen. Kim. Then he left.", 2)]
    [InlineData("First paragraph without a stop\n\nSecond paragraph.", 2)]
    public void Splitter_KeepsAbbreviationsAndSplitsSentences(string text, int count) =>
        Split(text).Should().HaveCount(count);

    [Fact]
    public void Splitter_NumbersParagraphs()
    {
        var s = SentenceSplitter.Split("One. Two.\n\nThree.");
        s.Select(x => x.Paragraph).Should().Equal(0, 0, 1);
    }
}
