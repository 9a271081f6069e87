using System.Numerics;

namespace Parley.Storage;

/// <summary>
/// Which event groups have stored mentions in which stretches of days: a Bloom filter of (group,
/// eight-day span) pairs, of a fixed 1 MB whatever the store holds. It never answers no for a pair
/// that was added, and rarely yes for one that was not, so a re-clustering read it rules out would
/// have found nothing.
/// </summary>
/// <remarks>
/// <para>A batch reads, for every group its mentions fall in, the stored mentions of that group within
/// <see cref="Parley.Pipeline.Consolidation.EventClusterer.LoadMargin"/> days of theirs: one indexed
/// query per stretch, some 6,000 per batch of 2,048 captures. In the bench's ingest of 10,000
/// captures 97 to 99% of them found no row (a country pair's mentions of one CAMEO root and
/// modality are seldom within weeks of each other).</para>
/// <para>With 3 probes in 8 Mbit, a pair that was not added answers yes once in 200 at half a
/// million pairs added, once in 40 at a million, once in 8 at two million: past that, more of the
/// reads it could rule out are made, never fewer than needed.</para>
/// </remarks>
internal sealed class GroupSpans
{
    /// <summary>
    /// The most stored mentions a store reads into the filter when a writer opens it: past two
    /// million pairs one in eight answers yes anyway, and reading them costs seconds.
    /// </summary>
    public const int MostPairs = 2_000_000;

    private const int Bits = 1 << 23;
    private const int Probes = 3;

    // Days per span: a stretch of 37 days or more (twice the load margin and the days between) is a few spans.
    private const int SpanShift = 3;

    private readonly ulong[] _words = new ulong[Bits / 64];

    /// <summary>Notes that <paramref name="group"/> has a stored mention on <paramref name="day"/>.</summary>
    public void Add(string group, DateOnly day)
    {
        ulong h = Mix(Hash(group), Span(day));
        uint a = (uint)h, b = (uint)(h >> 32) | 1;
        for (int i = 0; i < Probes; i++, a += b) _words[(a & (Bits - 1)) >> 6] |= 1UL << (int)(a & 63);
    }

    /// <summary>False when <paramref name="group"/> has certainly no stored mention from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool MayHave(string group, DateOnly from, DateOnly to)
    {
        ulong g = Hash(group);
        for (int span = Span(from), last = Span(to); span <= last; span++)
            if (Test(Mix(g, span))) return true;
        return false;
    }

    private bool Test(ulong h)
    {
        uint a = (uint)h, b = (uint)(h >> 32) | 1;
        for (int i = 0; i < Probes; i++, a += b)
            if ((_words[(a & (Bits - 1)) >> 6] & (1UL << (int)(a & 63))) == 0) return false;
        return true;
    }

    private static int Span(DateOnly day) => day.DayNumber >> SpanShift;

    // FNV-1a over the key's UTF-16 units: group keys are short ("USA|CHN|04|asserted").
    private static ulong Hash(string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in key) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    // The span folded into the group's hash, then spread over all 64 bits (SplitMix64's finalizer).
    private static ulong Mix(ulong group, int span)
    {
        ulong z = group ^ BitOperations.RotateLeft((ulong)(uint)span * 0x9E3779B97F4A7C15UL, 17);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
