using System.Buffers;
using System.Runtime.Intrinsics;

namespace Parley.Pipeline.Consolidation;

/// <summary>
/// MinHash signatures over word shingles, for finding near-duplicate articles (wire copies,
/// "(LEAD)" and "(2nd LD)" versions, reprints) without comparing every pair. Two signatures
/// agree in a fraction of positions that estimates the Jaccard similarity of the two shingle
/// sets; <see cref="Bands"/> gives locality-sensitive keys to find candidates by lookup.
/// </summary>
public static class MinHash
{
    /// <summary>Hash functions per signature.</summary>
    public const int Size = 32;
    /// <summary>Signature values per band; <see cref="Size"/> / this many bands.</summary>
    public const int BandRows = 2;
    /// <summary>Words per shingle. Four words are specific enough that unrelated stories share few.</summary>
    public const int ShingleWords = 4;
    /// <summary>Fewest shingles a text needs for a signature: a very short text would match too much.</summary>
    public const int MinShingles = 12;

    /// <summary>
    /// Estimated Jaccard similarity at or above which two articles are one story. A "(2nd LD)"
    /// that adds a few paragraphs to its first version keeps about 0.6 of its shingles in common
    /// with it; two different stories on one topic share under 0.1.
    /// </summary>
    public const double StoryThreshold = 0.4;

    // Fixed seeds: signatures must be the same on every run and machine.
    private static readonly ulong[] Seeds = MakeSeeds();

    /// <summary>The signature of <paramref name="text"/>, or null when it has too few words.</summary>
    public static ulong[]? Signature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // At most one word per two characters; word hashes go in a pooled buffer, not a list per article.
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(text.Length / 2 + 1);
        try
        {
            int count = Words(text, rented);
            if (count < ShingleWords + MinShingles - 1) return null;
            var sig = new ulong[Size];
            Array.Fill(sig, ulong.MaxValue);
            var words = rented.AsSpan(0, count);
            if (Vector512.IsHardwareAccelerated) Fold512(words, sig);
            else FoldScalar(words, sig);
            return sig;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    // The hash of the shingle that starts at word i: FNV-1a over its word hashes.
    private static ulong Shingle(ReadOnlySpan<ulong> words, int i)
    {
        ulong h = 14695981039346656037UL;
        for (int j = 0; j < ShingleWords; j++) h = (h ^ words[i + j]) * 1099511628211UL;
        return h;
    }

    private static void FoldScalar(ReadOnlySpan<ulong> words, ulong[] sig)
    {
        for (int i = 0; i + ShingleWords <= words.Length; i++)
        {
            ulong h = Shingle(words, i);
            for (int k = 0; k < Size; k++)
            {
                ulong v = Mix(h ^ Seeds[k]);
                if (v < sig[k]) sig[k] = v;
            }
        }
    }

    // The same minima as FoldScalar, eight hash functions per instruction (AVX-512 has 64-bit
    // multiply and unsigned minimum): the scalar loop was 5% of the worker side's CPU.
    private static void Fold512(ReadOnlySpan<ulong> words, ulong[] sig)
    {
        var seeds = Seeds.AsSpan();
        var s0 = Vector512.Create(seeds[..8]);
        var s1 = Vector512.Create(seeds[8..16]);
        var s2 = Vector512.Create(seeds[16..24]);
        var s3 = Vector512.Create(seeds[24..32]);
        var m0 = Vector512<ulong>.AllBitsSet;
        var m1 = m0;
        var m2 = m0;
        var m3 = m0;
        for (int i = 0; i + ShingleWords <= words.Length; i++)
        {
            var h = Vector512.Create(Shingle(words, i));
            m0 = Vector512.Min(m0, Mix(h ^ s0));
            m1 = Vector512.Min(m1, Mix(h ^ s1));
            m2 = Vector512.Min(m2, Mix(h ^ s2));
            m3 = Vector512.Min(m3, Mix(h ^ s3));
        }
        m0.CopyTo(sig, 0);
        m1.CopyTo(sig, 8);
        m2.CopyTo(sig, 16);
        m3.CopyTo(sig, 24);
    }

    /// <summary>Estimated Jaccard similarity of the texts behind two signatures.</summary>
    public static double Similarity(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int same = 0;
        for (int i = 0; i < Size; i++) if (a[i] == b[i]) same++;
        return same / (double)Size;
    }

    /// <summary>One key per band; two texts that share a key are candidate duplicates.</summary>
    public static long[] Bands(ReadOnlySpan<ulong> sig)
    {
        var bands = new long[Size / BandRows];
        for (int b = 0; b < bands.Length; b++)
        {
            ulong h = (ulong)b * 0x9E3779B97F4A7C15UL;
            for (int r = 0; r < BandRows; r++) h = Mix(h ^ sig[b * BandRows + r]);
            bands[b] = (long)(h >> 1);
        }
        return bands;
    }

    /// <summary>The signature as bytes, for storage.</summary>
    public static byte[] ToBytes(ReadOnlySpan<ulong> sig)
    {
        var bytes = new byte[sig.Length * 8];
        for (int i = 0; i < sig.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 8), sig[i]);
        return bytes;
    }

    /// <summary>A signature read back from <see cref="ToBytes"/>, or null when the bytes are not one.</summary>
    public static ulong[]? FromBytes(byte[]? bytes)
    {
        if (bytes is null || bytes.Length != Size * 8) return null;
        var sig = new ulong[Size];
        for (int i = 0; i < Size; i++) sig[i] = BitConverter.ToUInt64(bytes, i * 8);
        return sig;
    }

    // Lower-cased words (letters and digits) as 64-bit hashes, written to words; returns how many.
    // The dateline's place and agency are words like any other, so copies with and without it
    // still share most shingles.
    private static int Words(string text, Span<ulong> words)
    {
        int count = 0;
        ulong h = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord) { h = 14695981039346656037UL; inWord = true; }
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            }
            else if (inWord)
            {
                words[count++] = h;
                inWord = false;
            }
        }
        if (inWord) words[count++] = h;
        return count;
    }

    /// <summary>splitmix64's finaliser: a cheap, well-mixed 64-bit permutation.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Size];
        ulong s = 0x5DEECE66DUL;
        for (int i = 0; i < Size; i++) seeds[i] = s = Mix(s + 0x9E3779B97F4A7C15UL);
        return seeds;
    }
}
