using System.Collections.Frozen;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// What the extractors know about news outlets: canonical names, web hosts, wire agencies, and
/// the offset a page's times are in when it prints none.
/// </summary>
public static class Outlets
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private static readonly Entry[] Entries =
    [
        new("The Korea Times", Kst, false, ["koreatimes.co.kr", "ktimes.com"], ["Korea Times", "The Korea Times", "koreatimes"]),
        new("The Korea Herald", Kst, false, ["koreaherald.com"], ["Korea Herald", "The Korea Herald"]),
        new("Yonhap", Kst, true, ["yna.co.kr", "yonhapnews.co.kr", "yonhapnewstv.co.kr"], ["Yonhap", "Yonhap News", "Yonhap News Agency", "YNA"]),
        new("Korea JoongAng Daily", Kst, false, ["koreajoongangdaily.joins.com", "joongang.co.kr", "joins.com"], ["JoongAng Daily", "Korea JoongAng Daily"]),
        new("The Chosun Ilbo", Kst, false, ["chosun.com"], ["Chosun Ilbo", "The Chosun Ilbo"]),
        new("The Dong-A Ilbo", Kst, false, ["donga.com"], ["Dong-A Ilbo", "The Dong-A Ilbo"]),
        new("The Hankyoreh", Kst, false, ["hani.co.kr"], ["Hankyoreh", "The Hankyoreh"]),
        new("KBS", Kst, false, ["kbs.co.kr"], ["KBS", "KBS World"]),
        new("Arirang", Kst, false, ["arirang.com", "arirang.co.kr"], ["Arirang", "Arirang News"]),
        new("KCNA", Kst, true, ["kcna.kp", "kcnawatch.org"], ["KCNA", "Korean Central News Agency"]),
        new("Kyodo", Kst, true, ["kyodonews.net"], ["Kyodo", "Kyodo News"]),
        new("NHK", Kst, false, ["nhk.or.jp"], ["NHK", "NHK World"]),
        new("The Japan Times", Kst, false, ["japantimes.co.jp"], ["Japan Times", "The Japan Times"]),
        new("Xinhua", TimeSpan.FromHours(8), true, ["xinhuanet.com", "news.cn"], ["Xinhua", "Xinhua News Agency"]),
        new("South China Morning Post", TimeSpan.FromHours(8), false, ["scmp.com"], ["SCMP", "South China Morning Post"]),
        new("Reuters", null, true, ["reuters.com"], ["Reuters", "Thomson Reuters"]),
        new("AP", null, true, ["apnews.com", "ap.org"], ["AP", "Associated Press", "The Associated Press"]),
        new("AFP", null, true, ["afp.com"], ["AFP", "Agence France-Presse", "Agence France Presse"]),
        new("Bloomberg", null, false, ["bloomberg.com"], ["Bloomberg"]),
        new("BBC", null, false, ["bbc.co.uk", "bbc.com"], ["BBC", "BBC News"]),
    ];

    private static readonly FrozenDictionary<string, Entry> ByName =
        Entries.SelectMany(e => e.Aliases.Append(e.Name).Select(a => (a, e)))
            .DistinctBy(p => p.a, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(p => p.a, p => p.e, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Entry> ByHost =
        Entries.SelectMany(e => e.Hosts.Select(h => (h, e))).ToFrozenDictionary(p => p.h, p => p.e, StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical name of a known outlet ("Yonhap News Agency" gives "Yonhap"), else the name trimmed.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        return ByName.TryGetValue(trimmed, out var e) ? e.Name : trimmed;
    }

    /// <summary>True when <paramref name="name"/> is a known outlet (so that "By Yonhap" names an outlet, not an author).</summary>
    public static bool IsKnown(string? name) => name is not null && ByName.ContainsKey(name.Trim());

    /// <summary>True for wire agencies (Yonhap, Reuters, AP, AFP...), whose copy other outlets republish.</summary>
    public static bool IsWire(string? name) => name is not null && ByName.TryGetValue(name.Trim(), out var e) && e.Wire;

    /// <summary>The outlet that publishes on <paramref name="host"/> ("en.yna.co.kr" gives "Yonhap"), or null.</summary>
    public static string? FromHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        while (true)
        {
            if (ByHost.TryGetValue(h, out var e))
            {
                return e.Name;
            }

            var dot = h.IndexOf('.');
            if (dot < 0 || h.IndexOf('.', dot + 1) < 0)
            {
                return null;
            }

            h = h[(dot + 1)..];
        }
    }

    /// <summary>The outlet of a page at <paramref name="url"/>, from its host, or null.</summary>
    public static string? FromUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? FromHost(uri.Host) : null;

    /// <summary>
    /// The offset an outlet's printed times are in when the page gives none: +09:00 for Korean
    /// (and Japanese) outlets, +08:00 for Chinese ones; null when unknown or not fixed.
    /// </summary>
    public static TimeSpan? DefaultOffset(string? outlet) =>
        outlet is not null && ByName.TryGetValue(outlet.Trim(), out var e) ? e.Offset : null;

    private sealed record Entry(string Name, TimeSpan? Offset, bool Wire, string[] Hosts, string[] Aliases);
}
