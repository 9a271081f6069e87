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

    [Theory]
    [InlineData("wire-copy-a.txt")]
    [InlineData("korea-times-style.txt")]
    [InlineData("reuters-style.txt")]
    public void MinHash_SignatureIsTheMinimumOfEveryHashFunction(string sample)
    {
        // A plain restatement of the definition: whichever way Signature computes (vector or
        // scalar), stored signatures and bands must stay bit-identical.
        var body = Body(sample) + " Ünïcode wörds, ÇAPITALS and ’quotes’ count too.";
        MinHash.Signature(body).Should().Equal(ReferenceSignature(body));
    }

    private static ulong[] ReferenceSignature(string text)
    {
        var words = new List<ulong>();
        ulong h = 0;
        bool inWord = false;
        foreach (char c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord) { h = 14695981039346656037UL; inWord = true; }
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            }
            else if (inWord) { words.Add(h); inWord = false; }
        }
        var seeds = new ulong[MinHash.Size];
        ulong s = 0x5DEECE66DUL;
        for (int i = 0; i < seeds.Length; i++) seeds[i] = s = Mix(s + 0x9E3779B97F4A7C15UL);
        var sig = Enumerable.Repeat(ulong.MaxValue, MinHash.Size).ToArray();
        for (int i = 0; i + MinHash.ShingleWords <= words.Count; i++)
        {
            ulong sh = 14695981039346656037UL;
            for (int j = 0; j < MinHash.ShingleWords; j++) sh = (sh ^ words[i + j]) * 1099511628211UL;
            for (int k = 0; k < MinHash.Size; k++) sig[k] = Math.Min(sig[k], Mix(sh ^ seeds[k]));
        }
        return sig;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
