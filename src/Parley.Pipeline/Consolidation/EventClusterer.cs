using System.Globalization;

namespace Parley.Pipeline.Consolidation;

/// <summary>
/// Assigns mentions of one group (same actors, root and modality) to events. The result is a
/// function of the set of mentions only, never of the order they arrive in, so a store can
/// recompute it for any neighbourhood of dates and get the same ids as a clean run.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>Date. A mention dated from the text itself ("on Monday", "March 7") is precise and
/// anchors an event on its day. A mention dated from context or a relative phrase joins a
/// precise anchor one day away or less, else anchors its own day. A mention dated only by its
/// publication day joins the nearest anchor from 3 days before to 1 day after that day (the
/// report follows the event), else anchors its own day. Two precise dates never merge: two
/// phone calls a week apart, or on consecutive days, stay two events. A month-only date
/// forms its own event for that month; an undated mention stays with its own article.</item>
/// <item>Code. Under one anchor, each 3-digit base code is an event; a generic code of the root
/// ("040") is the parent of all of them and joins the base with the most mentions (ties: the
/// lower code), or forms its own event when there is none.</item>
/// <item>Actors. The group holds the actors' countries; under one code, each pair of actor
/// codes is an event, except that a bare country code ("USA") joins a more specific code of the
/// same country ("USAGOV") reported alongside it.</item>
/// <item>Place. When the mentions of one event name more than one place, each place is an
/// event of its own; mentions that name none join the place named most often.</item>
/// </list>
/// </remarks>
public static class EventClusterer
{
    /// <summary>Days back from its own date that a publication-dated mention may join an anchor.</summary>
    public const int PublicationBack = 3;
    /// <summary>Days forward from its own date that a publication-dated mention may join an anchor.</summary>
    public const int PublicationForward = 1;
    /// <summary>Days either way that a context- or relative-dated mention may join a precise anchor.</summary>
    public const int ContextReach = 1;

    /// <summary>
    /// Mentions whose own date lies within this many days of a changed mention can change event.
    /// A change at day c moves the anchor set within c±1 (context anchors appear or vanish); a
    /// mention joins anchors at most 3 days away, so mentions within c±5 can move, to anchors
    /// within c±9, whose members lie within c±13.
    /// </summary>
    public const int RewriteMargin = 13;

    /// <summary>
    /// Mentions within this many days of a changed mention must be loaded to assign those within
    /// <see cref="RewriteMargin"/> exactly: each depends on anchors up to 5 days from it.
    /// </summary>
    public const int LoadMargin = RewriteMargin + 5;

    /// <summary>Assigns each mention an event id; mentions of different groups never share one.</summary>
    /// <returns>Row id to event id.</returns>
    public static Dictionary<long, string> Assign(IEnumerable<ClusterMention> mentions)
    {
        var result = new Dictionary<long, string>();
        foreach (var group in mentions.GroupBy(m => m.GroupKey, StringComparer.Ordinal))
            AssignGroup(group.Key, [.. group], result);
        return result;
    }

    /// <summary>How precise a date basis is: 0 from the text, 1 from context, 2 publication only, 3 month only.</summary>
    public static int Rank(string basis) => basis switch
    {
        DateBases.Explicit or DateBases.Weekday => 0,
        DateBases.Context or DateBases.Relative => 1,
        DateBases.Publication => 2,
        DateBases.Month => 3,
        _ => 1,
    };

    /// <summary>The anchor a mention forms alone: its day, its month, or its article when undated.</summary>
    public static string OwnAnchor(DateOnly? date, string basis, string articleId) => date switch
    {
        null => "undated:" + articleId,
        { } d when Rank(basis) == 3 => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        { } d => Day(d),
    };

    /// <summary>The event key of a group, anchor, code class, actor pair and (when the event is one of several places) place.</summary>
    public static string EventKey(string groupKey, string anchor, string codeClass, string source, string target, string? place) =>
        place is null ? $"{groupKey}|{anchor}|{codeClass}|{source}>{target}" : $"{groupKey}|{anchor}|{codeClass}|{source}>{target}@{place}";

    private static void AssignGroup(string groupKey, List<ClusterMention> ms, Dictionary<long, string> result)
    {
        var anchorOf = new Dictionary<long, string>(ms.Count);
        var precise = new SortedSet<DateOnly>(ms.Where(m => m.Date is not null && Rank(m.DateBasis) == 0).Select(m => m.Date!.Value));
        var anchors = new SortedSet<DateOnly>(precise);
        foreach (var m in ms)
        {
            if (m.Date is not { } d || Rank(m.DateBasis) != 1) continue;
            var a = Nearest(precise, d, ContextReach, ContextReach) ?? d;
            anchors.Add(a);
            anchorOf[m.Row] = Day(a);
        }
        foreach (var m in ms)
        {
            if (anchorOf.ContainsKey(m.Row)) continue;
            anchorOf[m.Row] = m.Date is { } d && Rank(m.DateBasis) == 2
                ? Day(Nearest(anchors, d, PublicationBack, PublicationForward) ?? d)
                : OwnAnchor(m.Date, m.DateBasis, m.ArticleId);
        }
        foreach (var byAnchor in ms.GroupBy(m => anchorOf[m.Row], StringComparer.Ordinal))
            AssignCodes(groupKey, byAnchor.Key, [.. byAnchor], result);
    }

    private static void AssignCodes(string groupKey, string anchor, List<ClusterMention> ms, Dictionary<long, string> result)
    {
        var specific = ms.Where(m => !EventKeys.IsGeneric(m.Cameo))
            .GroupBy(m => EventKeys.BaseCode(m.Cameo), StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
        var classes = ms.GroupBy(m => EventKeys.IsGeneric(m.Cameo)
            ? specific.Count > 0 ? specific[0].Code : EventKeys.ClassOf(m.Cameo)
            : EventKeys.BaseCode(m.Cameo), StringComparer.Ordinal);
        foreach (var cls in classes)
            foreach (var (pair, members) in ActorClusters([.. cls]))
            {
            var places = members.Where(m => Place(m.Location) is not null)
                .GroupBy(m => Place(m.Location)!, StringComparer.Ordinal)
                .Select(g => (Place: g.Key, Count: g.Count()))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Place, StringComparer.Ordinal)
                .ToList();
                // One id per place of the cluster (one in all when it names at most one), hashed once.
                var ids = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var m in members)
                {
                    string? place = places.Count > 1 ? Place(m.Location) ?? places[0].Place : null;
                    if (!ids.TryGetValue(place ?? "", out var id))
                        ids[place ?? ""] = id = EventKeys.Id(EventKey(groupKey, anchor, cls.Key, pair.Source, pair.Target, place));
                    result[m.Row] = id;
                }
            }
    }

    // Actor pairs of one anchor and code: the pair reported most often (then the more specific,
    // then the lower) leads a cluster; each other pair joins the first cluster whose leader it
    // is compatible with on both sides ("USA" with "USAGOV"), else leads its own.
    private static List<((string Source, string Target) Pair, List<ClusterMention> Members)> ActorClusters(List<ClusterMention> ms)
    {
        var pairs = ms.GroupBy(m => (m.SourceCode, m.TargetCode))
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.SourceCode.Length + g.Key.TargetCode.Length)
            .ThenBy(g => g.Key.SourceCode, StringComparer.Ordinal).ThenBy(g => g.Key.TargetCode, StringComparer.Ordinal);
        var clusters = new List<((string Source, string Target) Pair, List<ClusterMention> Members)>();
        foreach (var g in pairs)
        {
            int i = clusters.FindIndex(c => EventKeys.ActorsCompatible(c.Pair.Source, g.Key.SourceCode) && EventKeys.ActorsCompatible(c.Pair.Target, g.Key.TargetCode));
            if (i >= 0) clusters[i].Members.AddRange(g);
            else clusters.Add(((g.Key.SourceCode, g.Key.TargetCode), [.. g]));
        }
        return clusters;
    }

    /// <summary>A place name normalised for comparison ("the White House" → "white house"), or null.</summary>
    public static string? Place(string? location)
    {
        if (string.IsNullOrWhiteSpace(location)) return null;
        var s = location.Trim().ToLowerInvariant();
        return s.StartsWith("the ", StringComparison.Ordinal) ? s[4..] : s;
    }

    // The anchor nearest to d within [d - back, d + forward]; on a tie, the earlier one.
    private static DateOnly? Nearest(SortedSet<DateOnly> anchors, DateOnly d, int back, int forward)
    {
        for (int k = 0; k <= Math.Max(back, forward); k++)
        {
            if (k <= back && anchors.Contains(d.AddDays(-k))) return d.AddDays(-k);
            if (k <= forward && anchors.Contains(d.AddDays(k))) return d.AddDays(k);
        }
        return null;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
