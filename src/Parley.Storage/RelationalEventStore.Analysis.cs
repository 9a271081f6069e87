using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Parley.Storage;

public abstract partial class RelationalEventStore : IEventAnalysis
{
    /// <summary>
    /// Opens a matched word in a snippet. Private-use characters cannot occur in stored text that
    /// matters; <see cref="SearchArticles"/> turns them into highlight spans and strips them.
    /// </summary>
    protected const char HitOpen = '\uE000';

    /// <summary>Closes a matched word opened by <see cref="HitOpen"/>.</summary>
    protected const char HitClose = '\uE001';

    // Gaps are filled only up to this many buckets (27 years of days); beyond it the series
    // keeps just the buckets that have events, so a stray date cannot blow up the answer.
    private const int MaxFilledBuckets = 10_000;

    /// <summary>
    /// The first day (<c>yyyy-MM-dd</c> text) of the <paramref name="bucket"/> holding the day
    /// given by <paramref name="dayExpr"/> (also <c>yyyy-MM-dd</c> text); weeks start on Monday.
    /// </summary>
    protected abstract string BucketExpr(string dayExpr, SeriesBucket bucket);

    /// <summary>
    /// Article search in the dialect, for the <see cref="TextQuery"/> value bound to
    /// <paramref name="parameter"/>: <c>From</c> is a FROM clause with its WHERE that yields the
    /// matching articles under the alias <c>a</c>; <c>Snippet</c> a passage of the article with
    /// each matched word between <see cref="HitOpen"/> and <see cref="HitClose"/>; <c>Score</c>
    /// the relevance as a double, higher for better matches.
    /// </summary>
    protected abstract (string From, string Snippet, string Score) ArticleSearchSql(string parameter);

    /// <inheritdoc/>
    public long CountEvents(EventQuery filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            using var cmd = Cmd("");
            cmd.CommandText = $"SELECT count(*) FROM events e {EventWhere(cmd, filter)}";
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
            using (var cmd = Cmd(""))
            {
                var where = EventWhere(cmd, filter);
                cmd.CommandText = $"""
                    SELECT {BucketExpr("e.date", bucket)} AS b, count(*), {CountWhere("e.quad_class=1")}, {CountWhere("e.quad_class=2")},
                           {CountWhere("e.quad_class=3")}, {CountWhere("e.quad_class=4")}, sum(e.goldstein), avg(e.goldstein)
                    FROM events e {where} AND e.date IS NOT NULL GROUP BY b ORDER BY b
                    """;
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    rows.Add((Date(r.GetString(0)), Int(r, 1), Int(r, 2), Int(r, 3), Int(r, 4), Int(r, 5), Real(r, 6), Real(r, 7)));
            }
            if (rows.Count == 0) return [];
            // A range asked for is shown whole, so an empty stretch at either end reads as "nothing happened".
            first = filter.From is { } f && BucketStart(f, bucket) < rows[0].Start ? BucketStart(f, bucket) : rows[0].Start;
            last = filter.To is { } t && BucketStart(t, bucket) > rows[^1].Start ? BucketStart(t, bucket) : rows[^1].Start;
            using (var cmd = Cmd(""))
            {
                // Publication times are stored as ISO 8601 with the outlet's offset; the local day is the first 10 characters.
                cmd.CommandText = $"""
                    SELECT {BucketExpr("substr(a.published, 1, 10)", bucket)} AS b, count(*) FROM articles a
                    WHERE a.published IS NOT NULL AND substr(a.published, 1, 10) BETWEEN @first AND @last GROUP BY b
                    """;
                Add(cmd, "@first", Day(first));
                Add(cmd, "@last", Day(Next(last, bucket).AddDays(-1)));
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    if (!r.IsDBNull(0) && DateOnly.TryParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        articles[d] = Int(r, 1);
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
            using var cmd = Cmd("");
            var where = EventWhere(cmd, filter);
            // One row more than asked for tells whether the answer was cut. Ties are broken on
            // the ordinal order of the ids, so both dialects cut at the same edge.
            var rows = new List<(NetworkEdge Edge, string SourceCountry, string TargetCountry)>();
            cmd.CommandText = $"""
                SELECT {src} AS s, {tgt} AS t, count(*) AS n, {CountWhere("e.quad_class IN (1, 2)")}, {CountWhere("e.quad_class IN (3, 4)")},
                       avg(e.goldstein), max(e.source_country), max(e.target_country)
                FROM events e {where} AND {src} <> '' AND {tgt} <> '' GROUP BY {src}, {tgt} ORDER BY n DESC, {Ordinal(src)}, {Ordinal(tgt)} LIMIT @maxEdges
                """;
            Add(cmd, "@maxEdges", maxEdges + 1);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                edges.Add(new NetworkEdge(r.GetString(0), r.GetString(1), Int(r, 2), Int(r, 3), Int(r, 4), Math.Round(Real(r, 5), 3)));
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
            using var cmd = Cmd("");
            var where = EventWhere(cmd, filter);
            cmd.CommandText = $"""
                SELECT e.id, e.date, e.source_text, e.source_name, e.source_code, e.target_text, e.target_name, e.target_code,
                       e.cameo, coalesce(e.cameo_name, ''), e.quad_class, e.goldstein,
                       (SELECT count(*) FROM mentions m WHERE m.event_id = e.id),
                       (SELECT a.headline FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id ORDER BY a.published, a.id LIMIT 1)
                FROM events e {where} AND e.date IS NOT NULL ORDER BY e.date, e.id LIMIT @limit OFFSET @offset
                """;
            Add(cmd, "@limit", Math.Clamp(filter.Limit, 1, 100_000));
            Add(cmd, "@offset", Math.Max(0, filter.Offset));
            using var r = cmd.ExecuteReader();
            var items = new List<TimelineItem>();
            while (r.Read())
                items.Add(new TimelineItem(r.GetString(0), Date(r.GetString(1)),
                    new ActorRef(r.GetString(2), r.GetString(3), r.GetString(4)), new ActorRef(r.GetString(5), r.GetString(6), r.GetString(7)),
                    r.GetString(8), r.GetString(9), (QuadClass)Int(r, 10), Real(r, 11), Int(r, 12), Str(r, 13)));
            return items;
        }
    }

    /// <inheritdoc/>
    public ArticleSearch SearchArticles(string text, int limit, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            // Under the lock: a store may prepare its connection for the search here (SQLite attaches its search file).
            var match = TextQuery(text);
            if (match.Length == 0) return new ArticleSearch(0, []);
            var (from, snippet, score) = ArticleSearchSql("@q");
            int total;
            using (var count = Cmd($"SELECT count(*) FROM {from}"))
            {
                Add(count, "@q", match);
                total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
            using var cmd = Cmd($"""
                SELECT a.id, a.headline, a.outlet, a.published, {snippet}, {score} AS score,
                       (SELECT count(DISTINCT m.event_id) FROM mentions m WHERE {MentionOfArticle})
                FROM {from} ORDER BY score DESC, a.id LIMIT @limit OFFSET @offset
                """);
            Add(cmd, "@q", match);
            Add(cmd, "@limit", Math.Clamp(limit, 1, 1000));
            Add(cmd, "@offset", Math.Max(0, offset));
            using var r = cmd.ExecuteReader();
            var hits = new List<ArticleHit>();
            while (r.Read())
            {
                var (passage, spans) = Unmark(r.GetString(4));
                hits.Add(new ArticleHit(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), passage, spans, Math.Round(Real(r, 5), 4), Int(r, 6)));
            }
            return new ArticleSearch(total, hits);
        }
    }

    /// <summary>An ORDER BY key for <paramref name="expr"/> that sorts text by code point in the dialect.</summary>
    protected virtual string Ordinal(string expr) => expr;

    // Counts the rows of a group where the condition holds; portable where summing a boolean is not.
    private static string CountWhere(string condition) => $"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)";

    // Aggregates come back as 32- or 64-bit integers or decimals depending on the dialect.
    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static double Real(DbDataReader r, int i) => Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

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

    private static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
