using FluentAssertions;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

public class MinHashTests
{
    private static string Body(string sample)
    {
        var diag = new Diagnostics();
        var capture = new CaptureReader().Read(Path.Combine(Repo.Root, "samples", sample), diag).Single();
        return new ArticleExtractor().Extract(capture, diag).Single().Body;
    }

    [Theory]
    [InlineData("wire-copy-a.txt", "wire-copy-b.txt")]
    [InlineData("wire-copy-a.txt", "wire-copy-2nd-ld.txt")]
    [InlineData("wire-copy-b.txt", "wire-copy-2nd-ld.txt")]
    public void MinHash_WireCopiesAndUpdatesAreOneStory(string a, string b)
    {
        var sa = MinHash.Signature(Body(a))!;
        var sb = MinHash.Signature(Body(b))!;
        MinHash.Similarity(sa, sb).Should().BeGreaterThanOrEqualTo(MinHash.StoryThreshold);
        MinHash.Bands(sa).Intersect(MinHash.Bands(sb)).Should().NotBeEmpty("candidates are found by a shared band");
    }

    [Theory]
    [InlineData("wire-copy-a.txt", "phone-call-later.txt")]
    [InlineData("korea-times-style.txt", "phone-call-later.txt")]
    [InlineData("reuters-style.txt", "wire-copy-2nd-ld.txt")]
    public void MinHash_DifferentStoriesOnOneTopicAreNot(string a, string b) =>
        MinHash.Similarity(MinHash.Signature(Body(a)), MinHash.Signature(Body(b))).Should().BeLessThan(MinHash.StoryThreshold);

    [Fact]
    public void MinHash_RoundTripsThroughBytesAndIgnoresCase()
    {
        var sig = MinHash.Signature(Body("wire-copy-a.txt"))!;
        MinHash.FromBytes(MinHash.ToBytes(sig)).Should().Equal(sig);
        MinHash.Signature(Body("wire-copy-a.txt").ToUpperInvariant()).Should().Equal(sig);
        MinHash.Signature("Too short to say anything.").Should().BeNull();
    }
}
