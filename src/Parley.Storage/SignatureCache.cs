namespace Parley.Storage;

/// <summary>
/// MinHash signatures of recently stored or compared articles, by article id, so that the story
/// lookup reads an article row only on a miss. Bounded (<see cref="GenerationCache{TKey, TValue}"/>):
/// the articles used most recently stay and memory never exceeds <c>capacity</c> signatures
/// (8,192 × about 350 bytes = 3 MB by default).
/// </summary>
/// <remarks>
/// <para>A signature never changes for an article id (the id derives from the capture's content hash),
/// so a cached entry is never stale; an entry for an article that was rolled back is never asked
/// for, because candidates come from the stored band index.</para>
/// <para>The candidates of a lookup come from anywhere in the store, but most are turned away by their
/// sketch (<see cref="SketchCache"/>) without their signature: those compared in full are mostly
/// reprints of recent articles. With the sketches, 8,192 entries ran as fast as 32,768 (two cores,
/// 100,000 captures, alternated: 2,192 and 2,154 against 1,980 and 2,150 captures/s) for 15 to 20
/// MB less at the peak; 4,096 saved a few MB more, within the noise of the speed. Before the
/// sketches, 131,072 entries had cut 856,000 row reads to 25,000 for 44 MB more.</para>
/// </remarks>
internal sealed class SignatureCache(int capacity = 8_192) : GenerationCache<string, ulong[]>(capacity, StringComparer.Ordinal);
