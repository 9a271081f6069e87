using System.Globalization;
using System.Text.Json;

namespace Parley.Api;

/// <summary>
/// Writes events and articles in Parley's JSON shape (snake_case, fixed field order), the
/// same for the CLI's jsonl output and the HTTP API.
/// </summary>
public static class EventJson
{
    /// <summary>Writes one event with its mentions.</summary>
    public static void Write(Utf8JsonWriter w, Event e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        if (e.Date is { } d) w.WriteString("date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else w.WriteNull("date");
        w.WriteString("date_basis", e.DateBasis);
        WriteActor(w, "source", e.Source);
        WriteActor(w, "target", e.Target);
        w.WriteString("cameo", e.Code.Code);
        w.WriteString("cameo_root", e.Code.Root);
        w.WriteString("cameo_name", e.Code.Name);
        w.WriteNumber("quad_class", (int)e.Code.Quad);
        w.WriteNumber("goldstein", e.Code.Goldstein);
        w.WriteString("plover", e.Code.Plover);
        w.WriteString("plover_mode", e.Code.PloverMode);
        if (e.Location is null) w.WriteNull("location"); else w.WriteString("location", e.Location);
        w.WriteString("modality", e.Modality.ToString().ToLowerInvariant());
        w.WriteNumber("confidence", e.Confidence);
        w.WriteNumber("num_mentions", e.NumMentions);
        w.WriteNumber("num_articles", e.NumArticles);
        w.WriteNumber("num_sources", e.NumSources);
        w.WriteString("first_seen", e.FirstSeen?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        w.WriteString("last_seen", e.LastSeen?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        w.WriteStartArray("mentions");
        foreach (var m in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteString("article", m.ArticleId);
            w.WriteString("headline", m.Headline);
            w.WriteString("outlet", m.Outlet);
            w.WriteString("url", m.Url);
            w.WriteString("published", m.Published);
            w.WriteString("sentence", m.Sentence);
            w.WriteNumber("start", m.Start);
            w.WriteNumber("end", m.End);
            w.WriteString("evidence", m.Evidence);
            if (m.Attribution is null) w.WriteNull("attribution"); else w.WriteString("attribution", m.Attribution);
            w.WriteString("source", m.SourceKey);
            w.WriteString("story", m.StoryId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes an actor as <c>{text, name, code}</c>.</summary>
    public static void WriteActor(Utf8JsonWriter w, string property, ActorRef a)
    {
        w.WriteStartObject(property);
        w.WriteString("text", a.Text);
        w.WriteString("name", a.Name);
        w.WriteString("code", a.Code);
        w.WriteEndObject();
    }

    /// <summary>Writes an article's metadata and body.</summary>
    public static void WriteArticle(Utf8JsonWriter w, Article a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("source", a.Source);
        w.WriteString("url", a.Url);
        w.WriteString("headline", a.Headline);
        w.WriteString("byline", string.Join("; ", a.Bylines));
        w.WriteString("outlet", a.Outlet);
        w.WriteString("published", a.PublishedText);
        w.WriteString("published_iso", a.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        w.WriteString("updated", a.UpdatedText);
        w.WriteString("dateline", a.Dateline);
        w.WriteString("section", a.Section);
        w.WriteString("language", a.Language);
        w.WriteString("method", a.Method);
        w.WriteString("body", a.Body);
        w.WriteStartArray("captions");
        foreach (var c in a.Captions) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Serialises with <paramref name="write"/> into a string.</summary>
    public static string ToJson(Action<Utf8JsonWriter> write, bool indented = false)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }
}
