using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Parley.Api;

public static partial class ApiServer
{
    private static void MapWeb(WebApplication app, ApiOptions options)
    {
        string? publicDir = options.WebRoot is { } web && File.Exists(Path.Combine(web, "public", "index.html"))
            ? Path.GetFullPath(Path.Combine(web, "public")) : null;

        IResult Page(string file) => publicDir is null
            ? Results.Content(WebPage.Html, "text/html; charset=utf-8")
            : Results.File(Path.Combine(publicDir, file), "text/html; charset=utf-8");

        app.MapGet("/", () => Page("index.html")).ExcludeFromDescription();
        app.MapGet("/events/{id}", (string id) => Page("event.html")).ExcludeFromDescription();
        app.MapGet("/lib/{name}", (string name) =>
        {
            if (options.WebRoot is null || !WebAssets.Libraries.TryGetValue(name, out var relative))
                return Problems.NotFound($"There is no library file '{name}'.");
            var path = Path.GetFullPath(Path.Combine(options.WebRoot, "node_modules", relative));
            if (!File.Exists(path))
                return Problems.NotFound($"'{name}' is not installed: run 'npm ci' in {options.WebRoot} (./parley does it for you).");
            return Results.File(path, name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
    }
}
