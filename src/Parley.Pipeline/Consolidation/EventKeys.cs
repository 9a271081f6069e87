using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parley.Pipeline.Dictionaries;

namespace Parley.Pipeline.Consolidation;

/// <summary>
/// The keys that decide which mentions can report the same real-world event. A mention's
/// <see cref="GroupKey"/> (actor pair, CAMEO root, modality) says which mentions may merge at
/// all; <see cref="EventClusterer"/> then splits a group by date, code and place. An event id is
/// a hash of the final key, so it is the same on every run, machine and batch order.
/// </summary>
public static class EventKeys
{
    // Actions that two parties do together: "A met B" and "B met A" are one event.
    private static readonly FrozenSet<string> SymmetricBases = new[]
    {
        "030", "036", "040", "041", "044", "046", "050", "057", "060", "061", "062", "063", "064", "190",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SymmetricBaseSpans =
        SymmetricBases.GetAlternateLookup<ReadOnlySpan<char>>();

    // Modality names as group keys spell them, so that keying a mention allocates no enum string.
    private static readonly string[] ModalityNames =
        Enum.GetValues<Modality>().Select(m => m.ToString().ToLowerInvariant()).ToArray();

    /// <summary>True when the action of <paramref name="code"/> has no direction.</summary>
    public static bool IsSymmetric(string code) =>
        code.Length >= 3 ? SymmetricBaseSpans.Contains(code.AsSpan(0, 3)) : SymmetricBases.Contains(code + "0");

    /// <summary>
    /// True for a code that names only its root's general action ("04", "040"): it is the parent
    /// of every code under that root and is compatible with any of them.
    /// </summary>
    public static bool IsGeneric(string code) => code.Length <= 2 || (code.Length == 3 && code[2] == '0');

    /// <summary>The 3-digit base of a code ("0411" → "041"); a root-only code gives root + "0".</summary>
    public static string BaseCode(string code) => code.Length >= 3 ? code[..3] : code.PadRight(2, '0') + "0";

    /// <summary>
    /// The group a mention belongs to: the actors' country blocks (the first three letters of
    /// their codes), CAMEO root and modality. Only mentions of one group can merge. A mention
    /// of a symmetric action is read in one orientation (see <see cref="Orient"/>).
    /// </summary>
    public static string GroupKey(EventMention m)
    {
        var o = Orient(m);
        var root = m.Cameo.Length >= 2 ? m.Cameo.AsSpan(0, 2) : m.Cameo;
        return $"{o.Source.CountryCode}|{o.Target.CountryCode}|{root}|{ModalityName(m.Modality)}";
    }

    /// <summary>The lower-case name of <paramref name="modality"/> ("asserted", ...), as stored.</summary>
    public static string ModalityName(Modality modality) =>
        (uint)modality < (uint)ModalityNames.Length ? ModalityNames[(int)modality] : modality.ToString().ToLowerInvariant();

    /// <summary>
    /// The key of the event <paramref name="m"/> reports when no other mention is known: its
    /// group, its own day (or its article when undated), its code class and its actors.
    /// </summary>
    public static string Key(EventMention m)
    {
        var o = Orient(m);
        return EventClusterer.EventKey(GroupKey(m), EventClusterer.OwnAnchor(m.Date, m.DateBasis, m.ArticleId), ClassOf(m.Cameo),
            o.Source.Code, o.Target.Code, null);
    }

    /// <summary>
    /// True when two actor codes can name the same party: equal, or one is the bare country
    /// block of the other ("USA" and "USAGOV"), as a generic code is the parent of a specific one.
    /// </summary>
    public static bool ActorsCompatible(string a, string b) =>
        a == b || (a.Length == 3 && b.StartsWith(a, StringComparison.Ordinal)) || (b.Length == 3 && a.StartsWith(b, StringComparison.Ordinal));

    /// <summary>The code class a code forms on its own: its base, or root + "0" for a generic code.</summary>
    public static string ClassOf(string code) => IsGeneric(code) ? BaseCode(code[..Math.Min(2, code.Length)]) : BaseCode(code);

    /// <summary>The stable event id for <paramref name="key"/>: "ev" and 16 hex digits of its SHA-256.</summary>
    public static string Id(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        int max = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[512];
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(key, utf8)], hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
        return string.Create(18, hash, static (dest, h) =>
        {
            dest[0] = 'e';
            dest[1] = 'v';
            Convert.TryToHexStringLower(h[..8], dest[2..], out _);
        });
    }

    /// <summary>A positive 63-bit number derived from an event id, for formats that need numeric ids (GDELT).</summary>
    public static long NumericId(string id) =>
        id.Length == 18 && id.StartsWith("ev", StringComparison.Ordinal) && ulong.TryParse(id.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)
            ? (long)(v >> 1)
            : (long)(BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0) >> 1);

    /// <summary>Keys every mention with its provisional event id and CAMEO attributes.</summary>
    /// <remarks>
    /// The id is the one the mention's event has when it stands alone; the store reassigns ids
    /// when it consolidates mentions with those already stored. Mentions of symmetric actions
    /// are turned to one orientation (source code first in ordinal order), so that every
    /// mention of an event names its actors on the same sides.
    /// </remarks>
    public static List<KeyedMention> KeyAll(IEnumerable<EventMention> mentions, CameoTable cameo) =>
        mentions.Select(m => new KeyedMention(Id(Key(m)), cameo.Get(m.Cameo), Orient(m))).ToList();

    /// <summary>
    /// The mention with its actors in the group's orientation: for a symmetric action, the
    /// actor whose country block (then code) sorts first in ordinal order is the source.
    /// </summary>
    public static EventMention Orient(EventMention m)
    {
        if (!IsSymmetric(m.Cameo)) return m;
        int c = string.CompareOrdinal(m.Source.CountryCode, m.Target.CountryCode);
        if (c == 0) c = string.CompareOrdinal(m.Source.Code, m.Target.Code);
        return c > 0 ? m with { Source = m.Target, Target = m.Source } : m;
    }
}
