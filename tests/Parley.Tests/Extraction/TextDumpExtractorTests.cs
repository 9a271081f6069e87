using System.Text;
using FluentAssertions;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Xunit;

namespace Parley.Tests.Extraction;

public class TextDumpExtractorTests
{
    private static IReadOnlyList<Article> Extract(string text, Diagnostics? diagnostics = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var capture = new Capture(CaptureIds.FromContent(bytes), "test.txt", null, CaptureFormat.Text, bytes, null);
        return new ArticleExtractor().Extract(capture, diagnostics ?? new Diagnostics());
    }

    [Fact]
    public void TextDump_PageClockIsNeverThePublicationDate()
    {
        var a = Extract("""
            Mon, March 8, 2021 | 07:09
            Diplomacy
            Allies agree on steps
            By Kim Rahn

            The two allies agreed on Friday to hold talks on the North Korean nuclear issue next month.
            """).Single();
        a.Published.Should().BeNull();
        a.PublishedText.Should().BeNull();
        a.Headline.Should().Be("Allies agree on steps");
    }

    [Theory]
    [InlineData("SEOUL, March 7 (Yonhap) -- The envoys met on Thursday in the capital city.", "SEOUL, March 7 (Yonhap)", "The envoys met")]
    [InlineData("WASHINGTON (Reuters) - The envoys met on Thursday in the capital city.", "WASHINGTON (Reuters)", "The envoys met")]
    [InlineData("SEOUL, Dec. 23 (Yonhap) The envoys met on Thursday in the capital city.", "SEOUL, Dec. 23 (Yonhap)", "The envoys met")]
    public void TextDump_DatelineIsSplitFromBody(string paragraph, string dateline, string bodyStart)
    {
        var a = Extract("Envoys meet\n" + paragraph + "\n").Single();
        a.Dateline.Should().Be(dateline);
        a.Body.Should().StartWith(bodyStart);
    }

    [Fact]
    public void TextDump_RepeatedLineIsCaption()
    {
        var caption = "President Moon Jae-in speaks during a meeting at Cheong Wa Dae in Seoul, Monday.";
        var a = Extract($"""
            Moon calls for talks
            {caption}
            {caption}

            President Moon Jae-in called on Monday for talks with North Korea to resume soon.
            """).Single();
        a.Captions.Should().Equal(caption);
        a.Body.Should().NotContain("speaks during a meeting");
    }

    [Theory]
    [InlineData("Foreign Minister Kang Kyung-wha. Yonhap")]
    [InlineData("Lee Do-hoon, left, shakes hands with Stephen Biegun in Seoul, Aug. 21. AP-Yonhap")]
    [InlineData("Soldiers stand guard at the border village in Paju, Monday. Korea Times photo by Shim Hyun-chul")]
    public void TextDump_PhotoCreditLineIsCaption(string caption)
    {
        var a = Extract($"""
            Talks resume
            The two sides resumed talks on Monday after a break of several months, officials said.
            {caption}
            They plan to meet again next week in Washington, according to the ministry.
            """).Single();
        a.Captions.Should().Equal(caption);
        a.Body.Split("\n\n").Should().HaveCount(2);
    }

    [Fact]
    public void TextDump_BodyEndsAtFooter()
    {
        var a = Extract("""
            Talks resume
            The two sides resumed talks on Monday after a break of several months, officials said.
            Emailsomeone@ktimes.com Article ListMore articles by this reporter
            Another story headline here
            The teaser of another story that runs on and on until it is cut...
            """).Single();
        a.Body.Should().Be("The two sides resumed talks on Monday after a break of several months, officials said.");
    }

    [Fact]
    public void TextDump_MenuBulletsAreNotBody()
    {
        var a = Extract("""
            National
              • Politics
              • Diplomacy
            Talks resume
            The two sides resumed talks on Monday after a break of several months, officials said.
              • Related headline that should not appear
            """).Single();
        a.Body.Should().NotContain("Politics").And.NotContain("Related headline");
        a.Headline.Should().Be("Talks resume");
    }

    [Fact]
    public void TextDump_NoRunningTextReportsNoArticle()
    {
        var diagnostics = new Diagnostics();
        Extract("Home\n  • Politics\n  • World\nCopyright\n", diagnostics).Should().BeEmpty();
        diagnostics.Items.Should().ContainSingle(d => d.Code == DiagnosticCodes.NoArticle);
    }

    [Fact]
    public void TextDump_SiteDescriptionLineGivesHeadlineAndOutlet()
    {
        var a = Extract("""
            By Kang Seung-woo
            The government appears to be out of sync with the new administration on several issues.
            Out of step koreatimes.co.kr - get the latest breaking news, showbiz & celebrity photos
            """).Single();
        a.Headline.Should().Be("Out of step");
        a.Outlet.Should().Be("The Korea Times");
        a.Bylines.Should().Equal("Kang Seung-woo");
    }

    [Fact]
    public void TextDump_NeverThrowsOnOddInput()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++)
            {
                const string alphabet = "ab .,:-()\n\n•|0123456789ByPostedSEOUL(Yonhap)--";
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var act = () => Extract(new string(chars));
            act.Should().NotThrow();
        }
    }
}
