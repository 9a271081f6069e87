using System.Text;
using FluentAssertions;
using Parley.Pipeline.Consolidation;
using Parley.Storage;

namespace Parley.Tests.Storage;

public abstract partial class StoreContractTests
{
    [StoreFact]
    public void Reprint_JoinsItsStory_WhenItsBandsAreCommon()
    {
        var store = New();
        string story = Story(9999, 12);
        // A short passage of the story that alone gives one of its MinHash bands: hundreds of
        // other stories quote it, so that band is common, as stock phrases make bands common on
        // a real news day. Their ids sort before the original's.
        string passage = CommonPassage(story);
        const int fillers = 300;
        var captures = Enumerable.Range(0, fillers)
            .Select(i => TextCapture($"a{i:D4}", "filler", Story(i, 4) + "\n\n" + passage, "SEOUL", "(Yonhap)")).ToList();
        captures.Add(TextCapture("t-original", "original", story, "SEOUL", "(Yonhap)"));
        captures.Add(TextCapture("z-reprint", "reprint", story, "WASHINGTON", "(Daily Meridian)", menu: true));
        Ingest(store, captures, batch: 16);

        var reprintBands = MinHash.Bands(MinHash.Signature(store.GetArticle("z-reprint-0")!.Body)!).ToHashSet();
        Enumerable.Range(0, fillers).Count(i => MinHash.Bands(MinHash.Signature(store.GetArticle($"a{i:D4}-0")!.Body)!).Any(reprintBands.Contains))
            .Should().BeGreaterThan(100, "the case needs many more articles in the reprint's bands than a lookup compares");
        var original = store.StoryOf("t-original-0");
        original.Should().NotBeNull();
        store.StoryOf("z-reprint-0").Should().Be(original, "the reprint is the same story under another layout");
        Enumerable.Range(0, fillers).Select(i => store.StoryOf($"a{i:D4}-0")).Should()
            .OnlyHaveUniqueItems("stories that quote one passage are different stories").And.NotContain(original);
    }

    [StoreFact]
    public void Reprint_JoinsItsStory_AfterTheStoreIsReopened()
    {
        string story = Story(4242, 12);
        var first = New("reopened");
        Ingest(first, [TextCapture("t-original", "original", story, "SEOUL", "(Yonhap)"),
            TextCapture("u-other", "other", Story(17, 8), "SEOUL", "(Yonhap)")]);
        first.Dispose();

        var again = Track(Reopen("reopened"));
        Ingest(again, [TextCapture("z-reprint", "reprint", story, "WASHINGTON", "(Daily Meridian)", menu: true)]);
        again.StoryOf("z-reprint-0").Should().Be(again.StoryOf("t-original-0"), "a writer opened later still finds the stories stored before");
        again.StoryOf("u-other-0").Should().NotBe(again.StoryOf("t-original-0"));
    }

    [StoreFact]
    public void Reprint_JoinsItsStory_WhenAnotherWriterStoredTheOriginal()
    {
        string story = Story(777, 12);
        var one = New("shared");
        var two = Track(Reopen("shared"));
        Ingest(two, [TextCapture("m-early", "early", Story(5, 8), "SEOUL", "(Yonhap)")]);
        Ingest(one, [TextCapture("t-original", "original", story, "SEOUL", "(Yonhap)")]);
        Ingest(two, [TextCapture("z-reprint", "reprint", story, "WASHINGTON", "(Daily Meridian)", menu: true)]);
        two.StoryOf("z-reprint-0").Should().Be(two.StoryOf("t-original-0"), "the second writer sees what the first stored after its own last batch");
    }

    // The first sentence, or pair of sentences, of the story whose signature shares a band with
    // the story's under both datelines.
    private static string CommonPassage(string story)
    {
        var sentences = story.Replace("\n\n", " ", StringComparison.Ordinal).Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Select(x => x.TrimEnd('.') + ".").ToArray();
        var bands = MinHash.Bands(MinHash.Signature("SEOUL, March 7 (Yonhap) -- " + story)!)
            .Intersect(MinHash.Bands(MinHash.Signature("WASHINGTON, March 7 (Daily Meridian) -- " + story)!)).ToHashSet();
        foreach (int length in new[] { 1, 2 })
            for (int i = 0; i + length <= sentences.Length; i++)
            {
                string passage = string.Join(' ', sentences, i, length);
                if (MinHash.Bands(MinHash.Signature(passage)!).Any(bands.Contains)) return passage;
            }
        throw new InvalidOperationException("no passage of the story gives one of its bands");
    }

    // Sentences with a number at least every third word, unique to story n: no two stories share a shingle.
    private static string Story(int n, int sentences)
    {
        string[] places = ["Busan", "Incheon", "Daegu", "Gwangju", "Ulsan", "Suwon", "Jeju", "Sejong"];
        string[] sites = ["port", "rail", "grid", "harbour", "airport", "bridge", "reservoir", "tunnel"];
        var sb = new StringBuilder();
        for (int j = 0; j < sentences; j++)
        {
            int k = n * 16 + j;
            sb.Append(FormattableString.Invariant(
                $"Crew {k + 1000} of {places[k % places.Length]} logged {k * 3 + 500000} hours at {sites[(k / 3) % sites.Length]} site {k * 7 + 2000000} while team {k * 11 + 9000000} checked {k * 13 + 30000000} units. "));
            if (j % 4 == 3) sb.Append("\n\n");
        }
        return sb.ToString().TrimEnd();
    }

    private static Capture TextCapture(string id, string headline, string body, string place, string agency, bool menu = false)
    {
        var text = new StringBuilder();
        if (menu) text.Append("DAILY MERIDIAN\nHome | World | Asia | Business | Opinion\n\n");
        text.Append(FormattableString.Invariant($"Officials report on {headline} works\n\nBy Kim Min-ji\n\n{place}, March 7 {agency} -- ")).Append(body);
        text.Append(menu ? "\n\nCopyright Daily Meridian. All rights reserved.\n" : "\n\n(END)\n");
        return new Capture(id, id + ".txt", null, CaptureFormat.Text, Encoding.UTF8.GetBytes(text.ToString()),
            DateTimeOffset.Parse("2022-03-07T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }
}
