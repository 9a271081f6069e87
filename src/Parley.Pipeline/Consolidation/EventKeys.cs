using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Parley.Pipeline.Dictionaries;

namespace Parley.Pipeline.Consolidation;

/// <summary>
/// Decides which mentions report the same real-world event: same day, same pair of actor
/// codes (in either order for symmetric actions such as meetings and calls), same CAMEO base
/// code and same modality. The event id is a hash of that key, so it is the same on every run
/// and on every machine.
/// </summary>
public static class EventKeys
{
    // Actions that two parties do together: "A met B" and "B met A" are one event.
    private static readonly FrozenSet<string> SymmetricBases = new[]
    {
        "030", "036", "040", "041", "044", "046", "050", "057", "060", "061", "062", "063", "064", "190",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when the action of <paramref name="code"/> has no direction.</summary>
    public static bool IsSymmetric(string code) => SymmetricBases.Contains(code.Length >= 3 ? code[..3] : code + "0");

    /// <summary>The key of the event <paramref name="m"/> reports.</summary>
    public static string Key(EventMention m)
    {
        string a = m.Source.Code, b = m.Target.Code;
        string baseCode = m.Cameo.Length >= 3 ? m.Cameo[..3] : m.Cameo;
        if (IsSymmetric(m.Cameo) && string.CompareOrdinal(a, b) > 0) (a, b) = (b, a);
        return $"{m.Date?.ToString("yyyy-MM-dd") ?? "undated:" + m.ArticleId}|{a}|{b}|{baseCode}|{m.Modality}";
    }

    /// <summary>The stable event id for <paramref name="key"/>: 16 hex digits of its SHA-256.</summary>
    public static string Id(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return "ev" + Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>Keys every mention with its event id and CAMEO attributes.</summary>
    /// <remarks>
    /// Mentions of symmetric actions are turned to one orientation (source code first in
    /// ordinal order), so that every mention of an event names its actors on the same sides.
    /// </remarks>
    public static List<KeyedMention> KeyAll(IEnumerable<EventMention> mentions, CameoTable cameo) =>
        mentions.Select(m => new KeyedMention(Id(Key(m)), cameo.Get(m.Cameo), Orient(m))).ToList();

    private static EventMention Orient(EventMention m) =>
        IsSymmetric(m.Cameo) && string.CompareOrdinal(m.Source.Code, m.Target.Code) > 0
            ? m with { Source = m.Target, Target = m.Source }
            : m;
}
