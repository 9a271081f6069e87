using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Parley.Storage;

public abstract partial class RelationalEventStore
{
    /// <summary>The event columns <see cref="ReadEvent"/> reads, in order, from the alias <c>e</c>.</summary>
    protected const string EventColumns = """
        e.id, e.date, e.date_basis, e.source_text, e.source_name, e.source_code, e.target_text, e.target_name, e.target_code,
        e.cameo, e.cameo_name, e.goldstein, e.quad_class, e.plover, e.plover_mode, e.location, e.modality, e.confidence,
        e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.last_seen
        """;

    /// <inheritdoc/>
    public IReadOnlyList<Event> QueryEvents(EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        lock (_gate)
        {
            using var cmd = Cmd("");
            var where = EventWhere(cmd, q);
            cmd.CommandText = $"SELECT {EventColumns} FROM events e {where} ORDER BY {EventOrder} LIMIT @limit OFFSET @offset";
            Add(cmd, "@limit", Math.Clamp(q.Limit, 1, 100_000));
            Add(cmd, "@offset", Math.Max(0, q.Offset));
            return ReadWithMentions(cmd);
        }
    }

    // Newest first, undated last, then by id: the same order in both dialects (their NULLs sort
    // differently by default), and a total order, so that pages can continue from a key.
    private const string EventOrder = "(CASE WHEN e.date IS NULL THEN 1 ELSE 0 END), e.date DESC, e.id";

    private List<Event> ReadWithMentions(DbCommand cmd)
    {
        var events = new List<Event>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) events.Add(ReadEvent(r));
        return events.Select(e => e with { Mentions = LoadMentions(e.Id) }).ToList();
    }

    // One page of EnumerateEvents: the events that follow (date, id) in EventOrder. A page costs
    // the same however deep into the result it is, unlike an OFFSET that re-reads what it skips.
    private List<Event> EventsAfter(EventQuery q, (string? Date, string Id)? after, int limit)
    {
        lock (_gate)
        {
            using var cmd = Cmd("");
            var where = EventWhere(cmd, q);
            if (after is { Date: { } d, Id: var id })
            {
                where += " AND (e.date IS NULL OR e.date < @afterDate OR (e.date = @afterDate AND e.id > @afterId))";
                Add(cmd, "@afterDate", d);
                Add(cmd, "@afterId", id);
            }
            else if (after is { Id: var undatedId })
            {
                where += " AND e.date IS NULL AND e.id > @afterId";
                Add(cmd, "@afterId", undatedId);
            }
            cmd.CommandText = $"SELECT {EventColumns} FROM events e {where} ORDER BY {EventOrder} LIMIT @limit";
            Add(cmd, "@limit", limit);
            return ReadWithMentions(cmd);
        }
    }

    /// <summary>
    /// The WHERE clause (over the event alias <c>e</c>) that selects the events matching the
    /// filters of <paramref name="q"/>, its values bound as parameters of <paramref name="cmd"/>;
    /// paging is left to the caller. Shared by <see cref="QueryEvents"/> and the analysis queries,
    /// so every view of one filter sees the same events.
    /// </summary>
    protected string EventWhere(DbCommand cmd, EventQuery q)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        ArgumentNullException.ThrowIfNull(q);
        var where = new StringBuilder("WHERE 1=1");
        if (q.Actor is { Length: > 0 } actor)
        {
            where.Append($" AND (e.source_code LIKE @actorCode OR e.target_code LIKE @actorCode OR e.source_name {ILike} @actorName OR e.target_name {ILike} @actorName)");
            Add(cmd, "@actorCode", actor.ToUpperInvariant() + "%");
            Add(cmd, "@actorName", "%" + actor + "%");
        }
        if (q.Dyad is var (a, b))
        {
            where.Append(" AND ((e.source_country=@da AND e.target_country=@db) OR (e.source_country=@db AND e.target_country=@da))");
            Add(cmd, "@da", a.ToUpperInvariant());
            Add(cmd, "@db", b.ToUpperInvariant());
        }
        if (q.Country is { Length: > 0 } country) { where.Append(" AND (e.source_country=@country OR e.target_country=@country)"); Add(cmd, "@country", country.ToUpperInvariant()); }
        if (q.From is { } from) { where.Append(" AND e.date >= @from"); Add(cmd, "@from", Day(from)); }
        if (q.To is { } to) { where.Append(" AND e.date <= @to"); Add(cmd, "@to", Day(to)); }
        if (q.Cameo is { Length: > 0 } cameo) { where.Append(" AND e.cameo LIKE @cameo"); Add(cmd, "@cameo", cameo + "%"); }
        if (q.Plover is { Length: > 0 } plover) { where.Append(" AND e.plover = @plover"); Add(cmd, "@plover", plover.ToUpperInvariant()); }
        if (q.QuadClass is { } quad) { where.Append(" AND e.quad_class = @quad"); Add(cmd, "@quad", quad); }
        if (q.Outlet is { Length: > 0 } outlet)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id=m.article_id WHERE m.event_id=e.id AND a.outlet=@outlet)");
            Add(cmd, "@outlet", outlet);
        }
        if (q.Text is { Length: > 0 } text)
        {
            // Text with no searchable word (only punctuation) matches nothing rather than everything.
            var terms = TextQuery(text);
            if (terms.Length == 0) where.Append(" AND 1=0");
            else
            {
                where.Append($" AND EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id=m.article_id WHERE m.event_id=e.id AND {TextCondition("@text")})");
                Add(cmd, "@text", terms);
            }
        }
        if (q.Modalities.Count > 0)
        {
            where.Append(" AND e.modality IN (");
            for (int i = 0; i < q.Modalities.Count; i++)
            {
                where.Append(i == 0 ? "" : ",").Append("@mod").Append(i);
                Add(cmd, "@mod" + i, q.Modalities[i].ToString().ToLowerInvariant());
            }
            where.Append(')');
        }
        return where.ToString();
    }

    /// <inheritdoc/>
    public IEnumerable<Event> EnumerateEvents(EventQuery query) => EnumerateEvents(query, 500);

    /// <summary>
    /// <see cref="EnumerateEvents(EventQuery)"/> read <paramref name="page"/> events at a time,
    /// each page continuing from the last event of the one before.
    /// </summary>
    public IEnumerable<Event> EnumerateEvents(EventQuery query, int page)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        return Pages(query);

        IEnumerable<Event> Pages(EventQuery q)
        {
            (string? Date, string Id)? after = null;
            while (true)
            {
                var events = EventsAfter(q, after, page);
                foreach (var e in events) yield return e;
                if (events.Count < page) yield break;
                after = (Day(events[^1].Date), events[^1].Id);
            }
        }
    }

    /// <inheritdoc/>
    public Event? GetEvent(string id)
    {
        lock (_gate)
        {
            Event e;
            using (var cmd = Cmd($"SELECT {EventColumns} FROM events e WHERE e.id=@id"))
            {
                Add(cmd, "@id", id);
                using var r = cmd.ExecuteReader();
                if (!r.Read()) return null;
                e = ReadEvent(r);
            }
            return e with { Mentions = LoadMentions(id) };
        }
    }

    /// <inheritdoc/>
    public Article? GetArticle(string id)
    {
        lock (_gate)
        {
            using var cmd = Cmd("""
                SELECT id, capture_id, idx, source, url, headline, bylines, outlet, published_text, published, updated_text, updated,
                       dateline, section, language, body, captions, method FROM articles WHERE id=@id
                """);
            Add(cmd, "@id", id);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            return new Article
            {
                Id = r.GetString(0), CaptureId = r.GetString(1), Index = r.GetInt32(2), Source = r.GetString(3), Url = Str(r, 4),
                Headline = Str(r, 5), Bylines = [.. (Str(r, 6) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)], Outlet = Str(r, 7),
                PublishedText = Str(r, 8), Published = ParseIso(Str(r, 9)), UpdatedText = Str(r, 10), Updated = ParseIso(Str(r, 11)),
                Dateline = Str(r, 12), Section = Str(r, 13), Language = Str(r, 14) ?? "en", Body = r.GetString(15),
                Captions = [.. (Str(r, 16) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)], Method = Str(r, 17) ?? "",
            };
        }
    }

    /// <summary>The story group of an article, or null when there is no such article.</summary>
    public string? StoryOf(string articleId)
    {
        lock (_gate) return Scalar("SELECT story_id FROM articles WHERE id=@id", null, ("@id", articleId)) as string;
    }

    /// <summary>An event row read from <see cref="EventColumns"/>.</summary>
    protected static Event ReadEvent(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Date = ParseDay(Str(r, 1)),
        DateBasis = r.GetString(2),
        Source = new ActorRef(r.GetString(3), r.GetString(4), r.GetString(5)),
        Target = new ActorRef(r.GetString(6), r.GetString(7), r.GetString(8)),
        Code = new CameoCode(r.GetString(9), Str(r, 10) ?? "", r.GetDouble(11), (QuadClass)r.GetInt32(12), Str(r, 13) ?? "", Str(r, 14) ?? ""),
        Location = Str(r, 15),
        Modality = Enum.Parse<Modality>(r.GetString(16), ignoreCase: true),
        Confidence = r.GetDouble(17),
        NumMentions = r.GetInt32(18),
        NumArticles = r.GetInt32(19),
        NumSources = r.GetInt32(20),
        FirstSeen = ParseIso(Str(r, 21)),
        LastSeen = ParseIso(Str(r, 22)),
    };

    /// <summary>An event's mentions with their articles' metadata, oldest article first.</summary>
    protected ImmutableArray<EventMentionView> LoadMentions(string eventId)
    {
        using var cmd = Cmd("""
            SELECT m.article_id, a.headline, a.outlet, a.url, a.published, substr(a.body, m.sentence_start + 1, m.sentence_end - m.sentence_start),
                   m.evidence_start - m.sentence_start, m.evidence_end - m.sentence_start, m.attribution, a.source_key, a.story_id,
                   m.sentence_index, m.sentence_start, m.cameo, m.date_basis, m.confidence
            FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id=@id
            ORDER BY a.published, m.article_id, m.sentence_index, m.evidence_start, m.id
            """);
        Add(cmd, "@id", eventId);
        using var r = cmd.ExecuteReader();
        var list = ImmutableArray.CreateBuilder<EventMentionView>();
        while (r.Read())
            list.Add(new EventMentionView
            {
                ArticleId = r.GetString(0),
                Headline = Str(r, 1),
                Outlet = Str(r, 2),
                Url = Str(r, 3),
                Published = Str(r, 4),
                Sentence = r.GetString(5),
                Start = r.GetInt32(6),
                End = r.GetInt32(7),
                Attribution = Str(r, 8),
                SourceKey = Str(r, 9),
                StoryId = Str(r, 10),
                SentenceIndex = r.GetInt32(11),
                SentenceOffset = r.GetInt32(12),
                Cameo = r.GetString(13),
                DateBasis = r.GetString(14),
                Confidence = r.GetDouble(15),
            });
        return list.ToImmutable();
    }
}
