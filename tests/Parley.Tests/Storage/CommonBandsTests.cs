using FluentAssertions;
using Parley.Storage;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// The cache of common bands' stored rows stays what the band index would return (the first
/// MaxBandRows ids in id order) when rows are written to the index, and keeps the bands used
/// most recently when it is full.
/// </summary>
public sealed class CommonBandsTests
{
    private static string Id(int i) => $"a{i:D5}-0";

    private static string[] Ids(IEnumerable<int> numbers) => [.. numbers.Select(Id)];

    [Fact]
    public void Merge_GivesTheFirstIdsOfTheBandAsTheIndexWouldAfterTheWrite()
    {
        var cache = new CommonBands();
        var stored = Ids(Enumerable.Range(0, StoryGroups.MaxBandRows).Select(i => 2 * i));
        cache.Add(7, stored);
        cache.Add(8, Ids(Enumerable.Range(0, 20)));
        // Written rows, sorted by band then id: odd ids in band 7 (one already stored: 4 is even, so
        // repeat a stored one), a row of a band not cached, and two rows past band 8's last id.
        var written = new List<(long Band, string Id)> { (3, Id(1)) };
        written.AddRange(new[] { 1, 3, 4, 5 }.Select(i => (7L, Id(i))));
        written.AddRange(new[] { 30, 31 }.Select(i => (8L, Id(i))));

        cache.Merge(written);

        cache.TryGet(7, out var seven).Should().BeTrue();
        var expected = stored.Concat(Ids([1, 3, 5])).Distinct().Order(StringComparer.Ordinal).Take(StoryGroups.MaxBandRows);
        seven.Should().Equal(expected, "the new ids join in order, the one already stored once, and the last stored ones drop out");
        cache.TryGet(8, out var eight).Should().BeTrue();
        eight.Should().Equal(Ids(Enumerable.Range(0, 20).Append(30).Append(31)), "a band under MaxBandRows keeps every id");
        cache.TryGet(3, out _).Should().BeFalse("a band that was not cached is still read from the index");
    }

    [Fact]
    public void RareBand_IsNotCached_AndAFullCache_DropsTheBandsLeastRecentlyUsed()
    {
        // Room for four bands of MinRows ids: two a generation.
        var cache = new CommonBands(capacity: 4 * CommonBands.MinRows);
        cache.Add(1, Ids(Enumerable.Range(0, CommonBands.MinRows - 1)));
        cache.TryGet(1, out _).Should().BeFalse("a band with few stored rows costs one short read");

        var rows = Ids(Enumerable.Range(0, CommonBands.MinRows));
        foreach (long band in new long[] { 10, 11 }) cache.Add(band, rows);
        foreach (long band in new long[] { 12, 13 }) cache.Add(band, rows);
        cache.TryGet(10, out _).Should().BeTrue("the band just moved to the old generation is found, and made young again");
        foreach (long band in new long[] { 14, 15 }) cache.Add(band, rows);

        cache.TryGet(10, out _).Should().BeTrue("used after the first bands aged, it stayed");
        cache.TryGet(11, out _).Should().BeFalse("not used since, it was dropped");
        cache.TryGet(15, out _).Should().BeTrue();

        cache.Clear();
        cache.TryGet(15, out _).Should().BeFalse();
    }
}
