using System.Text;
using FluentAssertions;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Xunit;

namespace Parley.Tests.Extraction;

public class HtmlExtractorTests
{
    private const string Para1 = "South Korea and the United States agreed on Thursday to continue close consultations on North Korea, the foreign ministry said.";
    private const string Para2 = "The two sides exchanged views on the results of the summit in Hanoi and discussed the next steps, officials said.";
    private const string Para3 = "They also noted that the allies have strong partnerships over the North Korea issue through various diplomatic channels.";

    private static IReadOnlyList<Article> Extract(string html, string? url = null, Diagnostics? diagnostics = null)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        var capture = new Capture(CaptureIds.FromContent(bytes), "page.html", url, CaptureFormat.Html, bytes, null);
        return new ArticleExtractor().Extract(capture, diagnostics ?? new Diagnostics());
    }

    private const string Navigation = """
        <header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
        """;

    private const string Footer = """
        <div class="related-articles"><h3>Related</h3><p>Another story about something else entirely, which is not part of the article.</p></div>
        <footer><p>Copyright The Korea Herald. All rights reserved. Reproduction prohibited without permission.</p></footer>
        """;

    [Fact]
    public void Html_JsonLdGivesMetadata()
    {
        var html = $$"""
            <html lang="en"><head><title>Allies agree | The Korea Herald</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Allies agree on close coordination",
             "datePublished":"2019-03-07T16:00:00+09:00","dateModified":"2019-03-07T18:00:00+09:00",
             "author":[{"@type":"Person","name":"Lee Chi-dong"}],"publisher":{"@type":"Organization","name":"Yonhap News Agency"},
             "articleSection":"North Korea"}
            </script></head>
            <body>{{Navigation}}<article><h1>Allies agree on close coordination</h1><p>{{Para1}}</p><p>{{Para2}}</p><p>{{Para3}}</p></article>{{Footer}}</body></html>
            """;
        var a = Extract(html).Single();
        a.Headline.Should().Be("Allies agree on close coordination");
        a.Outlet.Should().Be("Yonhap");
        a.Bylines.Should().Equal("Lee Chi-dong");
        a.Published.Should().Be(new DateTimeOffset(2019, 3, 7, 16, 0, 0, TimeSpan.FromHours(9)));
        a.Updated.Should().Be(new DateTimeOffset(2019, 3, 7, 18, 0, 0, TimeSpan.FromHours(9)));
        a.Section.Should().Be("North Korea");
        a.Method.Should().Be(HtmlExtractor.MethodArticle);
        a.Body.Should().Be($"{Para1}\n\n{Para2}\n\n{Para3}");
    }

    [Fact]
    public void Html_OpenGraphAndMetaGiveMetadata()
    {
        var html = $"""
            <html><head>
            <meta property="og:title" content="Allies agree on close coordination">
            <meta property="og:site_name" content="The Korea Times">
            <meta property="article:published_time" content="2019-08-21T16:56:00">
            <meta name="author" content="Kim Yoo-chul">
            <link rel="canonical" href="https://www.koreatimes.co.kr/www/nation/2019/08/113_274.html">
            </head><body>{Navigation}<div id="content"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>{Footer}</body></html>
            """;
        var a = Extract(html).Single();
        a.Headline.Should().Be("Allies agree on close coordination");
        a.Outlet.Should().Be("The Korea Times");
        a.Bylines.Should().Equal("Kim Yoo-chul");
        a.Published.Should().Be(new DateTimeOffset(2019, 8, 21, 16, 56, 0, TimeSpan.FromHours(9)), "a Korean outlet's time without offset is KST");
        a.Url.Should().Be("https://www.koreatimes.co.kr/www/nation/2019/08/113_274.html");
        a.Method.Should().Be(HtmlExtractor.MethodDensity);
        a.Body.Should().Be($"{Para1}\n\n{Para2}\n\n{Para3}");
    }

    [Fact]
    public void Html_ItempropArticleBodyWins()
    {
        var html = $"""
            <html><body>{Navigation}
            <div class="story"><div itemprop="articleBody"><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></div>
            <div class="share-buttons"><a href="#">Facebook</a><a href="#">Twitter</a></div></div>
            <aside><p>Most viewed: a sidebar story that runs on for a while with plenty of words in it.</p></aside>{Footer}</body></html>
            """;
        var a = Extract(html).Single();
        a.Method.Should().Be(HtmlExtractor.MethodItemprop);
        a.Body.Should().Be($"{Para1}\n\n{Para2}\n\n{Para3}");
    }

    [Fact]
    public void Html_FigcaptionGoesToCaptions()
    {
        var html = $"""
            <html><body><article><p>{Para1}</p>
            <figure><img src="a.jpg"><figcaption>Foreign Minister Kang Kyung-wha. Yonhap</figcaption></figure>
            <p>{Para2}</p><p>{Para3}</p></article></body></html>
            """;
        var a = Extract(html).Single();
        a.Captions.Should().Equal("Foreign Minister Kang Kyung-wha. Yonhap");
        a.Body.Should().NotContain("Kang Kyung-wha. Yonhap");
    }

    [Fact]
    public void Html_LinkListsAreDropped()
    {
        var links = string.Concat(Enumerable.Range(1, 8).Select(i => $"<a href=\"/{i}\">Headline number {i} of a related story</a> "));
        var html = $"<html><body><article><p>{Para1}</p><p>{links}</p><p>{Para2}</p><p>{Para3}</p></article></body></html>";
        var a = Extract(html).Single();
        a.Body.Should().NotContain("Headline number");
    }

    [Fact]
    public void Html_DatelineAndBylineParagraphsAreTaken()
    {
        var html = $"""
            <html><body><article><p>By Lee Chi-dong</p>
            <p>SEOUL/WASHINGTON, March 7 (Yonhap) -- {Para1}</p><p>{Para2}</p><p>{Para3}</p></article></body></html>
            """;
        var a = Extract(html, "https://en.yna.co.kr/view/AEN20190307001200315").Single();
        a.Dateline.Should().Be("SEOUL/WASHINGTON, March 7 (Yonhap)");
        a.Bylines.Should().Equal("Lee Chi-dong");
        a.Outlet.Should().Be("Yonhap");
        a.Body.Should().StartWith(Para1);
    }

    [Fact]
    public void Html_BrSeparatedTextBecomesParagraphs()
    {
        var html = $"<html><body><div id=\"article_body\">{Para1}<br><br>{Para2}<br><br>{Para3}</div></body></html>";
        var a = Extract(html).Single();
        a.Body.Split("\n\n").Should().Equal(Para1, Para2, Para3);
    }

    [Fact]
    public void Html_JsonLdBodyIsTheFallback()
    {
        var body = string.Join("\\n", Para1, Para2, Para3);
        var html = $$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"{{body}}"}</script></head>
            <body><div id="app"></div></body></html>
            """;
        var a = Extract(html).Single();
        a.Method.Should().Be(HtmlExtractor.MethodJsonLd);
        a.Body.Should().Be($"{Para1}\n\n{Para2}\n\n{Para3}");
    }

    [Fact]
    public void Html_BrokenJsonLdIsIgnored()
    {
        var html = $$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle", "headline": </script></head>
            <body><article><p>{{Para1}}</p><p>{{Para2}}</p><p>{{Para3}}</p></article></body></html>
            """;
        Extract(html).Single().Body.Should().StartWith(Para1);
    }

    [Fact]
    public void Html_EmptyPageReportsNoArticle()
    {
        var diagnostics = new Diagnostics();
        Extract("<html><body><nav><a href='/'>Home</a></nav></body></html>", diagnostics: diagnostics).Should().BeEmpty();
        diagnostics.Items.Should().ContainSingle(d => d.Code == DiagnosticCodes.NoArticle);
    }

    [Fact]
    public void Html_DeepNestingIsFlattenedAndReported()
    {
        var depth = 600;
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat("<div>", depth)) + $"<p>{Para1} {Para2}</p>"
            + string.Concat(Enumerable.Repeat("</div>", depth)) + "</article></body></html>";
        var diagnostics = new Diagnostics();
        var a = Extract(html, diagnostics: diagnostics).Single();
        a.Body.Should().Contain("close consultations");
        diagnostics.Items.Should().Contain(d => d.Code == DiagnosticCodes.TooDeep);
    }

    [Fact]
    public void Html_TextCaptureThatIsHtmlIsExtractedAsHtml()
    {
        var bytes = Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><body><article><p>{Para1}</p><p>{Para2}</p><p>{Para3}</p></article></body></html>");
        var capture = new Capture(CaptureIds.FromContent(bytes), "page.txt", null, CaptureFormat.Text, bytes, null);
        var a = new ArticleExtractor().Extract(capture, new Diagnostics()).Single();
        a.Method.Should().Be(HtmlExtractor.MethodArticle);
    }

    [Theory]
    [InlineData("<form id=\"aspnetForm\"><div class=\"content\">{0}</div></form>")]
    [InlineData("<div class=\"main-content has-section-nav\"><article>{0}</article></div>")]
    [InlineData("<div class=\"elementor-widget-container\">{0}</div>")]
    public void Html_LayoutWrappersDoNotHideTheStory(string wrapper)
    {
        var story = $"<p>{Para1}</p><p>{Para2}</p><p>{Para3}</p>";
        var html = "<html><body>" + string.Format(wrapper, story) + "</body></html>";
        Extract(html).Single().Body.Should().Be($"{Para1}\n\n{Para2}\n\n{Para3}");
    }
}
