using FluentAssertions;
using Parley.Pipeline.Consolidation;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// The sketch cache may turn a story candidate away only when its full signature would have: never
/// a pair at or above the story threshold, whatever their values share in their low bits.
/// </summary>
public sealed class SketchCacheTests
{
    [Fact]
    public void Needed_IsTheFewestAgreeingPositionsThatReachTheThreshold()
    {
        int n = SketchCache.Needed;
        (n / (double)MinHash.Size).Should().BeGreaterThanOrEqualTo(MinHash.StoryThreshold);
        ((n - 1) / (double)MinHash.Size).Should().BeLessThan(MinHash.StoryThreshold);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NeverRulesOut_APairTheSignaturesJoin_AndRulesOutMostUnrelatedOnes(int seed)
    {
        var random = new Random(seed);
        var cache = new SketchCache();
        int unrelated = 0, ruledOutUnrelated = 0;
        for (int k = 0; k < 2_000; k++)
        {
            var a = RandomSignature(random);
            // b agrees with a in `same` positions; elsewhere its values differ from a's, and one in eight
            // keeps a's low four bits under other high bits, as unequal MinHash values sometimes do.
            int same = random.Next(MinHash.Size + 1);
            var b = (ulong[])a.Clone();
            foreach (int i in Enumerable.Range(0, MinHash.Size).OrderBy(_ => random.Next()).Take(MinHash.Size - same))
            {
                ulong other = (ulong)random.NextInt64();
                if (random.Next(8) == 0) other = (other & ~0xFUL) | (a[i] & 0xF);
                b[i] = other != a[i] ? other : other ^ 0x10;
            }
            string id = $"art-{seed}-{k}";
            cache.Add(id, b);
            bool ruledOut = cache.RulesOut(id, SketchCache.Of(a));
            bool joins = MinHash.Similarity(a, b) >= MinHash.StoryThreshold;
            if (joins) ruledOut.Should().BeFalse($"pair {k} agrees in {same} positions and is one story");
            if (same == 0)
            {
                unrelated++;
                if (ruledOut) ruledOutUnrelated++;
            }
        }
        unrelated.Should().BeGreaterThan(20);
        ruledOutUnrelated.Should().BeGreaterThan(unrelated * 9 / 10, "values that differ rarely share their low bits in enough positions");
    }

    [Fact]
    public void AnUnknownArticle_IsNeverRuledOut()
    {
        var cache = new SketchCache();
        var random = new Random(7);
        cache.Add("known", RandomSignature(random));
        cache.RulesOut("unknown", SketchCache.Of(RandomSignature(random))).Should().BeFalse();
        cache.RulesOut("known", SketchCache.Of(RandomSignature(random))).Should().BeTrue("a random signature agrees with another in almost no position");
        cache.Clear();
        cache.RulesOut("known", SketchCache.Of(RandomSignature(random))).Should().BeFalse("a cleared cache knows nothing");
    }

    [Fact]
    public void AFullSet_DropsItsOlderEntry_AndAnEntryUsedSinceStays()
    {
        // One set of two places: every article lands in it.
        var cache = new SketchCache(capacity: 2);
        var random = new Random(11);
        bool Known(string id) => cache.RulesOut(id, SketchCache.Of(RandomSignature(random)));
        cache.Add("a", RandomSignature(random));
        cache.Add("b", RandomSignature(random));
        Known("a").Should().BeTrue("two articles fit");
        // "a" was just used: the next one drops "b", not "a".
        cache.Add("c", RandomSignature(random));
        Known("b").Should().BeFalse("the older of the set was dropped");
        Known("a").Should().BeTrue();
        Known("c").Should().BeTrue();
        // Adding an article again replaces its sketch in place and drops nothing.
        var fresh = RandomSignature(random);
        cache.Add("c", fresh);
        cache.RulesOut("c", SketchCache.Of(fresh)).Should().BeFalse("its own sketch agrees everywhere");
        Known("a").Should().BeTrue();
    }

    [Fact]
    public void ATableOfDefaultSize_KeepsTheArticlesAddedLast()
    {
        var cache = new SketchCache();
        var random = new Random(5);
        int n = 3 * SketchCache.DefaultCapacity;
        for (int i = 0; i < n; i++) cache.Add($"art-{i}", RandomSignature(random));
        var probe = SketchCache.Of(RandomSignature(random));
        int recent = Enumerable.Range(n - 4_096, 4_096).Count(i => cache.RulesOut($"art-{i}", probe));
        int early = Enumerable.Range(0, 4_096).Count(i => cache.RulesOut($"art-{i}", probe));
        recent.Should().BeGreaterThan(4_096 * 95 / 100, "the last few thousand are nearly all held");
        // An early one stays only when later ones landed in its set once or never (about one in sixty here).
        early.Should().BeLessThan(4_096 / 20, "the first ones were nearly all pushed out long ago");
    }

    [Fact]
    public void Agreeing_CountsPositionsWhoseLowFourBitsAreEqual()
    {
        var a = new ulong[MinHash.Size];
        var b = new ulong[MinHash.Size];
        for (int i = 0; i < MinHash.Size; i++)
        {
            a[i] = (ulong)i * 0x1234_5678_9ABCUL;
            // Positions 0, 5, 10, ... keep a's low four bits under other high bits; the rest change them.
            b[i] = i % 5 == 0 ? a[i] ^ 0xFFF0UL : a[i] ^ (ulong)(1 + i % 15);
        }
        SketchCache.Of(a).Agreeing(SketchCache.Of(b)).Should().Be(Enumerable.Range(0, MinHash.Size).Count(i => i % 5 == 0));
        SketchCache.Of(a).Agreeing(SketchCache.Of(a)).Should().Be(MinHash.Size);
    }

    private static ulong[] RandomSignature(Random random) =>
        Enumerable.Range(0, MinHash.Size).Select(_ => (ulong)random.NextInt64()).ToArray();
}
