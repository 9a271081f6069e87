using System.Text;
using FluentAssertions;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Xunit;

namespace Parley.Tests.Extraction;

/// <summary>The publication-date cascade on small pages written for each rule.</summary>
public class PublicationDateFinderTests
{
    private const string Story = "<p>The council met on Tuesday to discuss the budget for the coming year, the mayor said in a statement.</p>";

    private static PublicationDate? Find(string html, string? url = null)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        var capture = new Capture(CaptureIds.FromContent(bytes), "page.html", url, CaptureFormat.Html, bytes, null);
        return new ArticleExtractor().PublicationDate(capture);
    }

    private static string? Day(PublicationDate? date) => date?.Value.DateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("""{"@type":"NewsArticle","datePublished":"2020-10-26T18:10:00+01:00"}}""")]
    [InlineData("""{"@type":"NewsArticle","datePublished":"2020-10-26T18:10:00+01:00"} {"@type":"BreadcrumbList"}""")]
    public void JsonLd_TrailingGarbage_FirstValueStillRead(string json)
    {
        var html = $"""<html><head><script type="application/ld+json">{json}</script></head><body><div class="meta">09.08.2020</div>{Story}</body></html>""";
        var date = Find(html);
        date!.Basis.Should().Be("json-ld");
        Day(date).Should().Be("2020-10-26");
    }

    [Theory]
    [InlineData("date")]
    [InlineData("DC.date")]
    [InlineData("dcterms.date")]
    public void GenericDateMeta_LosesToTheStorysTime(string key)
    {
        var html = $"""<html><head><meta name="{key}" content="2022-01-21T15:38:44+01:00"></head><body><article><time datetime="2022-01-27">27.01.2022</time>{Story}</article></body></html>""";
        Day(Find(html)).Should().Be("2022-01-27");
    }

    [Fact]
    public void GenericDateMeta_UsedWhenNothingBetter()
    {
        var html = $"""<html><head><meta name="date" content="2020-02-12"></head><body>{Story}</body></html>""";
        Day(Find(html)).Should().Be("2020-02-12");
    }

    [Theory]
    [InlineData("https://example.com/home/2017/7/12/summer-in-montauk", "2017-07-12", "url")]
    [InlineData("https://example.com/2019/06/18/summer-in-montauk/", "2019-06-17", "json-ld")]
    [InlineData("https://example.com/2019/06/3-questions-for-the-mayor/", "2019-06-17", "json-ld")]
    public void UrlPathDay_WinsOverAStructuredDayDaysAway(string url, string expected, string basis)
    {
        var html = $$"""<html><head><script type="application/ld+json">{"@type":"BlogPosting","datePublished":"2019-06-17T18:28:00+02:00"}</script></head><body>{{Story}}</body></html>""";
        var date = Find(html, url);
        Day(date).Should().Be(expected);
        date!.Basis.Should().Be(basis);
    }

    [Fact]
    public void UtcStamp_TakesTheOffsetOfThePagesOwnTime()
    {
        var html = $"""
            <html lang="en-US"><head><meta property="article:published_time" content="2023-11-09T06:35:29+00:00"></head>
            <body><p>Posted: <time datetime="2023-11-08T22:35:29-08:00">Nov 8, 2023 / 10:35 PM PST</time></p>{Story}</body></html>
            """;
        var date = Find(html, "https://news.example.com/local/story/");
        Day(date).Should().Be("2023-11-08");
        date!.Value.Offset.Should().Be(TimeSpan.FromHours(-8));
    }

    [Fact]
    public void UtcStamp_PrintedAsTheUtcDay_KeepsThatDay()
    {
        // The host's zone (London, +01:00 in October) would move 23:25 UTC to the next day; the page prints the UTC day.
        var html = $"""
            <html lang="en-GB"><head><meta property="article:published_time" content="2023-10-10T23:25:44+00:00"></head>
            <body><span class="date"><time datetime="2023-10-10T23:25:44+00:00">Oct 10, 2023</time></span>{Story}</body></html>
            """;
        Day(Find(html, "https://news.example.co.uk/analysis/growth/")).Should().Be("2023-10-10");
    }

    [Fact]
    public void UtcStamp_NotPrinted_MovesToThePagesZone()
    {
        var html = $"""<html lang="en-GB"><head><meta property="article:published_time" content="2023-10-10T23:25:44+00:00"></head><body>{Story}</body></html>""";
        Day(Find(html, "https://news.example.co.uk/analysis/growth/")).Should().Be("2023-10-11");
    }

    [Theory]
    [InlineData("instagram-media")]
    [InlineData("twitter-tweet")]
    public void EmbeddedPostTime_IsNotThePages(string embedClass)
    {
        var html = $"""
            <html><body><h1>Influencer ruling</h1><div class="PublishDate"><span>Dienstag,</span> <span>29. Januar 2019</span></div>
            <article>{Story}<blockquote class="{embedClass}"><p>A post</p><time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></blockquote></article></body></html>
            """;
        Day(Find(html)).Should().Be("2019-01-29");
    }

    [Theory]
    [InlineData("<div id=\"footer\"><ul><li id=\"footer-info-lastmod\">Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul></div>")]
    [InlineData("<footer><p>This page was last edited on 29 January 2020, at 13:22.</p></footer>")]
    [InlineData("<p class=\"info\">Aktualisiert: 29.01.2020</p>")]
    [InlineData("<div><label>Letzte Änderung:</label><div>\n  29.01.2020 um 09:25</div></div>")]
    public void LastUpdatedPhrase_BeatsTheFirstDateInTheText(string updated)
    {
        var html = $"""<html><body><h1>Regulars' table</h1><p>Next meeting: 5. Februar 2020 ab 19 Uhr im Cafe.</p>{Story}{updated}</body></html>""";
        var date = Find(html, "https://wiki.example.org/Table");
        Day(date).Should().Be("2020-01-29");
        date!.Basis.Should().Be("updated");
    }

    [Fact]
    public void PublishedPhrase_StillBeatsLastUpdated()
    {
        var html = $"""<html><body><p class="info">Published: 12.01.2020</p>{Story}<p>Aktualisiert: 29.01.2020</p></body></html>""";
        Day(Find(html)).Should().Be("2020-01-12");
    }

    [Theory]
    [InlineData("five_hundred_pixels:uploaded")]
    [InlineData("site:created")]
    public void SiteMetaKey_EndingInAPublishingVerb_Dates(string key)
    {
        var html = $"""<html><head><meta property="{key}" content="2013-02-16T04:36:36-05:00"></head><body>{Story}</body></html>""";
        Day(Find(html)).Should().Be("2013-02-16");
    }
}
