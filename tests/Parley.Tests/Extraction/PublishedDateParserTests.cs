using FluentAssertions;
using Parley.Pipeline.Extraction;
using Xunit;

namespace Parley.Tests.Extraction;

public class PublishedDateParserTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    [Theory]
    [InlineData("2018-03-17 00:01", 2018, 3, 17, 0, 1)]
    [InlineData("March 30, 2019 - 18:46", 2019, 3, 30, 18, 46)]
    [InlineData("16:00 March 07, 2019", 2019, 3, 7, 16, 0)]
    [InlineData("Aug. 21, 2019", 2019, 8, 21, 0, 0)]
    [InlineData("2019.08.21 16:56", 2019, 8, 21, 16, 56)]
    [InlineData("Posted : 2019-08-21\u00a0 16:56", 2019, 8, 21, 16, 56)]
    [InlineData("Mar 30, 2019 4:46 p.m.", 2019, 3, 30, 16, 46)]
    [InlineData("21 August 2019", 2019, 8, 21, 0, 0)]
    public void Dates_PrintedFormsUseTheDefaultOffset(string text, int y, int mo, int d, int h, int mi)
    {
        PublishedDateParser.Parse(text, Kst).Should().Be(new DateTimeOffset(y, mo, d, h, mi, 0, Kst));
    }

    [Theory]
    [InlineData("2019-03-07T07:00:00Z", 2019, 3, 7, 7, 0, 0)]
    [InlineData("2019-03-07T16:00:00+09:00", 2019, 3, 7, 16, 0, 9)]
    [InlineData("2019-03-07T16:00:00.000+0900", 2019, 3, 7, 16, 0, 9)]
    [InlineData("2019-03-06T22:00:00-05:00", 2019, 3, 6, 22, 0, -5)]
    [InlineData("Thu, 07 Mar 2019 07:00:00 GMT", 2019, 3, 7, 7, 0, 0)]
    [InlineData("March 7, 2019 16:00 KST", 2019, 3, 7, 16, 0, 9)]
    public void Dates_ExplicitOffsetBeatsTheDefault(string text, int y, int mo, int d, int h, int mi, int offset)
    {
        PublishedDateParser.Parse(text, TimeSpan.FromHours(-8)).Should().Be(new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.FromHours(offset)));
    }

    [Fact]
    public void Dates_NoZoneAndNoDefaultIsUtc()
    {
        PublishedDateParser.Parse("2018-03-17 00:01").Should().Be(new DateTimeOffset(2018, 3, 17, 0, 1, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("https://www.example.com/news/2019/08/21/story.html", 2019, 8, 21)]
    [InlineData("https://example.com/2019/08/21/", 2019, 8, 21)]
    [InlineData("https://example.com/world/story-20190307", 2019, 3, 7)]
    public void Dates_FromUrlPath(string url, int y, int mo, int d)
    {
        PublishedDateParser.FromUrl(url).Should().Be(new DateOnly(y, mo, d));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2019-13-40 10:00")]
    [InlineData("February 30, 2019")]
    [InlineData("https://example.com/view/AEN20190307001234315")]
    public void Dates_InvalidTextGivesNull(string text)
    {
        PublishedDateParser.Parse(text).Should().BeNull();
    }

    [Fact]
    public void Outlets_KoreanOutletsDefaultToKst()
    {
        Outlets.DefaultOffset("The Korea Times").Should().Be(Kst);
        Outlets.DefaultOffset("Yonhap News Agency").Should().Be(Kst);
        Outlets.DefaultOffset("Reuters").Should().BeNull();
        Outlets.FromHost("en.yna.co.kr").Should().Be("Yonhap");
    }
}
