using System.Globalization;
using FluentAssertions;
using Parley.Pipeline.Consolidation;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// <see cref="EventClusterer"/> is written for speed (arrays, counting dictionaries, one hash per
/// event); these tests hold it to the same rules written plainly, as sorts and groupings, on
/// random stretches that exercise every rule at once.
/// </summary>
public class EventClustererReferenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Clusterer_GivesTheIdsOfTheRulesWrittenPlainly(int seed)
    {
        var rng = new Random(seed);
        var bases = new[] { DateBases.Explicit, DateBases.Weekday, DateBases.Context, DateBases.Relative, DateBases.Publication, DateBases.Month, "unknown" };
        var codes = new[] { "04", "040", "041", "042", "0411", "043", "0431" };
        var places = new[] { null, "", "  ", "Seoul", "seoul ", "the Blue House", "Blue House", "Washington" };
        var sources = new[] { "KOR", "KORGOV", "KORMIL", "KORGOVLEG" };
        var targets = new[] { "USA", "USAGOV", "USAMIL" };
        var groups = new[] { "KOR|USA|04|asserted", "KOR|USA|04|denied", "KOR|JPN|04|asserted" };
        for (int round = 0; round < 50; round++)
        {
            int n = rng.Next(1, 300);
            var ms = Enumerable.Range(0, n).Select(i => new ClusterMention(
                i * 7 - 100, groups[rng.Next(round % 3 + 1)],
                rng.Next(8) == 0 ? null : new DateOnly(2023, 1, 25).AddDays(rng.Next(40)),
                bases[rng.Next(bases.Length)], codes[rng.Next(codes.Length)], places[rng.Next(places.Length)],
                "art" + rng.Next(20), sources[rng.Next(sources.Length)], targets[rng.Next(targets.Length)])).ToList();
            var expected = Reference.Assign(ms);
            EventClusterer.Assign(ms).Should().Equal(expected, "round {0} of seed {1}", round, seed);
        }
    }

    [Fact]
    public void Clusterer_OneMentionIsOneEventKeyedByItsOwnAnchor()
    {
        var m = new ClusterMention(5, "KOR|USA|04|asserted", new DateOnly(2023, 3, 9), DateBases.Month, "0411", "the Blue House", "a1", "KORGOV", "USAGOV");
        EventClusterer.Assign([m])[5].Should().Be(EventKeys.Id("KOR|USA|04|asserted|2023-03|041|KORGOV>USAGOV"));
    }

    // The store gives a mention alone in its stretch the event it was keyed with where it was coded
    // (KeyedMention.EventId), without clustering it: the two must be the same id for any mention.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Clusterer_OneMentionAloneGetsTheIdOfItsOwnKey(int seed)
    {
        var rng = new Random(seed);
        var bases = new[] { DateBases.Explicit, DateBases.Weekday, DateBases.Context, DateBases.Relative, DateBases.Publication, DateBases.Month, "unknown" };
        var codes = new[] { "04", "040", "041", "0411", "036", "0312", "111", "19", "190", "1823" };
        var places = new[] { null, "", "Seoul", "the Blue House" };
        var actors = new[] { "KOR", "KORGOV", "USA", "USAGOV", "PRK", "CHNMIL", "IGOUNO" };
        for (int i = 0; i < 500; i++)
        {
            var coded = new EventMention
            {
                ArticleId = "cap" + rng.Next(50) + "-0",
                Source = new ActorRef("s", "S", actors[rng.Next(actors.Length)]),
                Target = new ActorRef("t", "T", actors[rng.Next(actors.Length)]),
                Cameo = codes[rng.Next(codes.Length)],
                Date = rng.Next(8) == 0 ? null : new DateOnly(2021, 1, 1).AddDays(rng.Next(1000)),
                DateBasis = bases[rng.Next(bases.Length)],
                Location = places[rng.Next(places.Length)],
                Modality = (Modality)rng.Next(4),
            };
            var m = EventKeys.Orient(coded);
            var alone = new ClusterMention(-1, EventKeys.GroupKey(m), m.Date, m.DateBasis, m.Cameo, m.Location, m.ArticleId, m.Source.Code, m.Target.Code);
            string own = EventClusterer.Assign([alone])[-1];
            own.Should().Be(EventKeys.Id(EventKeys.Key(m)), "mention {0} of seed {1}", i, seed);
            // The id the mention was keyed with where it was coded (EventKeys.KeyAll), from the mention as coded.
            own.Should().Be(EventKeys.Id(EventKeys.Key(coded)), "mention {0} of seed {1}, as coded", i, seed);
        }
    }

    // The rules of EventClusterer as sorts and groupings, one step per rule.
    private static class Reference
    {
        public static Dictionary<long, string> Assign(IEnumerable<ClusterMention> mentions)
        {
            var result = new Dictionary<long, string>();
            foreach (var group in mentions.GroupBy(m => m.GroupKey, StringComparer.Ordinal))
                AssignGroup(group.Key, [.. group], result);
            return result;
        }

        private static void AssignGroup(string groupKey, List<ClusterMention> ms, Dictionary<long, string> result)
        {
            var anchorOf = new Dictionary<long, string>(ms.Count);
            var precise = new SortedSet<DateOnly>(ms.Where(m => m.Date is not null && EventClusterer.Rank(m.DateBasis) == 0).Select(m => m.Date!.Value));
            var anchors = new SortedSet<DateOnly>(precise);
            foreach (var m in ms)
            {
                if (m.Date is not { } d || EventClusterer.Rank(m.DateBasis) != 1) continue;
                var a = Nearest(precise, d, EventClusterer.ContextReach, EventClusterer.ContextReach) ?? d;
                anchors.Add(a);
                anchorOf[m.Row] = Day(a);
            }
            foreach (var m in ms)
            {
                if (anchorOf.ContainsKey(m.Row)) continue;
                anchorOf[m.Row] = m.Date is { } d && EventClusterer.Rank(m.DateBasis) == 2
                    ? Day(Nearest(anchors, d, EventClusterer.PublicationBack, EventClusterer.PublicationForward) ?? d)
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
                var places = members.Where(m => EventClusterer.Place(m.Location) is not null)
                    .GroupBy(m => EventClusterer.Place(m.Location)!, StringComparer.Ordinal)
                    .Select(g => (Place: g.Key, Count: g.Count()))
                    .OrderByDescending(g => g.Count).ThenBy(g => g.Place, StringComparer.Ordinal)
                    .ToList();
                    // One id per place of the cluster (one in all when it names at most one), hashed once.
                    var ids = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var m in members)
                    {
                        string? place = places.Count > 1 ? EventClusterer.Place(m.Location) ?? places[0].Place : null;
                        if (!ids.TryGetValue(place ?? "", out var id))
                            ids[place ?? ""] = id = EventKeys.Id(EventClusterer.EventKey(groupKey, anchor, cls.Key, pair.Source, pair.Target, place));
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

        private static string OwnAnchor(DateOnly? date, string basis, string articleId) => date switch
        {
            null => "undated:" + articleId,
            { } d when EventClusterer.Rank(basis) == 3 => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            { } d => Day(d),
        };

        private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
