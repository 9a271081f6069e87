using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Parley.Storage;
using Parley.Storage.Export;

namespace Parley.Api;

public static partial class ApiServer
{
    /// <summary>Most edges the network endpoint returns.</summary>
    public const int MaxNetworkEdges = 2000;

    private static void MapApi(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("events");
        api.MapGet("/health", (IEventStore s) => Results.Json(s.Counts(), ApiJson.Options))
            .WithName("health").WithSummary("What the store holds: captures, articles, events, mentions, failed captures.");

        api.MapGet("/events", (HttpContext http, IEventStore s, IEventAnalysis a, string? format) =>
        {
            if (format is not (null or "" or "json" or "csv")) return Problems.BadParameter($"'format' must be json or csv, not '{format}'.");
            bool csv = format == "csv";
            if (!TryFilters(http, out var query, out var problem, defaultLimit: csv ? EventFilters.MaxLimit : 500)) return problem;
            var events = s.QueryEvents(query);
            if (csv)
            {
                var text = new StringWriter(CultureInfo.InvariantCulture);
                EventCsv.Write(events, text);
                http.Response.Headers.ContentDisposition = "attachment; filename=\"parley-events.csv\"";
                return Results.Text(text.ToString(), "text/csv; charset=utf-8");
            }
            long total = a.CountEvents(query);
            return Json(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("total", total);
                w.WriteNumber("offset", query.Offset);
                w.WriteNumber("limit", query.Limit);
                w.WriteNumber("count", events.Count);
                w.WriteStartArray("events");
                foreach (var e in events) EventJson.Write(w, e);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }).WithName("events").WithSummary("Events matching the filters, newest first, paged; format=csv for a spreadsheet.")
          .WithMetadata(FilterParameterTransformer.Marker);

        api.MapGet("/events/{id}", (string id, IEventStore s) =>
            s.GetEvent(id) is { } e ? Json(w => EventJson.Write(w, e)) : Problems.NotFound($"There is no event '{id}'."))
            .WithName("event").WithSummary("One event with every mention, its sentence and the evidence span.");

        api.MapGet("/articles/{id}", (string id, IEventStore s) =>
            s.GetArticle(id) is { } art ? Json(w => EventJson.WriteArticle(w, art)) : Problems.NotFound($"There is no article '{id}'."))
            .WithName("article").WithTags("articles").WithSummary("One article: metadata, body and captions.");

        api.MapGet("/search", (IEventAnalysis a, string? q, string? limit, string? offset) =>
        {
            if (string.IsNullOrWhiteSpace(q)) return Problems.BadParameter("'q' must hold the words to search for.");
            if (!TryInt("limit", limit, 1, 1000, 50, out int l, out var p1)) return p1;
            if (!TryInt("offset", offset, 0, int.MaxValue, 0, out int o, out var p2)) return p2;
            return Results.Json(a.SearchArticles(q, l, o), ApiJson.Options);
        }).WithName("search").WithTags("articles").WithSummary("Full-text search over article headlines and bodies, best match first, with highlighted snippets.");

        api.MapGet("/series", (HttpContext http, IEventAnalysis a, string? bucket) =>
        {
            if (!TryEnum<SeriesBucket>("bucket", bucket, SeriesBucket.Week, out var b, out var p)) return p;
            if (!TryFilters(http, out var query, out var problem)) return problem;
            return Results.Json(new { bucket = b, points = a.Series(query, b) }, ApiJson.Options);
        }).WithName("series").WithTags("analysis")
          .WithSummary("Event counts per day, week or month by QuadClass, Goldstein sum and mean, and events per 100 articles; give dyad=KOR-USA for a dyad.")
          .WithMetadata(FilterParameterTransformer.Marker);

        api.MapGet("/network", (HttpContext http, IEventAnalysis a, string? level, string? max_edges) =>
        {
            if (!TryEnum<NetworkLevel>("level", level, NetworkLevel.Actor, out var lv, out var p)) return p;
            if (!TryInt("max_edges", max_edges, 1, MaxNetworkEdges, 200, out int max, out var p2)) return p2;
            if (!TryFilters(http, out var query, out var problem)) return problem;
            return Results.Json(a.Network(query, lv, max), ApiJson.Options);
        }).WithName("network").WithTags("analysis")
          .WithSummary("The actor network: directed edges weighted by event count and coloured by mean Goldstein value.")
          .WithMetadata(FilterParameterTransformer.Marker);

        api.MapGet("/timeline", (HttpContext http, IEventAnalysis a) =>
        {
            if (!TryFilters(http, out var query, out var problem, defaultLimit: 2000)) return problem;
            // A lower bound on the day leaves out undated events, as the timeline does.
            long dated = a.CountEvents(query with { From = query.From ?? DateOnly.MinValue });
            return Results.Json(new { total = dated, items = a.Timeline(query) }, ApiJson.Options);
        }).WithName("timeline").WithTags("analysis")
          .WithSummary("Dated events for an actor, a text query or any filter, oldest first.")
          .WithMetadata(FilterParameterTransformer.Marker);

        api.MapPost("/ingest", Ingest).WithName("ingest").WithTags("ingest")
            .WithSummary("Stores and codes new captures sent as the body (a text dump, HTML, JSONL, WARC, or any of them gzipped). Needs 'Authorization: Bearer TOKEN'.")
            .WithMetadata(IngestBodyTransformer.Marker)
            .RequireRateLimiting(WritePolicy);

        api.MapFallback((HttpContext http) => Problems.NotFound($"There is no API endpoint '{http.Request.Method} {http.Request.Path}'; see /openapi/v1.json."))
            // GET only: a known path with the wrong method must reach routing's 405, not this 404.
            .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]))
            .ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json");
    }

    private static async Task<IResult> Ingest(HttpContext http, IngestGate gate, ApiOptions options, IEventStore store, string? name, CancellationToken ct)
    {
        if (!Authorized(http, options))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Unauthorized(string.IsNullOrEmpty(options.Token)
                ? "Writes are disabled: start the server with a token (parley serve --token or PARLEY_TOKEN)."
                : "This endpoint needs 'Authorization: Bearer TOKEN' with the token that 'parley serve' printed.");
        }
        if (http.Request.ContentLength > options.MaxBodyBytes) return Problems.TooLarge(options.MaxBodyBytes);
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + n > options.MaxBodyBytes) return Problems.TooLarge(options.MaxBodyBytes);
                buffer.Write(chunk, 0, n);
            }
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge(options.MaxBodyBytes);
        }
        if (body.Length == 0) return Problems.BadParameter("The body is empty: send a capture (text dump, HTML, JSONL or WARC).");
        string source = "upload:" + (string.IsNullOrWhiteSpace(name) ? DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) : name.Trim());
        var (r, diagnostics) = await gate.IngestAsync(body, source, ct);
        var counts = store.Counts();
        return Results.Json(new
        {
            captures = r.Captures, @new = r.New, skipped = r.Skipped, failed = r.Failed, articles = r.Articles, mentions = r.Mentions,
            store = counts,
            diagnostics = diagnostics.Select(d => new { d.Code, severity = d.Severity.ToString().ToLowerInvariant(), d.Source, d.Position, d.Message }),
        }, ApiJson.Options);
    }

    private static bool Authorized(HttpContext http, ApiOptions options)
    {
        if (string.IsNullOrEmpty(options.Token)) return false;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(options.Token));
    }

    private static bool TryFilters(HttpContext http, out EventQuery query, out IResult problem, int defaultLimit = 500)
    {
        var q = http.Request.Query;
        if (EventFilters.TryParse(k => q.TryGetValue(k, out var v) ? v.ToString() : null, out query, out var error, defaultLimit))
        {
            problem = Results.Empty;
            return true;
        }
        problem = Problems.BadParameter(error!.Message);
        return false;
    }

    private static bool TryInt(string key, string? value, int min, int max, int fallback, out int result, out IResult problem)
    {
        problem = Results.Empty;
        result = fallback;
        if (string.IsNullOrEmpty(value)) return true;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max) return true;
        problem = Problems.BadParameter($"'{key}' must be a whole number from {min} to {max}, not '{value}'.");
        return false;
    }

    private static bool TryEnum<T>(string key, string? value, T fallback, out T result, out IResult problem) where T : struct, Enum
    {
        problem = Results.Empty;
        result = fallback;
        if (string.IsNullOrEmpty(value)) return true;
        if (!value.All(char.IsAsciiLetter) || !Enum.TryParse(value, ignoreCase: true, out result))
        {
            problem = Problems.BadParameter($"'{key}' must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, not '{value}'.");
            return false;
        }
        return true;
    }

    private static IResult Json(Action<Utf8JsonWriter> write) =>
        Results.Content(EventJson.ToJson(write), "application/json; charset=utf-8");
}
