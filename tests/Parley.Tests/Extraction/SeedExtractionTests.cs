using FluentAssertions;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Xunit;

namespace Parley.Tests.Extraction;

/// <summary>The five seed captures in ../shared/seeds: whole-page dumps of Korean and wire news.</summary>
public class SeedExtractionTests
{
    private static readonly Lazy<IReadOnlyList<Article>> All = new(() =>
    {
        var diagnostics = new Diagnostics();
        var extractor = new ArticleExtractor();
        return new CaptureReader().Read(SharedFiles.Seeds, diagnostics)
            .SelectMany(c => extractor.Extract(c, diagnostics))
            .ToList();
    });

    /// <summary>Lines of the seeds that belong to menus, related lists, teasers, tools and footers.</summary>
    public static TheoryData<string> Boilerplate => new()
    {
        "Korean security officer fired",
        "Font Size Up",
        "Font Size Down",
        "Print Preview",
        "Most Viewed",
        "Article List",
        "More articles by this reporter",
        "Mon, March 8, 2021",
        "Sun, December 8, 2019",
        "North Korean defectors skeptical of 'new detente' steps",
        "The recent flurry of breakthroughs",
        "N. Korea says 'no interest in denuke talks'",
        "Seoul asked to speak up over Pyongyang's military threats",
        "Bloody Sunday in Myanmar",
        "Copyright",
        "Send Feedback",
        "Go to Contents",
        "All News 16:00",
        "(ATTN:",
        "Send to",
        "Posted :",
        "By Kim Rahn",
        "By Yonhap",
        "3 Min Read",
        "Slideshow",
        "get the latest breaking news",
        "Issue Keywords",
        "Privacy Statement",
        "rahnita@ktimes.com",
        "Stephen Biegun, left, talks with his South Korean counterpart",
        "The combined image provided by Yonhap News TV",
        "Foreign Minister Kang Kyung-wha. Yonhap",
    };

    private static Article Only(string seed) =>
        All.Value.Single(a => Path.GetFileName(a.Source).StartsWith(seed + "_", StringComparison.Ordinal));

    [Fact]
    public void Seeds_YieldSevenArticles()
    {
        All.Value.Should().HaveCount(7);
        All.Value.Select(a => Path.GetFileName(a.Source)[..3]).Should().Equal("000", "001", "002", "003", "003", "003", "004");
        All.Value.Should().OnlyContain(a => a.Method == TextDumpExtractor.Method);
    }

    [Theory]
    [MemberData(nameof(Boilerplate))]
    public void Seeds_BodiesHoldNoBoilerplate(string line)
    {
        All.Value.Should().OnlyContain(a => !a.Body.Contains(line, StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_BodiesAreParagraphsSeparatedByBlankLines()
    {
        foreach (var article in All.Value)
        {
            article.Body.Should().NotContain("\n\n\n");
            article.Body.Split("\n\n").Should().OnlyContain(p => p.Length > 0 && p == p.Trim());
        }
    }

    [Fact]
    public void Seed000_KoreaTimesMetadata()
    {
        var a = Only("000");
        a.Headline.Should().Be("Moon, Trump vow cooperation not to repeat 'past failure' in North Korea issue");
        a.Outlet.Should().Be("The Korea Times");
        a.Bylines.Should().Equal("Kim Rahn");
        a.PublishedText.Should().Be("2018-03-17 00:01");
        a.Published.Should().Be(new DateTimeOffset(2018, 3, 17, 0, 1, 0, TimeSpan.FromHours(9)));
        a.UpdatedText.Should().Be("2018-03-21 12:03");
        a.Updated.Should().Be(new DateTimeOffset(2018, 3, 21, 12, 3, 0, TimeSpan.FromHours(9)));
        a.Section.Should().Be("Diplomacy");
        a.Body.Should().StartWith("South Korean President Moon Jae-in and U.S. President Donald Trump have pledged");
        a.Body.Should().EndWith("so the South Korean side can take \"flexible\" stance, Yoon said.");
        a.Body.Split("\n\n").Should().HaveCount(10);
    }

    [Fact]
    public void Seed001_KoreaHeraldRepublishingYonhap()
    {
        var a = Only("001");
        a.Headline.Should().Be("S. Korea, US aligned on end goal on N. Korea: FM Kang");
        a.Outlet.Should().Be("Yonhap");
        a.Bylines.Should().BeEmpty("'By Yonhap' names an outlet, not an author");
        a.PublishedText.Should().Be("March 30, 2019 - 18:46");
        a.Published.Should().Be(new DateTimeOffset(2019, 3, 30, 18, 46, 0, TimeSpan.FromHours(9)));
        a.Captions.Should().Equal("Foreign Minister Kang Kyung-wha. Yonhap");
        a.Body.Should().StartWith("South Korea and the United States are completely aligned");
        a.Body.Should().EndWith("preparing for another missile launch.");
    }

    [Fact]
    public void Seed002_YonhapMetadataAndDateline()
    {
        var a = Only("002");
        a.Headline.Should().Be("(4th LD) S. Korea, U.S. vow close coordination on N. Korea amid concern about rift");
        a.Outlet.Should().Be("Yonhap");
        a.Bylines.Should().Equal("Lee Chi-dong");
        a.PublishedText.Should().Be("16:00 March 07, 2019");
        a.Published.Should().Be(new DateTimeOffset(2019, 3, 7, 16, 0, 0, TimeSpan.FromHours(9)));
        a.Dateline.Should().Be("SEOUL/WASHINGTON, March 7 (Yonhap)");
        a.Body.Should().StartWith("The top nuclear envoys of South Korea and the United States");
        a.Captions.Should().ContainSingle().Which.Should().StartWith("The combined image provided by Yonhap News TV");
        a.Body.Should().EndWith("in the not so distant future.");
    }

    [Fact]
    public void Seed003_ThreeFragments()
    {
        var parts = All.Value.Where(a => Path.GetFileName(a.Source).StartsWith("003_", StringComparison.Ordinal)).ToList();
        parts.Should().HaveCount(3);

        parts[0].Headline.Should().Be("Moon out of step with Biden ahead of Korea-US summit");
        parts[0].Outlet.Should().Be("The Korea Times");
        parts[0].Bylines.Should().Equal("Kang Seung-woo");
        parts[0].Body.Should().StartWith("The South Korean government appears to be out of sync");
        parts[0].Body.Should().EndWith("reunite the two Koreas.");

        parts[1].Outlet.Should().Be("Reuters");
        parts[1].Dateline.Should().Be("SEOUL (Reuters)");
        parts[1].Body.Should().StartWith("A senior U.S. envoy on Wednesday said");
        parts[1].Body.Should().EndWith("before President-elect Joe Biden takes office next month.");

        parts[2].Headline.Should().Be("S. Korea s new top nuclear envoy holds phones talks with Japanese counterpart");
        parts[2].Outlet.Should().Be("Yonhap");
        parts[2].Dateline.Should().Be("SEOUL, Dec. 23 (Yonhap)");
        parts[2].Body.Should().StartWith("South Korea s new chief nuclear envoy, Noh Kyu-duk,");

        parts.Select(p => p.Index).Should().Equal(0, 1, 2);
        parts.Select(p => p.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Seed004_CaptionKeptOnceAndOutOfBody()
    {
        var a = Only("004");
        a.Headline.Should().Be("US waits North Korea response to restart denuke talks: US envoy");
        a.Outlet.Should().Be("The Korea Times");
        a.Bylines.Should().Equal("Kim Yoo-chul");
        a.PublishedText.Should().Be("2019-08-21 16:56");
        a.Published.Should().Be(new DateTimeOffset(2019, 8, 21, 16, 56, 0, TimeSpan.FromHours(9)));
        a.UpdatedText.Should().Be("2019-08-21 18:14");
        a.Section.Should().Be("Politics");
        a.Captions.Where(c => c.StartsWith("U.S. special envoy for North Korea Stephen Biegun, left", StringComparison.Ordinal)).Should().ContainSingle();
        a.Captions.Should().Contain(c => c.StartsWith("Kim Sang-jo, chief of staff for policy", StringComparison.Ordinal));
        a.Body.Should().NotContain("AP-Yonhap").And.NotContain("responds to a question at a forum");
        a.Body.Should().StartWith("Washington is waiting for a response from Pyongyang");
        a.Body.Should().EndWith("connected with the wartime forced labor issue.");
    }

    [Fact]
    public void Seeds_ArticleIdsDeriveFromCaptureIds()
    {
        foreach (var a in All.Value)
        {
            a.Id.Should().Be($"{a.CaptureId}-{a.Index}");
            a.CaptureId.Should().MatchRegex("^[0-9a-f]{32}$");
        }
    }
}
