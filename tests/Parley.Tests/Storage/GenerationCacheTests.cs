using FluentAssertions;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>The generation cache keeps what was used last, bounded in entries or in the weight of its values.</summary>
public sealed class GenerationCacheTests
{
    [Fact]
    public void WeighedInIds_HoldsAtMostItsCapacity_AndKeepsTheValuesUsedLast()
    {
        var cache = new GenerationCache<int, int[]>(100, weight: static ids => ids.Length);
        for (int key = 0; key < 40; key++)
        {
            cache.Add(key, new int[10 + key % 7]);
            cache.TryGet(0, out _);
            Enumerable.Range(0, 40).Where(k => cache.TryPeek(k, out _)).Sum(k => 10 + k % 7)
                .Should().BeLessThanOrEqualTo(100, "two generations of at most half the capacity each");
        }
        cache.TryPeek(0, out _).Should().BeTrue("used after every add, it stayed");
        cache.TryPeek(39, out _).Should().BeTrue();
        cache.TryPeek(1, out _).Should().BeFalse("not used since, it was dropped");
    }

    [Fact]
    public void AValueAddedAgainOrReplaced_WeighsWhatItWeighsNow()
    {
        // Half the capacity is 50 a generation.
        var cache = new GenerationCache<int, int[]>(100, weight: static ids => ids.Length);
        cache.Add(1, new int[40]);
        cache.Add(1, new int[5]);
        cache.Add(2, new int[40]);
        cache.Add(3, new int[10]);
        cache.Add(4, new int[41]);
        // 5 + 40 fitted one generation, so 1 and 2 aged together and left together.
        cache.TryPeek(2, out _).Should().BeFalse("the young generation held 45, not 85, when 2 joined it");
        cache.TryPeek(3, out _).Should().BeTrue();

        cache.Add(5, new int[10]);
        cache.Replace(5, new int[50]);
        cache.Add(6, new int[10]);
        cache.Add(7, new int[45]);
        cache.TryPeek(5, out _).Should().BeFalse("replaced by a value of 50 it filled its generation, which aged when 6 came and left when 7 did");
        cache.TryPeek(6, out _).Should().BeTrue();
    }
}
