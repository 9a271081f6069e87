using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Storage;

namespace Parley.Api;

/// <summary>
/// The HTTP JSON API and the web page, served by one process. Binds to loopback unless told
/// otherwise; every query is parameterised; errors are RFC 7807 problem details.
/// </summary>
public static class ApiServer
{
    /// <summary>Builds the web application over <paramref name="store"/>, listening on <paramref name="urls"/>.</summary>
    public static WebApplication Build(IEventStore store, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        Map(app);
        return app;
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/api/health", (IEventStore s) => Results.Json(s.Counts()));
        app.MapGet("/api/events", (HttpContext http, IEventStore s) =>
        {
            if (!TryQuery(http.Request.Query, out var query, out var problem)) return problem!;
            var events = s.QueryEvents(query);
            return Json(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("count", events.Count);
                w.WriteStartArray("events");
                foreach (var e in events) EventJson.Write(w, e);
                w.WriteEndArray();
                w.WriteEndObject();
            });
        });
        app.MapGet("/api/events/{id}", (string id, IEventStore s) =>
            s.GetEvent(id) is { } e ? Json(w => EventJson.Write(w, e)) : NotFound("PAR404", $"no event '{id}'"));
        app.MapGet("/api/articles/{id}", (string id, IEventStore s) =>
            s.GetArticle(id) is { } a ? Json(w => EventJson.WriteArticle(w, a)) : NotFound("PAR404", $"no article '{id}'"));
        app.MapGet("/", () => Results.Content(WebPage.Html, "text/html; charset=utf-8"));
    }

    /// <summary>Parses the event filters of a query string; a bad value yields a coded 400 problem.</summary>
    public static bool TryQuery(IQueryCollection q, out EventQuery query, out IResult? problem)
    {
        query = new EventQuery();
        problem = null;
        DateOnly? Day(string key)
        {
            var v = q[key].ToString();
            if (v.Length == 0) return null;
            if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            throw new FormatException($"'{key}' must be a date YYYY-MM-DD, not '{v}'");
        }
        try
        {
            (string, string)? dyad = null;
            var dy = q["dyad"].ToString();
            if (dy.Length > 0)
            {
                var parts = dy.Split('-', ',');
                if (parts.Length != 2 || parts.Any(p => p.Length != 3)) throw new FormatException($"'dyad' must be two country codes like KOR-USA, not '{dy}'");
                dyad = (parts[0], parts[1]);
            }
            int limit = q["limit"].ToString() is { Length: > 0 } l ? int.Parse(l, CultureInfo.InvariantCulture) : 500;
            int offset = q["offset"].ToString() is { Length: > 0 } o ? int.Parse(o, CultureInfo.InvariantCulture) : 0;
            if (limit is < 1 or > 10_000) throw new FormatException("'limit' must be between 1 and 10000");
            query = new EventQuery
            {
                Actor = Str(q, "actor"), Dyad = dyad, From = Day("from"), To = Day("to"), Cameo = Str(q, "cameo"),
                Plover = Str(q, "plover"), Outlet = Str(q, "outlet"), Text = Str(q, "q"), Limit = limit, Offset = offset,
            };
            return true;
        }
        catch (FormatException ex)
        {
            problem = Results.Problem(title: "Bad parameter", detail: ex.Message, statusCode: 400, extensions: new Dictionary<string, object?> { ["code"] = "PAR400" });
            return false;
        }
    }

    private static string? Str(IQueryCollection q, string key) => q[key].ToString() is { Length: > 0 } v ? v : null;

    private static IResult NotFound(string code, string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: 404, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static IResult Json(Action<Utf8JsonWriter> write) =>
        Results.Content(EventJson.ToJson(write), "application/json; charset=utf-8");
}
