namespace Parley.Storage;

/// <summary>
/// The stored rows of common bands (stock phrases), as the story lookup read them: for each band, its
/// first <see cref="StoryGroups.MaxBandRows"/> article ids in id order. Bounded by the ids it holds
/// (<see cref="GenerationCache{TKey, TValue}"/>, weighed in ids): the bands looked up most recently
/// stay, at most <c>capacity</c> ids.
/// </summary>
/// <remarks>
/// <para>Kept exact as the band index grows: when the band buffer is written to the index, its rows
/// are merged into the cached bands (<see cref="Merge"/>) instead of the cache being dropped. At
/// 100,000 captures the lookups read 5.4 million band rows from SQLite, 4.1 million of them rows of
/// common bands read again after the cache had been cleared, because it was full (every 1,800
/// captures) or because the buffer had been written; with the generations and the merge, 4.2
/// million. The bench corpus uses about 4,800 common bands by then: a cache of 8,192 took the reads
/// down to 1.3 million, but for 20 MB more and no faster lookups: their cost is mostly the signatures
/// of candidates missing from the <see cref="SignatureCache"/>, read from the articles table.</para>
/// <para>A cached band is never stale: rows leave the index only when a capture's articles are
/// deleted, and the store clears the cache then.</para>
/// </remarks>
internal sealed class CommonBands(int capacity = CommonBands.DefaultCapacity)
{
    /// <summary>
    /// Article ids cached at most: 32,768, some 3 MB. Bounded in bands (1,024) the cache held 58,600
    /// ids (5.5 MB) at 100,000 captures and could reach 262,144 (25 MB) in a larger store, as more
    /// bands fill up to MaxBandRows; the bench's lookups took as long either way.
    /// </summary>
    public const int DefaultCapacity = 32_768;

    /// <summary>Stored rows from which a band is cached: rarer bands cost one short index read.</summary>
    public const int MinRows = 16;

    private readonly GenerationCache<long, string[]> _bands = new(capacity, weight: static ids => ids.Length);

    /// <summary>True and the band's stored ids when it is cached.</summary>
    public bool TryGet(long band, out string[] ids) => _bands.TryGet(band, out ids);

    /// <summary>Caches a band's stored ids (in id order) when it has at least <see cref="MinRows"/>.</summary>
    public void Add(long band, string[] ids)
    {
        if (ids.Length >= MinRows) _bands.Add(band, ids);
    }

    /// <summary>
    /// Rows were added to the band index (sorted by band, then id): each cached band they belong to
    /// takes its first MaxBandRows ids again, from its cached ones and the new ones.
    /// </summary>
    public void Merge(List<(long Band, string Id)> sortedRows)
    {
        for (int start = 0, end; start < sortedRows.Count; start = end)
        {
            long band = sortedRows[start].Band;
            for (end = start + 1; end < sortedRows.Count && sortedRows[end].Band == band;) end++;
            if (_bands.TryPeek(band, out var cached)) _bands.Replace(band, First(cached, sortedRows, start, end));
        }
    }

    /// <summary>Forgets every band.</summary>
    public void Clear() => _bands.Clear();

    // The first MaxBandRows distinct ids of `cached` and rows[start..end) in ordinal order (both are sorted).
    private static string[] First(string[] cached, List<(long Band, string Id)> rows, int start, int end)
    {
        var merged = new List<string>(Math.Min(StoryGroups.MaxBandRows, cached.Length + end - start));
        int a = 0, b = start;
        while (merged.Count < StoryGroups.MaxBandRows && (a < cached.Length || b < end))
        {
            string id = b >= end || (a < cached.Length && string.CompareOrdinal(cached[a], rows[b].Id) <= 0) ? cached[a++] : rows[b++].Id;
            if (merged.Count == 0 || merged[^1] != id) merged.Add(id);
        }
        return [.. merged];
    }
}
