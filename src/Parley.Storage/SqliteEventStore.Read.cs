using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

public sealed partial class SqliteEventStore
{
    private const string EventColumns = """
        e.id, e.date, e.date_basis, e.source_text, e.source_name, e.source_code, e.target_text, e.target_name, e.target_code,
        e.cameo, e.cameo_name, e.goldstein, e.quad_class, e.plover, e.plover_mode, e.location, e.modality, e.confidence
        """;

    /// <inheritdoc/>
    public IReadOnlyList<Event> QueryEvents(EventQuery q)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            var where = new StringBuilder("WHERE 1=1");
            if (q.Actor is { Length: > 0 } actor)
            {
                where.Append(" AND (e.source_code LIKE $actorCode OR e.target_code LIKE $actorCode OR e.source_name LIKE $actorName OR e.target_name LIKE $actorName)");
                cmd.Parameters.AddWithValue("$actorCode", actor.ToUpperInvariant() + "%");
                cmd.Parameters.AddWithValue("$actorName", "%" + actor + "%");
            }
            if (q.Dyad is var (a, b))
            {
                where.Append(" AND ((e.source_country=$da AND e.target_country=$db) OR (e.source_country=$db AND e.target_country=$da))");
                cmd.Parameters.AddWithValue("$da", a.ToUpperInvariant());
                cmd.Parameters.AddWithValue("$db", b.ToUpperInvariant());
            }
            if (q.Country is { Length: > 0 } country) { where.Append(" AND (e.source_country=$country OR e.target_country=$country)"); cmd.Parameters.AddWithValue("$country", country.ToUpperInvariant()); }
            if (q.From is { } from) { where.Append(" AND e.date >= $from"); cmd.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); }
            if (q.To is { } to) { where.Append(" AND e.date <= $to"); cmd.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); }
            if (q.Cameo is { Length: > 0 } cameo) { where.Append(" AND e.cameo LIKE $cameo"); cmd.Parameters.AddWithValue("$cameo", cameo + "%"); }
            if (q.Plover is { Length: > 0 } plover) { where.Append(" AND e.plover = $plover"); cmd.Parameters.AddWithValue("$plover", plover.ToUpperInvariant()); }
            if (q.QuadClass is { } quad) { where.Append(" AND e.quad_class = $quad"); cmd.Parameters.AddWithValue("$quad", quad); }
            if (q.Outlet is { Length: > 0 } outlet)
            {
                where.Append(" AND EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id=m.article_id WHERE m.event_id=e.id AND a.outlet=$outlet)");
                cmd.Parameters.AddWithValue("$outlet", outlet);
            }
            if (q.Text is { Length: > 0 } text)
            {
                where.Append(" AND EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id=m.article_id WHERE m.event_id=e.id AND a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $text))");
                cmd.Parameters.AddWithValue("$text", FtsQuery(text));
            }
            if (q.Modalities.Count > 0)
            {
                where.Append(" AND e.modality IN (");
                for (int i = 0; i < q.Modalities.Count; i++)
                {
                    where.Append(i == 0 ? "" : ",").Append("$mod").Append(i);
                    cmd.Parameters.AddWithValue("$mod" + i, q.Modalities[i].ToString().ToLowerInvariant());
                }
                where.Append(')');
            }
            cmd.CommandText = $"SELECT {EventColumns} FROM events e {where} ORDER BY e.date DESC, e.id LIMIT $limit OFFSET $offset";
            cmd.Parameters.AddWithValue("$limit", Math.Clamp(q.Limit, 1, 100_000));
            cmd.Parameters.AddWithValue("$offset", Math.Max(0, q.Offset));
            var events = new List<Event>();
            using (var r = cmd.ExecuteReader())
                while (r.Read()) events.Add(ReadEvent(r));
            return events.Select(e => e with { Mentions = LoadMentions(e.Id) }).ToList();
        }
    }

    /// <inheritdoc/>
    public Event? GetEvent(string id)
    {
        lock (_gate)
        {
            using var cmd = Command($"SELECT {EventColumns} FROM events e WHERE e.id=$id");
            cmd.Parameters.AddWithValue("$id", id);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            var e = ReadEvent(r);
            r.Close();
            return e with { Mentions = LoadMentions(id) };
        }
    }

    /// <inheritdoc/>
    public Article? GetArticle(string id)
    {
        lock (_gate)
        {
            using var cmd = Command("""
                SELECT id, capture_id, idx, source, url, headline, bylines, outlet, published_text, published, updated_text, updated,
                       dateline, section, language, body, captions, method FROM articles WHERE id=$id
                """);
            cmd.Parameters.AddWithValue("$id", id);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            return new Article
            {
                Id = r.GetString(0), CaptureId = r.GetString(1), Index = r.GetInt32(2), Source = r.GetString(3), Url = S(4),
                Headline = S(5), Bylines = [.. (S(6) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)], Outlet = S(7),
                PublishedText = S(8), Published = S(9) is { Length: > 0 } p ? DateTimeOffset.Parse(p, CultureInfo.InvariantCulture) : null,
                UpdatedText = S(10), Updated = S(11) is { Length: > 0 } u ? DateTimeOffset.Parse(u, CultureInfo.InvariantCulture) : null,
                Dateline = S(12), Section = S(13), Language = S(14) ?? "en", Body = r.GetString(15),
                Captions = [.. (S(16) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)], Method = S(17) ?? "",
            };
        }
    }

    private static Event ReadEvent(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Date = r.IsDBNull(1) ? null : DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateBasis = r.GetString(2),
        Source = new ActorRef(r.GetString(3), r.GetString(4), r.GetString(5)),
        Target = new ActorRef(r.GetString(6), r.GetString(7), r.GetString(8)),
        Code = new CameoCode(r.GetString(9), r.IsDBNull(10) ? "" : r.GetString(10), r.GetDouble(11), (QuadClass)r.GetInt32(12),
            r.IsDBNull(13) ? "" : r.GetString(13), r.IsDBNull(14) ? "" : r.GetString(14)),
        Location = r.IsDBNull(15) ? null : r.GetString(15),
        Modality = Enum.Parse<Modality>(r.GetString(16), ignoreCase: true),
        Confidence = r.GetDouble(17),
    };

    private ImmutableArray<EventMentionView> LoadMentions(string eventId)
    {
        using var cmd = Command("""
            SELECT m.article_id, a.headline, a.outlet, a.url, a.published, substr(a.body, m.sentence_start + 1, m.sentence_end - m.sentence_start),
                   m.evidence_start - m.sentence_start, m.evidence_end - m.sentence_start, m.attribution
            FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id=$id ORDER BY a.published, m.article_id, m.sentence_index
            """);
        cmd.Parameters.AddWithValue("$id", eventId);
        using var r = cmd.ExecuteReader();
        var list = ImmutableArray.CreateBuilder<EventMentionView>();
        while (r.Read())
            list.Add(new EventMentionView
            {
                ArticleId = r.GetString(0),
                Headline = r.IsDBNull(1) ? null : r.GetString(1),
                Outlet = r.IsDBNull(2) ? null : r.GetString(2),
                Url = r.IsDBNull(3) ? null : r.GetString(3),
                Published = r.IsDBNull(4) ? null : r.GetString(4),
                Sentence = r.GetString(5),
                Start = r.GetInt32(6),
                End = r.GetInt32(7),
                Attribution = r.IsDBNull(8) ? null : r.GetString(8),
            });
        return list.ToImmutable();
    }

    // Each word becomes a quoted FTS5 term, so user text can never be read as query syntax.
    private static string FtsQuery(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => "\"" + w.Replace("\"", "\"\"") + "\""));
}
