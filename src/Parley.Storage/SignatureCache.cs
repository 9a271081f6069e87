namespace Parley.Storage;

/// <summary>
/// MinHash signatures of recently stored or compared articles, by article id, so that the story
/// lookup reads an article row only on a miss. Bounded (<see cref="GenerationCache{TKey, TValue}"/>):
/// the articles used most recently stay and memory never exceeds <c>capacity</c> signatures
/// (32,768 × about 350 bytes = 11 MB by default).
/// </summary>
/// <remarks>
/// <para>A signature never changes for an article id (the id derives from the capture's content hash),
/// so a cached entry is never stale; an entry for an article that was rolled back is never asked
/// for, because candidates come from the stored band index.</para>
/// <para>The candidates of a lookup come from anywhere in the store, so a cache smaller than the store
/// misses at random: at 100,000 captures, 856,000 misses (8.6 row reads per article). 131,072
/// entries cut that to 25,000, but the writer alone (its lookups beside it, one core, two pairs of
/// runs, together with the other changes of that round) took only about 4% less time, for 44 MB
/// more at the peak: left at 32,768.</para>
/// </remarks>
internal sealed class SignatureCache(int capacity = 32_768) : GenerationCache<string, ulong[]>(capacity, StringComparer.Ordinal);
