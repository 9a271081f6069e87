using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

public sealed partial class SqliteEventStore : IEventAnalysis
{
    // Private-use characters mark FTS5 matches in a snippet; they cannot occur in stored text
    // that matters, and are stripped before the snippet leaves the store.
    private const char HitOpen = '\uE000';
    private const char HitClose = '\uE001';

    // Gaps are filled only up to this many buckets (27 years of days); beyond it the series
    // keeps just the buckets that have events, so a stray date cannot blow up the answer.
    private const int MaxFilledBuckets = 10_000;

    /// <inheritdoc/>
    public long CountEvents(EventQuery filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM events e {AnalysisWhere(cmd, filter)}";
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<SeriesPoint> Series(EventQuery filter, SeriesBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = new List<(DateOnly Start, int N, int Q1, int Q2, int Q3, int Q4, double Sum, double Mean)>();
        var articles = new Dictionary<DateOnly, int>();
        DateOnly first, last;
        lock (_gate)
        {
            using (var cmd = _db.CreateCommand())
            {
                var where = AnalysisWhere(cmd, filter);
                cmd.CommandText = $"""
                    SELECT {BucketExpr("e.date", bucket)} AS b, count(*), sum(e.quad_class=1), sum(e.quad_class=2), sum(e.quad_class=3),
                           sum(e.quad_class=4), sum(e.goldstein), avg(e.goldstein)
                    FROM events e {where} AND e.date IS NOT NULL GROUP BY b ORDER BY b
                    """;
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    rows.Add((Day(r.GetString(0)), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetDouble(6), r.GetDouble(7)));
            }
            if (rows.Count == 0) return [];
            // A range asked for is shown whole, so an empty stretch at either end reads as "nothing happened".
            first = filter.From is { } f && BucketStart(f, bucket) < rows[0].Start ? BucketStart(f, bucket) : rows[0].Start;
            last = filter.To is { } t && BucketStart(t, bucket) > rows[^1].Start ? BucketStart(t, bucket) : rows[^1].Start;
            using (var cmd = _db.CreateCommand())
            {
                // Publication times are stored as ISO 8601 with the outlet's offset; the local day is the first 10 characters.
                cmd.CommandText = $"""
                    SELECT {BucketExpr("substr(a.published, 1, 10)", bucket)} AS b, count(*) FROM articles a
                    WHERE a.published IS NOT NULL AND substr(a.published, 1, 10) BETWEEN $first AND $last GROUP BY b
                    """;
                cmd.Parameters.AddWithValue("$first", Iso(first));
                cmd.Parameters.AddWithValue("$last", Iso(Next(last, bucket).AddDays(-1)));
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    if (!r.IsDBNull(0) && DateOnly.TryParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        articles[d] = r.GetInt32(1);
            }
        }
        SeriesPoint Point(DateOnly start, int n, int q1, int q2, int q3, int q4, double sum, double? mean)
        {
            int volume = articles.GetValueOrDefault(start);
            return new SeriesPoint(start, n, q1, q2, q3, q4, Math.Round(sum, 3), mean is { } m ? Math.Round(m, 3) : null, volume,
                volume > 0 ? Math.Round(100.0 * n / volume, 3) : null);
        }
        var byStart = rows.ToDictionary(r => r.Start);
        var points = new List<SeriesPoint>();
        if (Steps(first, last, bucket) > MaxFilledBuckets)
        {
            foreach (var r in rows) points.Add(Point(r.Start, r.N, r.Q1, r.Q2, r.Q3, r.Q4, r.Sum, r.Mean));
            return points;
        }
        for (var d = first; d <= last; d = Next(d, bucket))
            points.Add(byStart.TryGetValue(d, out var r) ? Point(d, r.N, r.Q1, r.Q2, r.Q3, r.Q4, r.Sum, r.Mean) : Point(d, 0, 0, 0, 0, 0, 0, null));
        return points;
    }

    /// <inheritdoc/>
    public ActorNetwork Network(EventQuery filter, NetworkLevel level, int maxEdges)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEdges, 1);
        var (src, tgt) = level switch
        {
            NetworkLevel.Country => ("e.source_country", "e.target_country"),
            NetworkLevel.Name => ("e.source_name || '|' || e.source_code", "e.target_name || '|' || e.target_code"),
            _ => ("e.source_code", "e.target_code"),
        };
        var edges = new List<NetworkEdge>();
        var countries = new Dictionary<string, string>();
        bool truncated;
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            var where = AnalysisWhere(cmd, filter);
            // One row more than asked for tells whether the answer was cut.
            cmd.CommandText = $"""
                SELECT {src} AS s, {tgt} AS t, count(*) AS n, sum(e.quad_class IN (1, 2)), sum(e.quad_class IN (3, 4)), avg(e.goldstein),
                       max(e.source_country), max(e.target_country)
                FROM events e {where} AND {src} <> '' AND {tgt} <> '' GROUP BY s, t ORDER BY n DESC, s, t LIMIT $maxEdges
                """;
            cmd.Parameters.AddWithValue("$maxEdges", maxEdges + 1);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                edges.Add(new NetworkEdge(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), Math.Round(r.GetDouble(5), 3)));
                countries.TryAdd(r.GetString(0), r.GetString(6));
                countries.TryAdd(r.GetString(1), r.GetString(7));
            }
            truncated = edges.Count > maxEdges;
            if (truncated) edges.RemoveAt(edges.Count - 1);
        }
        var weight = new Dictionary<string, int>();
        foreach (var e in edges)
        {
            weight[e.Source] = weight.GetValueOrDefault(e.Source) + e.Events;
            if (e.Target != e.Source) weight[e.Target] = weight.GetValueOrDefault(e.Target) + e.Events;
        }
        var nodes = weight
            .Select(kv => new NetworkNode(kv.Key, level == NetworkLevel.Name ? kv.Key[..kv.Key.LastIndexOf('|')] : kv.Key, countries.GetValueOrDefault(kv.Key, ""), kv.Value))
            .OrderByDescending(n => n.Events).ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        return new ActorNetwork(level, nodes, edges, truncated);
    }

    /// <inheritdoc/>
    public IReadOnlyList<TimelineItem> Timeline(EventQuery filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            var where = AnalysisWhere(cmd, filter);
            cmd.CommandText = $"""
                SELECT e.id, e.date, e.source_text, e.source_name, e.source_code, e.target_text, e.target_name, e.target_code,
                       e.cameo, coalesce(e.cameo_name, ''), e.quad_class, e.goldstein,
                       (SELECT count(*) FROM mentions m WHERE m.event_id = e.id),
                       (SELECT a.headline FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id ORDER BY a.published, a.id LIMIT 1)
                FROM events e {where} AND e.date IS NOT NULL ORDER BY e.date, e.id LIMIT $limit OFFSET $offset
                """;
            cmd.Parameters.AddWithValue("$limit", Math.Clamp(filter.Limit, 1, 100_000));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, filter.Offset));
            using var r = cmd.ExecuteReader();
            var items = new List<TimelineItem>();
            while (r.Read())
                items.Add(new TimelineItem(r.GetString(0), Day(r.GetString(1)),
                    new ActorRef(r.GetString(2), r.GetString(3), r.GetString(4)), new ActorRef(r.GetString(5), r.GetString(6), r.GetString(7)),
                    r.GetString(8), r.GetString(9), (QuadClass)r.GetInt32(10), r.GetDouble(11), r.GetInt32(12), r.IsDBNull(13) ? null : r.GetString(13)));
            return items;
        }
    }

    /// <inheritdoc/>
    public ArticleSearch SearchArticles(string text, int limit, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = FtsTerms(text);
        if (match.Length == 0) return new ArticleSearch(0, []);
        lock (_gate)
        {
            int total;
            using (var count = _db.CreateCommand())
            {
                count.CommandText = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH $q";
                count.Parameters.AddWithValue("$q", match);
                total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                SELECT a.id, a.headline, a.outlet, a.published, snippet(articles_fts, -1, $open, $close, '…', 24), bm25(articles_fts),
                       (SELECT count(DISTINCT m.event_id) FROM mentions m WHERE m.article_id = a.id)
                FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                WHERE articles_fts MATCH $q ORDER BY bm25(articles_fts), a.id LIMIT $limit OFFSET $offset
                """;
            cmd.Parameters.AddWithValue("$q", match);
            cmd.Parameters.AddWithValue("$open", HitOpen.ToString());
            cmd.Parameters.AddWithValue("$close", HitClose.ToString());
            cmd.Parameters.AddWithValue("$limit", Math.Clamp(limit, 1, 1000));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, offset));
            using var r = cmd.ExecuteReader();
            var hits = new List<ArticleHit>();
            while (r.Read())
            {
                var (snippet, spans) = Unmark(r.GetString(4));
                // bm25() is lower for better matches; negated so that a higher score is better.
                hits.Add(new ArticleHit(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                    r.IsDBNull(3) ? null : r.GetString(3), snippet, spans, Math.Round(-r.GetDouble(5), 4), r.GetInt32(6)));
            }
            return new ArticleSearch(total, hits);
        }
    }

    /// <summary>The WHERE clause for <paramref name="q"/>, its values bound as parameters of <paramref name="cmd"/>.</summary>
    private static string AnalysisWhere(SqliteCommand cmd, EventQuery q)
    {
        var where = new StringBuilder("WHERE 1=1");
        void Add(string clause, params (string Name, object Value)[] args)
        {
            where.Append(" AND ").Append(clause);
            foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        }
        if (q.Actor is { Length: > 0 } actor)
            Add("(e.source_code LIKE $actorCode OR e.target_code LIKE $actorCode OR e.source_name LIKE $actorName OR e.target_name LIKE $actorName)",
                ("$actorCode", actor.ToUpperInvariant() + "%"), ("$actorName", "%" + actor + "%"));
        if (q.Dyad is var (a, b))
            Add("((e.source_country=$da AND e.target_country=$db) OR (e.source_country=$db AND e.target_country=$da))",
                ("$da", a.ToUpperInvariant()), ("$db", b.ToUpperInvariant()));
        if (q.Country is { Length: > 0 } country) Add("(e.source_country=$country OR e.target_country=$country)", ("$country", country.ToUpperInvariant()));
        if (q.From is { } from) Add("e.date >= $from", ("$from", Iso(from)));
        if (q.To is { } to) Add("e.date <= $to", ("$to", Iso(to)));
        if (q.Cameo is { Length: > 0 } cameo) Add("e.cameo LIKE $cameo", ("$cameo", cameo + "%"));
        if (q.Plover is { Length: > 0 } plover) Add("e.plover = $plover", ("$plover", plover.ToUpperInvariant()));
        if (q.QuadClass is { } quad) Add("e.quad_class = $quad", ("$quad", quad));
        if (q.Outlet is { Length: > 0 } outlet)
            Add("EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id=m.article_id WHERE m.event_id=e.id AND a.outlet=$outlet)", ("$outlet", outlet));
        if (q.Text is { Length: > 0 } text)
        {
            var terms = FtsTerms(text);
            if (terms.Length == 0) Add("0");
            else Add("EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id=m.article_id WHERE m.event_id=e.id AND a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $text))", ("$text", terms));
        }
        if (q.Modalities.Count > 0)
        {
            var names = new List<string>();
            for (int i = 0; i < q.Modalities.Count; i++)
            {
                names.Add("$mod" + i);
                cmd.Parameters.AddWithValue("$mod" + i, q.Modalities[i].ToString().ToLowerInvariant());
            }
            Add($"e.modality IN ({string.Join(',', names)})");
        }
        return where.ToString();
    }

    // Each word becomes a quoted FTS5 term, so user text can never be read as query syntax;
    // characters FTS5's tokenizer drops anyway (punctuation) are removed so "U.S." still matches.
    private static string FtsTerms(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Take(32)
            .Select(w => "\"" + w + "\""));

    private static (string Text, IReadOnlyList<TextSpan> Spans) Unmark(string marked)
    {
        var sb = new StringBuilder(marked.Length);
        var spans = new List<TextSpan>();
        int open = -1;
        foreach (var c in marked)
        {
            if (c == HitOpen) open = sb.Length;
            else if (c == HitClose && open >= 0) { spans.Add(new TextSpan(open, sb.Length)); open = -1; }
            else sb.Append(c);
        }
        return (sb.ToString(), spans);
    }

    private static string BucketExpr(string dayExpr, SeriesBucket bucket) => bucket switch
    {
        // 'weekday 0' moves to the coming Sunday (or stays on one); six days back is that week's Monday.
        SeriesBucket.Week => $"date({dayExpr}, 'weekday 0', '-6 days')",
        SeriesBucket.Month => $"substr({dayExpr}, 1, 7) || '-01'",
        _ => dayExpr,
    };

    private static DateOnly BucketStart(DateOnly d, SeriesBucket bucket) => bucket switch
    {
        SeriesBucket.Week => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
        SeriesBucket.Month => new DateOnly(d.Year, d.Month, 1),
        _ => d,
    };

    private static DateOnly Next(DateOnly d, SeriesBucket bucket) => bucket switch
    {
        SeriesBucket.Week => d.AddDays(7),
        SeriesBucket.Month => d.AddMonths(1),
        _ => d.AddDays(1),
    };

    private static int Steps(DateOnly first, DateOnly last, SeriesBucket bucket) => bucket switch
    {
        SeriesBucket.Week => (last.DayNumber - first.DayNumber) / 7,
        SeriesBucket.Month => (last.Year - first.Year) * 12 + last.Month - first.Month,
        _ => last.DayNumber - first.DayNumber,
    };

    private static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
