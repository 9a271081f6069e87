using System.Text;
using FluentAssertions;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Xunit;

namespace Parley.Tests.Extraction;

/// <summary>The source pass before the parse: what it removes must never take story text with it.</summary>
public class HtmlSourceTests
{
    private const string Para1 = "Foreign ministers of the two neighbours met in Hanoi on Friday and agreed to reopen the border crossings, officials said.";
    private const string Para2 = "The talks, the first in three years, also covered fishing rights and river water sharing, the ministry said in a statement.";

    private static Article ExtractOne(string body, string head = "")
    {
        var html = $"<html><head><title>Border talks</title>{head}</head><body>{body}</body></html>";
        var bytes = Encoding.UTF8.GetBytes(html);
        var capture = new Capture(CaptureIds.FromContent(bytes), "page.html", null, CaptureFormat.Html, bytes, null);
        return new ArticleExtractor().Extract(capture, new Diagnostics()).Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("<script>var s = '<p>Script text that must not show.</p>';</script>")]
    [InlineData("<style>p::after { content: 'Style text that must not show.' }</style>")]
    [InlineData("<svg viewBox=\"0 0 10 10\"><title>Svg text that must not show.</title><path d=\"M0 0\"/></svg>")]
    [InlineData("<noscript><p>Noscript text that must not show, please enable scripts now.</p></noscript>")]
    [InlineData("<template><p>Template text that must not show in the story at all.</p></template>")]
    [InlineData("<!-- <p>Comment text that must not show in the story at all.</p> -->")]
    public void Source_InertElementRemoved_StoryKept(string inert)
    {
        var a = ExtractOne($"<article><p>{Para1}</p>{inert}<p>{Para2}</p></article>");
        a.Body.Should().Be($"{Para1}\n\n{Para2}");
        a.Body.Should().NotContain("must not show");
    }

    [Theory]
    [InlineData("<div data-template=\"<script>\" class=\"story\">")]
    [InlineData("<div data-note='a > b <!-- c' class=\"story\">")]
    [InlineData("<div title=\"</script>\" class=\"story\">")]
    public void Source_MarkupInQuotedAttribute_IsNotATag(string open)
    {
        var a = ExtractOne($"<article>{open}<p>{Para1}</p><p>{Para2}</p></div></article>");
        a.Body.Should().Be($"{Para1}\n\n{Para2}");
    }

    [Fact]
    public void Source_CommentHoldingScriptTag_DoesNotSwallowStory()
    {
        var a = ExtractOne($"<!-- <script> --><article><p>{Para1}</p><p>{Para2}</p></article><script>x = 1;</script>");
        a.Body.Should().Be($"{Para1}\n\n{Para2}");
    }

    [Fact]
    public void Source_JsonLdKept_OtherScriptsDropped()
    {
        var head = """
            <script>var page = {"headline": "Wrong headline from a plain script"};</script>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Neighbours agree to reopen border crossings","datePublished":"2024-05-10T09:00:00+07:00"}</script>
            """;
        var a = ExtractOne($"<article><p>{Para1}</p><p>{Para2}</p></article>", head);
        a.Headline.Should().Be("Neighbours agree to reopen border crossings");
        a.Published.Should().Be(new DateTimeOffset(2024, 5, 10, 9, 0, 0, TimeSpan.FromHours(7)));
    }

    [Fact]
    public void Source_UnreadAttributesDropped_ReadOnesKept()
    {
        // Hidden and boilerplate markers still work after the attribute filter; the image and its srcset are gone.
        var a = ExtractOne($"""
            <article><p data-track="x1" class="lead">{Para1}</p>
            <img src="a.jpg" srcset="a.jpg 1x, b.jpg 2x" alt="Alt text that must not show">
            <div hidden><p>Hidden paragraph that must not show in the story text.</p></div>
            <div style="display:none"><p>Invisible paragraph that must not show in the story text.</p></div>
            <p>{Para2}</p></article>
            """);
        a.Body.Should().Be($"{Para1}\n\n{Para2}");
    }

    [Fact]
    public void Source_DeepNesting_TextKeptAndTooDeepReported()
    {
        var sb = new StringBuilder();
        sb.Insert(0, "<div>", 20_000).Append($"<p>{Para1}</p><p>{Para2}</p>").Insert(sb.Length, "</div>", 20_000);
        var html = $"<html><body>{sb}</body></html>";
        var bytes = Encoding.UTF8.GetBytes(html);
        var capture = new Capture(CaptureIds.FromContent(bytes), "deep.html", null, CaptureFormat.Html, bytes, null);
        var diagnostics = new Diagnostics();
        var a = new ArticleExtractor().Extract(capture, diagnostics).Should().ContainSingle().Subject;
        a.Body.Should().Contain(Para1).And.Contain(Para2);
        diagnostics.Items.Should().Contain(d => d.Code == DiagnosticCodes.TooDeep);
    }
}
