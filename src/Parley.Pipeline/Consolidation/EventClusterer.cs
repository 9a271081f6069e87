using System.Globalization;
using System.Runtime.InteropServices;

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
    /// <remarks>
    /// The store re-clusters every stretch a batch touches, each of one group, so this is the
    /// writer's hottest code: it works on arrays and counting dictionaries, computes each
    /// mention's date rank, anchor, code class and place once, and hashes one key per event.
    /// </remarks>
    public static Dictionary<long, string> Assign(IEnumerable<ClusterMention> mentions)
    {
        var all = mentions as List<ClusterMention> ?? [.. mentions];
        var result = new Dictionary<long, string>(all.Count);
        if (all.Count == 0) return result;
        string first = all[0].GroupKey;
        if (all.TrueForAll(m => string.Equals(m.GroupKey, first, StringComparison.Ordinal)))
        {
            AssignGroup(first, all, result);
            return result;
        }
        var groups = new Dictionary<string, List<ClusterMention>>(StringComparer.Ordinal);
        foreach (var m in all)
        {
            if (!groups.TryGetValue(m.GroupKey, out var list)) groups[m.GroupKey] = list = [];
            list.Add(m);
        }
        foreach (var (key, list) in groups) AssignGroup(key, list, result);
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
    public static string OwnAnchor(DateOnly? date, string basis, string articleId) => Anchor.Own(date, Rank(basis), articleId).ToString();

    /// <summary>The event key of a group, anchor, code class, actor pair and (when the event is one of several places) place.</summary>
    public static string EventKey(string groupKey, string anchor, string codeClass, string source, string target, string? place) =>
        place is null ? $"{groupKey}|{anchor}|{codeClass}|{source}>{target}" : $"{groupKey}|{anchor}|{codeClass}|{source}>{target}@{place}";

    // Where a mention's event is anchored: a day, a month, or (undated) its article. Its text, part of
    // every event key, is spelled here only.
    private readonly record struct Anchor(int Kind, int Value, string? Article)
    {
        public const int OnDay = 0, InMonth = 1, Undated = 2;

        public static Anchor Own(DateOnly? date, int rank, string articleId) => date switch
        {
            null => new(Undated, 0, articleId),
            { } d when rank == 3 => new(InMonth, d.Year * 12 + d.Month - 1, null),
            { } d => new(OnDay, d.DayNumber, null),
        };

        public override string ToString() => Kind switch
        {
            OnDay => Day(DateOnly.FromDayNumber(Value)),
            InMonth => new DateOnly(Value / 12, Value % 12 + 1, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => "undated:" + Article,
        };
    }

    private static void AssignGroup(string groupKey, List<ClusterMention> ms, Dictionary<long, string> result)
    {
        int n = ms.Count;
        var ranks = new int[n];
        var precise = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            ranks[i] = Rank(ms[i].DateBasis);
            if (ranks[i] == 0 && ms[i].Date is { } d) precise.Add(d.DayNumber);
        }
        // Context-dated mentions first: the anchors they make are open to publication-dated ones.
        var anchorOf = new Anchor[n];
        var anchors = new HashSet<int>(precise);
        for (int i = 0; i < n; i++)
        {
            if (ranks[i] != 1 || ms[i].Date is not { } d) continue;
            int a = Nearest(precise, d.DayNumber, ContextReach, ContextReach) ?? d.DayNumber;
            anchors.Add(a);
            anchorOf[i] = new Anchor(Anchor.OnDay, a, null);
        }
        var byAnchor = new Dictionary<Anchor, List<ClusterMention>>();
        for (int i = 0; i < n; i++)
        {
            var m = ms[i];
            if (ranks[i] == 2 && m.Date is { } d)
                anchorOf[i] = new Anchor(Anchor.OnDay, Nearest(anchors, d.DayNumber, PublicationBack, PublicationForward) ?? d.DayNumber, null);
            else if (ranks[i] != 1 || m.Date is null)
                anchorOf[i] = Anchor.Own(m.Date, ranks[i], m.ArticleId);
            if (!byAnchor.TryGetValue(anchorOf[i], out var list)) byAnchor[anchorOf[i]] = list = [];
            list.Add(m);
        }
        foreach (var (anchor, members) in byAnchor)
            AssignCodes(groupKey, anchor.ToString(), members, result);
    }

    private static void AssignCodes(string groupKey, string anchor, List<ClusterMention> ms, Dictionary<long, string> result)
    {
        // The base code with the most mentions (ties: the lower) takes the root's generic mentions.
        var bases = new Dictionary<string, int>(StringComparer.Ordinal);
        var classOf = new string[ms.Count];
        for (int i = 0; i < ms.Count; i++)
        {
            if (EventKeys.IsGeneric(ms[i].Cameo)) continue;
            classOf[i] = EventKeys.BaseCode(ms[i].Cameo);
            CollectionsMarshal.GetValueRefOrAddDefault(bases, classOf[i], out _)++;
        }
        string? top = MostCommon(bases);
        var classes = new Dictionary<string, List<ClusterMention>>(StringComparer.Ordinal);
        for (int i = 0; i < ms.Count; i++)
        {
            string cls = classOf[i] ?? top ?? EventKeys.ClassOf(ms[i].Cameo);
            if (!classes.TryGetValue(cls, out var list)) classes[cls] = list = [];
            list.Add(ms[i]);
        }
        foreach (var (cls, members) in classes)
            foreach (var (pair, cluster) in ActorClusters(members))
                AssignPlaces(EventKey(groupKey, anchor, cls, pair.Source, pair.Target, null), cluster, result);
    }

    // One event per place a cluster names, when it names more than one (mentions naming none join
    // the place named most often; ties: the lower); otherwise one event for the whole cluster.
    private static void AssignPlaces(string key, List<ClusterMention> ms, Dictionary<long, string> result)
    {
        var placeOf = new string?[ms.Count];
        Dictionary<string, int>? counts = null;
        for (int i = 0; i < ms.Count; i++)
            if ((placeOf[i] = Place(ms[i].Location)) is { } p)
                CollectionsMarshal.GetValueRefOrAddDefault(counts ??= new(StringComparer.Ordinal), p, out _)++;
        if (counts is null || counts.Count == 1)
        {
            string id = EventKeys.Id(key);
            foreach (var m in ms) result[m.Row] = id;
            return;
        }
        string top = MostCommon(counts)!;
        var ids = new Dictionary<string, string>(counts.Count, StringComparer.Ordinal);
        for (int i = 0; i < ms.Count; i++)
        {
            string place = placeOf[i] ?? top;
            if (!ids.TryGetValue(place, out var id)) ids[place] = id = EventKeys.Id(key + "@" + place);
            result[ms[i].Row] = id;
        }
    }

    // The key counted most often; on a tie, the lower in ordinal order. Null when there is none.
    private static string? MostCommon(Dictionary<string, int> counts)
    {
        string? best = null;
        int most = 0;
        foreach (var (key, count) in counts)
            if (count > most || (count == most && string.CompareOrdinal(key, best) < 0))
            {
                best = key;
                most = count;
            }
        return best;
    }

    // Actor pairs of one anchor and code: the pair reported most often (then the more specific,
    // then the lower) leads a cluster; each other pair joins the first cluster whose leader it
    // is compatible with on both sides ("USA" with "USAGOV"), else leads its own.
    private static List<((string Source, string Target) Pair, List<ClusterMention> Members)> ActorClusters(List<ClusterMention> ms)
    {
        var byPair = new Dictionary<(string Source, string Target), List<ClusterMention>>();
        foreach (var m in ms)
        {
            if (!byPair.TryGetValue((m.SourceCode, m.TargetCode), out var list)) byPair[(m.SourceCode, m.TargetCode)] = list = [];
            list.Add(m);
        }
        var clusters = new List<((string Source, string Target) Pair, List<ClusterMention> Members)>(byPair.Count);
        if (byPair.Count == 1)
        {
            foreach (var (pair, members) in byPair) clusters.Add((pair, members));
            return clusters;
        }
        var pairs = byPair.ToArray();
        Array.Sort(pairs, static (a, b) =>
        {
            int c = b.Value.Count.CompareTo(a.Value.Count);
            if (c == 0) c = (b.Key.Source.Length + b.Key.Target.Length).CompareTo(a.Key.Source.Length + a.Key.Target.Length);
            if (c == 0) c = string.CompareOrdinal(a.Key.Source, b.Key.Source);
            return c != 0 ? c : string.CompareOrdinal(a.Key.Target, b.Key.Target);
        });
        foreach (var (pair, members) in pairs)
        {
            int i = clusters.FindIndex(c => EventKeys.ActorsCompatible(c.Pair.Source, pair.Source) && EventKeys.ActorsCompatible(c.Pair.Target, pair.Target));
            if (i >= 0) clusters[i].Members.AddRange(members);
            else clusters.Add((pair, members));
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

    // The anchor nearest to day d within [d - back, d + forward]; on a tie, the earlier one.
    private static int? Nearest(HashSet<int> anchors, int d, int back, int forward)
    {
        for (int k = 0; k <= Math.Max(back, forward); k++)
        {
            if (k <= back && anchors.Contains(d - k)) return d - k;
            if (k <= forward && anchors.Contains(d + k)) return d + k;
        }
        return null;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
