using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.Storage.Export;

/// <summary>
/// Events as JSON lines in the shape of POLECAT's records (<c>event_id</c>, <c>event_date</c>,
/// <c>event_type</c> and <c>event_mode</c> from PLOVER, source and target actors with their
/// countries), extended with CAMEO, the counts and every mention with its evidence. Every
/// field of an <see cref="Event"/> is written, and <see cref="Read"/> gives it back unchanged.
/// </summary>
public static class PolecatJsonl
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one event as one line.</summary>
    public static void Write(TextWriter o, Event e)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(e);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            w.WriteString("event_id", e.Id);
            w.WriteString("event_date", e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("date_basis", e.DateBasis);
            w.WriteString("event_type", e.Code.Plover);
            w.WriteString("event_mode", e.Code.PloverMode);
            w.WriteString("cameo", e.Code.Code);
            w.WriteString("cameo_root", e.Code.Root);
            w.WriteString("cameo_name", e.Code.Name);
            w.WriteNumber("quad_class", (int)e.Code.Quad);
            w.WriteNumber("goldstein", e.Code.Goldstein);
            w.WriteString("modality", e.Modality.ToString().ToLowerInvariant());
            w.WriteNumber("confidence", e.Confidence);
            WriteActor(w, "source", e.Source);
            WriteActor(w, "target", e.Target);
            w.WriteString("location", e.Location);
            w.WriteNumber("num_mentions", e.NumMentions);
            w.WriteNumber("num_articles", e.NumArticles);
            w.WriteNumber("num_sources", e.NumSources);
            w.WriteString("first_seen", Time(e.FirstSeen));
            w.WriteString("last_seen", Time(e.LastSeen));
            w.WriteStartArray("mentions");
            foreach (var m in e.Mentions)
            {
                w.WriteStartObject();
                w.WriteString("article", m.ArticleId);
                w.WriteString("headline", m.Headline);
                w.WriteString("outlet", m.Outlet);
                w.WriteString("source", m.SourceKey);
                w.WriteString("story", m.StoryId);
                w.WriteString("url", m.Url);
                w.WriteString("published", m.Published);
                w.WriteNumber("sentence_index", m.SentenceIndex);
                w.WriteNumber("sentence_offset", m.SentenceOffset);
                w.WriteString("sentence", m.Sentence);
                w.WriteNumber("start", m.Start);
                w.WriteNumber("end", m.End);
                w.WriteString("evidence", m.Evidence);
                w.WriteString("attribution", m.Attribution);
                w.WriteString("cameo", m.Cameo);
                w.WriteString("date_basis", m.DateBasis);
                w.WriteNumber("confidence", m.Confidence);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        o.Write(System.Text.Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length));
        o.Write('\n');
    }

    /// <summary>An event read back from one line written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The line is not such a record.</exception>
    public static Event Read(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        var mentions = ImmutableArray.CreateBuilder<EventMentionView>();
        foreach (var m in r.GetProperty("mentions").EnumerateArray())
            mentions.Add(new EventMentionView
            {
                ArticleId = m.GetProperty("article").GetString()!,
                Headline = S(m, "headline"),
                Outlet = S(m, "outlet"),
                SourceKey = S(m, "source"),
                StoryId = S(m, "story"),
                Url = S(m, "url"),
                Published = S(m, "published"),
                SentenceIndex = m.GetProperty("sentence_index").GetInt32(),
                SentenceOffset = m.GetProperty("sentence_offset").GetInt32(),
                Sentence = m.GetProperty("sentence").GetString()!,
                Start = m.GetProperty("start").GetInt32(),
                End = m.GetProperty("end").GetInt32(),
                Attribution = S(m, "attribution"),
                Cameo = S(m, "cameo"),
                DateBasis = S(m, "date_basis"),
                Confidence = m.GetProperty("confidence").GetDouble(),
            });
        return new Event
        {
            Id = r.GetProperty("event_id").GetString()!,
            Date = S(r, "event_date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            DateBasis = r.GetProperty("date_basis").GetString()!,
            Code = new CameoCode(r.GetProperty("cameo").GetString()!, S(r, "cameo_name") ?? "", r.GetProperty("goldstein").GetDouble(),
                (QuadClass)r.GetProperty("quad_class").GetInt32(), S(r, "event_type") ?? "", S(r, "event_mode") ?? ""),
            Modality = Enum.Parse<Modality>(r.GetProperty("modality").GetString()!, ignoreCase: true),
            Confidence = r.GetProperty("confidence").GetDouble(),
            Source = ReadActor(r.GetProperty("source")),
            Target = ReadActor(r.GetProperty("target")),
            Location = S(r, "location"),
            NumMentions = r.GetProperty("num_mentions").GetInt32(),
            NumArticles = r.GetProperty("num_articles").GetInt32(),
            NumSources = r.GetProperty("num_sources").GetInt32(),
            FirstSeen = S(r, "first_seen") is { } f ? DateTimeOffset.Parse(f, CultureInfo.InvariantCulture) : null,
            LastSeen = S(r, "last_seen") is { } l ? DateTimeOffset.Parse(l, CultureInfo.InvariantCulture) : null,
            Mentions = mentions.ToImmutable(),
        };
    }

    private static void WriteActor(Utf8JsonWriter w, string name, ActorRef a)
    {
        w.WriteStartObject(name);
        w.WriteString("text", a.Text);
        w.WriteString("name", a.Name);
        w.WriteString("code", a.Code);
        w.WriteString("country", a.CountryCode);
        w.WriteEndObject();
    }

    private static ActorRef ReadActor(JsonElement e) =>
        new(e.GetProperty("text").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("code").GetString()!);

    private static string? Time(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string? S(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
