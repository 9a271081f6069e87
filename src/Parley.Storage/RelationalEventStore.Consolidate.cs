using Parley.Pipeline.Consolidation;

namespace Parley.Storage;

public abstract partial class RelationalEventStore
{
    /// <summary>
    /// Re-clusters the mentions around what a batch changed and recomputes every event whose
    /// mentions moved, from the stored mentions alone. For each group the changed days are
    /// merged into intervals; mentions within <see cref="EventClusterer.LoadMargin"/> days are
    /// read and those within <see cref="EventClusterer.RewriteMargin"/> days get their event id
    /// again, which is exactly what a clean run in any order would give them.
    /// </summary>
    /// <remarks>
    /// Only rows of the groups in <see cref="Changes.Groups"/> are read or written, through
    /// statements prepared once per batch: the work follows the batch, not the store. A stretch
    /// <paramref name="spans"/> rules out is not read: it holds no stored mention.
    /// </remarks>
    private static void Consolidate(BatchStatements w, Changes changes, GroupSpans? spans, WriteProfile profile, ref long t)
    {
        foreach (var group in changes.Groups())
        {
            var fresh = changes.NewByGroup.GetValueOrDefault(group);
            if (changes.Days.TryGetValue(group, out var days))
                foreach (var (lo, hi) in Intervals(days, 2 * EventClusterer.LoadMargin))
                {
                    DateOnly from = lo.AddDays(-EventClusterer.LoadMargin), to = hi.AddDays(EventClusterer.LoadMargin);
                    bool stored = spans?.MayHave(group, from, to) ?? true;
                    if (stored) w.LoadDays.Set("@g", group).Set("@lo", Day(from)).Set("@hi", Day(to));
                    Reassign(stored ? w.LoadDays : null, group, fresh?.Where(n => n.Row.Oriented.Date is { } d && d >= from && d <= to),
                        lo.AddDays(-EventClusterer.RewriteMargin), hi.AddDays(EventClusterer.RewriteMargin), w.SetEvent, changes);
                }
            if (changes.Undated.TryGetValue(group, out var articles))
                foreach (var article in articles)
                {
                    w.LoadUndated.Set("@g", group).Set("@a", article);
                    Reassign(w.LoadUndated, group, fresh?.Where(n => n.Row.Oriented.Date is null && n.Row.Oriented.ArticleId == article),
                        null, null, w.SetEvent, changes);
                }
        }
        t = profile.Lap(WriteProfile.Recluster, t);
        // The batch's mentions go in with their event ids: one insert each, no update after.
        foreach (var n in changes.New)
        {
            if (n.EventId is null) throw new InvalidOperationException($"mention of {n.Row.Oriented.ArticleId} was not clustered");
            InsertMention(w, n, changes, spans);
        }
        t = profile.Lap(WriteProfile.Mentions, t);
        // An event none of whose mentions was stored before this batch has only the batch's mentions (an
        // event's mentions lie within four days of its anchor, all inside the loaded stretch): its
        // aggregate is computed from them, as the store would read them back, without a query.
        var freshOnly = changes.New.Where(n => !changes.Stored.Contains(n.EventId!))
            .GroupBy(n => n.EventId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var id in changes.Events.Order(StringComparer.Ordinal))
            if (freshOnly.TryGetValue(id, out var fresh)) UpsertEvent(w, id, fresh.ConvertAll(n => n.AsStored(changes.Articles[n.Row.Oriented.ArticleId])));
            else RecomputeEvent(w, id);
        t = profile.Lap(WriteProfile.Events, t);
    }

    // Clusters the stored mentions a statement loads (none without one) together with the batch's own
    // of the same stretch, and gives each its event id: stored rows within [from, to] are updated when
    // it changed, the batch's rows take theirs before they are inserted.
    private static void Reassign(Statement? load, string group, IEnumerable<NewMention>? fresh, DateOnly? from, DateOnly? to, Statement setEvent, Changes changes)
    {
        var rows = new List<(ClusterMention Mention, string EventId)>();
        if (load is not null)
            foreach (var r in load.Rows())
                rows.Add((new ClusterMention(r.GetInt64(0), group, ParseDay(Str(r, 1)), r.GetString(2), r.GetString(3), Str(r, 4), r.GetString(5), r.GetString(7), r.GetString(8)), r.GetString(6)));
        var batch = fresh?.ToList() ?? [];
        if (rows.Count == 0 && batch.Count == 1)
        {
            // One mention alone (most stretches of a batch): the event it forms alone, keyed where it was coded (EventKeys.KeyAll).
            batch[0].EventId = batch[0].Keyed.EventId;
            changes.Events.Add(batch[0].EventId!);
            return;
        }
        var assigned = EventClusterer.Assign(rows.Select(x => x.Mention).Concat(batch.Select(n => n.ForClusterer())));
        foreach (var (m, old) in rows)
        {
            changes.Stored.Add(old);
            if (from is { } f && (m.Date is not { } d || d < f || d > to)) continue;
            string now = assigned[m.Row];
            if (now == old) continue;
            setEvent.Set("@e", now).Set("@id", m.Row).Run();
            if (old.Length > 0) changes.Events.Add(old);
            changes.Events.Add(now);
            changes.Stored.Add(now);
        }
        foreach (var n in batch)
        {
            n.EventId = assigned[n.TempRow];
            changes.Events.Add(n.EventId);
        }
    }

    // Sorted days merged into [lo, hi] intervals whenever the gap is at most `gap` days.
    private static IEnumerable<(DateOnly Lo, DateOnly Hi)> Intervals(SortedSet<DateOnly> days, int gap)
    {
        DateOnly? lo = null, hi = null;
        foreach (var d in days)
        {
            if (hi is { } h && d.DayNumber - h.DayNumber <= gap) { hi = d; continue; }
            if (lo is { } l) yield return (l, hi!.Value);
            lo = hi = d;
        }
        if (lo is { } last) yield return (last, hi!.Value);
    }

    /// <summary>Rewrites one event from its stored mentions, or deletes it when none is left.</summary>
    private static void RecomputeEvent(BatchStatements w, string id)
    {
        var ms = new List<StoredMention>();
        w.EventMentions.Set("@id", id);
        foreach (var r in w.EventMentions.Rows())
            ms.Add(new StoredMention(ParseDay(Str(r, 0)), r.GetString(1), new ActorRef(r.GetString(2), r.GetString(3), r.GetString(4)),
                new ActorRef(r.GetString(5), r.GetString(6), r.GetString(7)),
                new CameoCode(r.GetString(8), Str(r, 9) ?? "", r.GetDouble(10), (QuadClass)r.GetInt32(11), Str(r, 12) ?? "", Str(r, 13) ?? ""),
                Str(r, 14), r.GetString(15), r.GetDouble(16), r.GetString(17), r.GetInt32(18), Str(r, 19) ?? r.GetString(17),
                ParseIso(Str(r, 20)), r.GetString(21)));
        if (ms.Count == 0)
        {
            w.DeleteEvent.Set("@id", id).Run();
            return;
        }
        UpsertEvent(w, id, ms);
    }

    /// <summary>Writes one event computed from all its mentions.</summary>
    private static void UpsertEvent(BatchStatements w, string id, List<StoredMention> ms)
    {
        var e = EventAggregate.From(ms);
        w.UpsertEvent
            .Set("@id", id).Set("@group", ms[0].GroupKey).Set("@date", Day(e.Date)).Set("@basis", e.DateBasis)
            .Set("@stext", e.Source.Text).Set("@sname", e.Source.Name).Set("@scode", e.Source.Code)
            .Set("@ttext", e.Target.Text).Set("@tname", e.Target.Name).Set("@tcode", e.Target.Code)
            .Set("@scountry", e.Source.CountryCode).Set("@tcountry", e.Target.CountryCode)
            .Set("@cameo", e.Code.Code).Set("@root", e.Code.Root).Set("@cname", e.Code.Name).Set("@quad", (int)e.Code.Quad)
            .Set("@goldstein", e.Code.Goldstein).Set("@plover", e.Code.Plover).Set("@pmode", e.Code.PloverMode)
            .Set("@location", e.Location).Set("@modality", e.Modality.ToString().ToLowerInvariant()).Set("@confidence", e.Confidence)
            .Set("@nm", e.NumMentions).Set("@na", e.NumArticles).Set("@ns", e.NumSources)
            .Set("@first", Iso(e.FirstSeen)).Set("@last", Iso(e.LastSeen))
            .Run();
    }

    private const string LoadColumns = "SELECT id, date, date_basis, cameo, location, article_id, event_id, source_code, target_code FROM mentions";

    private const string EventMentionsSql = """
        SELECT m.date, m.date_basis, m.source_text, m.source_name, m.source_code, m.target_text, m.target_name, m.target_code,
               m.cameo, m.cameo_name, m.goldstein, m.quad_class, m.plover, m.plover_mode, m.location, m.modality, m.confidence,
               m.article_id, m.sentence_index, a.source_key, a.published, m.group_key
        FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id=@id
        """;

    private const string UpsertEventSql = """
        INSERT INTO events(id, group_key, date, date_basis, source_text, source_name, source_code, target_text, target_name, target_code,
            source_country, target_country, cameo, cameo_root, cameo_name, quad_class, goldstein, plover, plover_mode,
            location, modality, confidence, num_mentions, num_articles, num_sources, first_seen, last_seen)
        VALUES (@id, @group, @date, @basis, @stext, @sname, @scode, @ttext, @tname, @tcode, @scountry, @tcountry, @cameo, @root,
            @cname, @quad, @goldstein, @plover, @pmode, @location, @modality, @confidence, @nm, @na, @ns, @first, @last)
        ON CONFLICT(id) DO UPDATE SET group_key=excluded.group_key, date=excluded.date, date_basis=excluded.date_basis,
            source_text=excluded.source_text, source_name=excluded.source_name, source_code=excluded.source_code,
            target_text=excluded.target_text, target_name=excluded.target_name, target_code=excluded.target_code,
            source_country=excluded.source_country, target_country=excluded.target_country, cameo=excluded.cameo,
            cameo_root=excluded.cameo_root, cameo_name=excluded.cameo_name, quad_class=excluded.quad_class,
            goldstein=excluded.goldstein, plover=excluded.plover, plover_mode=excluded.plover_mode, location=excluded.location,
            modality=excluded.modality, confidence=excluded.confidence, num_mentions=excluded.num_mentions,
            num_articles=excluded.num_articles, num_sources=excluded.num_sources, first_seen=excluded.first_seen,
            last_seen=excluded.last_seen
        """;

    private static readonly string[] UpsertEventParams =
    [
        "@id", "@group", "@date", "@basis", "@stext", "@sname", "@scode", "@ttext", "@tname", "@tcode", "@scountry", "@tcountry",
        "@cameo", "@root", "@cname", "@quad", "@goldstein", "@plover", "@pmode", "@location", "@modality", "@confidence",
        "@nm", "@na", "@ns", "@first", "@last",
    ];
}

/// <summary>A stored mention with what its event's aggregate needs.</summary>
internal sealed record StoredMention(
    DateOnly? Date, string DateBasis, ActorRef Source, ActorRef Target, CameoCode Code, string? Location, string Modality,
    double Confidence, string ArticleId, int SentenceIndex, string SourceKey, DateTimeOffset? Published, string GroupKey);

/// <summary>An event's fields computed from all its mentions; the same whatever order they were stored in.</summary>
/// <remarks>
/// Every choice is the first value under a total order (ties broken by ordinal text), so the
/// order of the mentions never matters. Written as counting loops rather than sorts and
/// groupings: the writer computes an aggregate for every event a batch touches.
/// </remarks>
internal static class EventAggregate
{
    public static Event From(IReadOnlyList<StoredMention> ms) => ms.Count == 1 ? Single(ms[0]) : Counted(ms);

    /// <summary>The general path of <see cref="From"/>, for any number of mentions.</summary>
    internal static Event Counted(IReadOnlyList<StoredMention> ms)
    {
        // The most direct report stands for the event: best date basis, then confidence, then a fixed order.
        var rep = ms[0];
        for (int i = 1; i < ms.Count; i++)
            if (RepresentsBetter(ms[i], rep)) rep = ms[i];
        int bestRank = EventClusterer.Rank(rep.DateBasis);
        var dates = new Dictionary<DateOnly, int>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var locations = new Dictionary<string, int>(StringComparer.Ordinal);
        var articles = new HashSet<string>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? first = null, last = null;
        double confidence = double.MinValue;
        foreach (var m in ms)
        {
            if (m.Date is { } d && EventClusterer.Rank(m.DateBasis) == bestRank) Count(dates, d);
            Count(codes, m.Code.Code);
            if (m.Location is { Length: > 0 } l) Count(locations, l);
            articles.Add(m.ArticleId);
            sources.Add(m.SourceKey);
            if (m.Confidence > confidence) confidence = m.Confidence;
            if (m.Published is { } p)
            {
                if (first is null || p < first) first = p;
                if (last is null || p > last) last = p;
            }
        }
        // The date most often given at the best basis; on a tie, the earlier.
        DateOnly? date = dates.Count == 0 ? null : First(dates, (a, b) => Most(a, b) is var c and not 0 ? c : a.Value.CompareTo(b.Value));
        // The code reported most often; on a tie the more specific, then the lower.
        string code = First(codes, (a, b) =>
        {
            int c = Most(a, b);
            if (c == 0) c = EventKeys.IsGeneric(a.Value).CompareTo(EventKeys.IsGeneric(b.Value));
            if (c == 0) c = b.Value.Length.CompareTo(a.Value.Length);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        string? location = locations.Count == 0 ? null : First(locations, (a, b) => Most(a, b) is var c and not 0 ? c : string.CompareOrdinal(a.Value, b.Value));
        return new Event
        {
            Id = "",
            Date = date ?? rep.Date,
            DateBasis = rep.DateBasis,
            Source = BestActor(ms, static m => m.Source),
            Target = BestActor(ms, static m => m.Target),
            Code = ms.First(m => m.Code.Code == code).Code,
            Location = location,
            Modality = Enum.Parse<Modality>(rep.Modality, ignoreCase: true),
            Confidence = confidence,
            NumMentions = ms.Count,
            NumArticles = articles.Count,
            NumSources = sources.Count,
            FirstSeen = first,
            LastSeen = last,
        };
    }

    /// <summary>
    /// The event of one mention, what <see cref="From"/> gives for it without its counting: most
    /// events a batch writes have one mention (three in four in the bench's 100,000 captures), and
    /// the five tables the general path fills for each were a twentieth of the writer's time.
    /// </summary>
    internal static Event Single(StoredMention m) => new()
    {
        Id = "",
        Date = m.Date,
        DateBasis = m.DateBasis,
        Source = m.Source,
        Target = m.Target,
        Code = m.Code,
        Location = m.Location is { Length: > 0 } l ? l : null,
        Modality = Enum.Parse<Modality>(m.Modality, ignoreCase: true),
        // As the general path's running maximum from double.MinValue: a NaN never replaces it.
        Confidence = m.Confidence > double.MinValue ? m.Confidence : double.MinValue,
        NumMentions = 1,
        NumArticles = 1,
        NumSources = 1,
        FirstSeen = m.Published,
        LastSeen = m.Published,
    };

    // Best date basis, then higher confidence, then article id, then sentence.
    private static bool RepresentsBetter(StoredMention a, StoredMention b)
    {
        int c = EventClusterer.Rank(a.DateBasis).CompareTo(EventClusterer.Rank(b.DateBasis));
        if (c == 0) c = b.Confidence.CompareTo(a.Confidence);
        if (c == 0) c = string.CompareOrdinal(a.ArticleId, b.ArticleId);
        if (c == 0) c = a.SentenceIndex.CompareTo(b.SentenceIndex);
        return c < 0;
    }

    // The most specific code among the most often reported (a country code gives way to its
    // government's), with the resolved name ("Park Jin" for "Park") seen most often under it.
    private static ActorRef BestActor(IReadOnlyList<StoredMention> ms, Func<StoredMention, ActorRef> actor)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in ms) Count(codes, actor(m).Code);
        string code = First(codes, (a, b) =>
        {
            int c = (b.Value.Length > 3).CompareTo(a.Value.Length > 3);
            if (c == 0) c = Most(a, b);
            if (c == 0) c = b.Value.Length.CompareTo(a.Value.Length);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        var names = new Dictionary<(string Name, string Text), int>();
        foreach (var m in ms)
            if (actor(m) is var x && x.Code == code) Count(names, (x.Name, x.Text));
        var (name, text) = First(names, (a, b) =>
        {
            int c = (b.Value.Name != b.Value.Text).CompareTo(a.Value.Name != a.Value.Text);
            if (c == 0) c = Most(a, b);
            if (c == 0) c = string.CompareOrdinal(a.Value.Name, b.Value.Name);
            return c != 0 ? c : string.CompareOrdinal(a.Value.Text, b.Value.Text);
        });
        return ms.Select(actor).First(x => x.Code == code && x.Name == name && x.Text == text);
    }

    private static void Count<T>(Dictionary<T, int> counts, T value) where T : notnull =>
        counts[value] = counts.GetValueOrDefault(value) + 1;

    // Orders the more frequent first.
    private static int Most<T>((T Value, int Count) a, (T Value, int Count) b) => b.Count.CompareTo(a.Count);

    // The value that comes first under `order` (of value and count); the order is total, so there is one.
    private static T First<T>(Dictionary<T, int> counts, Comparison<(T Value, int Count)> order) where T : notnull
    {
        (T Value, int Count) best = default;
        bool any = false;
        foreach (var (v, n) in counts)
            if (!any || order((v, n), best) < 0)
            {
                best = (v, n);
                any = true;
            }
        return any ? best.Value! : throw new InvalidOperationException("nothing to choose from");
    }
}
