using System.Numerics;
using Parley.Pipeline.Consolidation;

namespace Parley.Storage;

/// <summary>
/// The low four bits of each MinHash value of many more articles than <see cref="SignatureCache"/>
/// holds, so that the story lookup turns most candidates away without reading their signature.
/// </summary>
/// <remarks>
/// <para>Two equal values have equal low bits, so the positions where two sketches agree are at
/// least those where the signatures agree: a candidate whose sketch agrees in fewer positions than
/// <see cref="MinHash.StoryThreshold"/> needs cannot be a near-duplicate, and is turned away exactly
/// as its signature would have turned it. Unequal values agree in their low bits one time in
/// sixteen, so a candidate that merely shares a stock phrase rarely passes. At 100,000 captures
/// the lookup read 8.6 candidate signatures per article from the articles table, at random.</para>
/// <para>A table of fixed size, made at the first <see cref="Add"/>: <c>capacity</c> entries of 32
/// bytes (the key, a 128-bit hash of the article id, and the sketch), 4 MB by default, in sets of two
/// chosen by the key. A new entry takes its set's newer place and the newer one moves to the older
/// place, dropping what was there; an entry found in the older place becomes the newer. So the
/// articles added or used most recently stay, as a generation cache would keep them, without a
/// dictionary's per-entry overhead, its resizes (large arrays made and dropped as the store grows) or
/// its growth: the table takes the same memory after ten thousand articles as after a million. Ids of
/// different articles that hash alike would need 2^63 articles for an even chance of one such pair.</para>
/// </remarks>
internal sealed class SketchCache(int capacity = SketchCache.DefaultCapacity)
{
    /// <summary>Entries held by default: 131,072 (4 MB).</summary>
    public const int DefaultCapacity = 1 << 17;

    // Sets of two entries (a power of two, at least one): the newer at an even index, the older after it.
    private readonly int _sets = (int)(BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity)) / 2);
    private Entry[]? _entries;

    // A zero key marks an empty place; Key never gives one.
    private struct Entry
    {
        public UInt128 Key;
        public Sketch Value;
    }

    /// <summary>Positions that must agree for <see cref="MinHash.Similarity"/> to reach <see cref="MinHash.StoryThreshold"/>.</summary>
    public static readonly int Needed = NeededPositions();

    /// <summary>Four low bits of each value of a signature.</summary>
    public readonly record struct Sketch(ulong Low, ulong High)
    {
        /// <summary>Positions where the two sketches agree (at least those where their signatures do).</summary>
        public int Agreeing(Sketch other) => ZeroNibbles(Low ^ other.Low) + ZeroNibbles(High ^ other.High);

        private static int ZeroNibbles(ulong x)
        {
            x |= x >> 1;
            x |= x >> 2;
            return 16 - BitOperations.PopCount(x & 0x1111_1111_1111_1111UL);
        }
    }

    /// <summary>The sketch of a signature of <see cref="MinHash.Size"/> values.</summary>
    public static Sketch Of(ReadOnlySpan<ulong> sig)
    {
        ulong low = 0, high = 0;
        for (int i = 0; i < 16; i++)
        {
            low |= (sig[i] & 0xF) << (4 * i);
            high |= (sig[16 + i] & 0xF) << (4 * i);
        }
        return new Sketch(low, high);
    }

    /// <summary>Remembers the sketch of an article's signature.</summary>
    public void Add(string articleId, ReadOnlySpan<ulong> sig)
    {
        var entries = _entries ??= new Entry[2 * _sets];
        var key = Key(articleId);
        int at = SetOf(key);
        ref var newer = ref entries[at];
        // The set's newer entry ages, unless it is this article's own, which is replaced where it is.
        if (newer.Key != key) entries[at + 1] = newer;
        newer = new Entry { Key = key, Value = Of(sig) };
    }

    /// <summary>
    /// True when <paramref name="articleId"/>'s sketch is known and shows it cannot reach the story
    /// threshold against <paramref name="sketch"/>; false when it may, or is not known.
    /// </summary>
    public bool RulesOut(string articleId, Sketch sketch)
    {
        if (_entries is not { } entries) return false;
        var key = Key(articleId);
        int at = SetOf(key);
        if (entries[at].Key == key) return entries[at].Value.Agreeing(sketch) < Needed;
        if (entries[at + 1].Key != key) return false;
        // Found in the older place: a use, so it becomes the newer.
        (entries[at], entries[at + 1]) = (entries[at + 1], entries[at]);
        return entries[at].Value.Agreeing(sketch) < Needed;
    }

    /// <summary>Forgets every sketch.</summary>
    public void Clear()
    {
        if (_entries is not null) Array.Clear(_entries);
    }

    private int SetOf(UInt128 key) => 2 * (int)((ulong)(key >> 64) & (ulong)(_sets - 1));

    private static int NeededPositions()
    {
        // The same comparison the lookup makes, so the bound holds however the threshold is written.
        int n = 0;
        while (n <= MinHash.Size && n / (double)MinHash.Size < MinHash.StoryThreshold) n++;
        return n;
    }

    // Two 64-bit hashes of the id's characters (FNV-1a, and a multiply-xorshift of other constants),
    // each finished by MinHash's splitmix64 mix: 128 bits (the lowest always set, so that no key is
    // zero), where the 64 of one would make a clash between two of a few million ids merely unlikely.
    private static UInt128 Key(string id)
    {
        ulong a = 14695981039346656037UL, b = 0x9E3779B97F4A7C15UL;
        foreach (char c in id)
        {
            a = (a ^ c) * 1099511628211UL;
            b = ((b ^ c) * 0x9FB21C651E98DF25UL) ^ (b >> 29);
        }
        return new UInt128(MinHash.Mix(a ^ (ulong)id.Length), MinHash.Mix(b + (ulong)id.Length) | 1);
    }
}
