namespace Parley.Storage;

/// <summary>
/// MinHash signatures of recently stored or compared articles, by article id, so that the story
/// lookup reads an article row only on a miss. Bounded: two generations of at most
/// <c>capacity / 2</c> entries each; when the young one is full the old one is dropped, so the
/// articles used most recently stay and memory never exceeds <c>capacity</c> signatures
/// (131,072 × about 390 bytes, 50 MB, by default).
/// </summary>
/// <remarks>
/// <para>A signature never changes for an article id (the id derives from the capture's content hash),
/// so a cached entry is never stale; an entry for an article that was rolled back is never asked
/// for, because candidates come from the stored band index.</para>
/// <para>Why 131,072: the candidates of a story lookup come from anywhere in the store (an article
/// shares a band with articles of every month), so a cache smaller than the store misses at random.
/// At 100,000 captures a cache of 32,768 missed 856,000 times (8.6 row reads per article, on a
/// connection whose page cache SQLite drops at every commit), 65,536 missed 301,000 times and
/// 131,072 25,000 times: one core went from 936 to 1,036 captures per second and two cores from
/// about 1,700 to 1,835, for 44 MB more at the peak. Past 131,072 articles the cache stays full
/// and misses grow again, slowly: memory is bounded first.</para>
/// </remarks>
internal sealed class SignatureCache(int capacity = SignatureCache.DefaultCapacity)
{
    /// <summary>Signatures cached at most.</summary>
    public const int DefaultCapacity = 1 << 17;

    private readonly int _half = Math.Max(1, capacity / 2);
    private Dictionary<string, ulong[]> _young = new(StringComparer.Ordinal);
    private Dictionary<string, ulong[]> _old = new(StringComparer.Ordinal);

    /// <summary>True and the signature when <paramref name="articleId"/> is cached.</summary>
    public bool TryGet(string articleId, out ulong[] signature)
    {
        if (_young.TryGetValue(articleId, out signature!)) return true;
        if (!_old.TryGetValue(articleId, out signature!)) return false;
        Add(articleId, signature);
        return true;
    }

    /// <summary>Caches a signature (the article was stored or read).</summary>
    public void Add(string articleId, ulong[] signature)
    {
        if (_young.Count >= _half)
        {
            _old = _young;
            _young = new(StringComparer.Ordinal);
        }
        _young[articleId] = signature;
    }

    /// <summary>Forgets every signature.</summary>
    public void Clear()
    {
        _young.Clear();
        _old.Clear();
    }
}
