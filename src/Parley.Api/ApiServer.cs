using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Parley.Storage;

namespace Parley.Api;

/// <summary>
/// The HTTP JSON API and the web UI, served by one process. Binds to loopback unless told
/// otherwise; writes need a bearer token; request bodies and request rates are bounded; every
/// query is parameterised; errors are RFC 7807 problem details with a stable code, never stack
/// traces. The OpenAPI document is at <c>/openapi/v1.json</c>.
/// </summary>
public static partial class ApiServer
{
    /// <summary>The rate-limiter policy of write endpoints.</summary>
    internal const string WritePolicy = "writes";

    /// <summary>Builds the application over <paramref name="store"/>, which also answers the analysis queries.</summary>
    public static WebApplication Build<TStore>(TStore store, ApiOptions options) where TStore : IEventStore, IEventAnalysis =>
        Build(store, store, options);

    /// <summary>Builds the application over a store and its analysis queries, listening on <see cref="ApiOptions.Urls"/>.</summary>
    public static WebApplication Build(IEventStore store, IEventAnalysis analysis, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(options);
        // Production always: the developer exception page would send stack traces.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Problems raised by the framework (an exception, 405, a malformed request) get a code too: PAR + status.
            ctx.ProblemDetails.Extensions.TryAdd("code", "PAR" + (ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode));
            if (ctx.ProblemDetails.Status >= 500) ctx.ProblemDetails.Detail = "The server failed on this request; nothing about it was sent back. Retry, or report it with the time and the address.";
        });
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(analysis);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new IngestGate(store, options));
        builder.Services.AddOpenApi(o =>
        {
            o.AddOperationTransformer(new FilterParameterTransformer());
            o.AddOperationTransformer(new IngestBodyTransformer());
        });
        builder.Services.AddRateLimiter(o => ConfigureRateLimits(o, options));
        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.XContentTypeOptions = "nosniff";
            ctx.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(ctx);
        });
        if (options.WebRoot is { } web && Directory.Exists(Path.Combine(web, "public")))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(Path.Combine(web, "public"))) });
        MapApi(app);
        MapWeb(app, options);
        return app;
    }

    private static void ConfigureRateLimits(RateLimiterOptions o, ApiOptions options)
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            RateLimitPartition.GetFixedWindowLimiter(Client(ctx), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));
        o.AddPolicy(WritePolicy, ctx =>
            RateLimitPartition.GetFixedWindowLimiter(Client(ctx), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.WritesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));
        o.OnRejected = async (ctx, ct) =>
        {
            ctx.HttpContext.Response.Headers.RetryAfter = "60";
            await Problems.Of(429, ProblemCodes.RateLimited, "Too many requests",
                    "This address made more requests this minute than the server allows; retry after the minute.")
                .ExecuteAsync(ctx.HttpContext);
        };
    }

    private static string Client(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
