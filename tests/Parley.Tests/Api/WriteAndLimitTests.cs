using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Api;

/// <summary>The write endpoint's token and body limit, and the rate limiter, each on its own server.</summary>
public sealed class WriteAndLimitTests
{
    private static readonly string Capture = File.ReadAllText(Path.Combine(Repo.Root, "samples", "yonhap-style.txt"));

    private static HttpRequestMessage Post(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/ingest?name=yonhap-style.txt")
        {
            Content = new StringContent(body, Encoding.UTF8, "text/plain"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage r, HttpStatusCode status, string code)
    {
        r.StatusCode.Should().Be(status);
        r.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var j = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
        j.GetProperty("code").GetString().Should().Be(code);
        j.GetProperty("status").GetInt32().Should().Be((int)status);
        return j;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task Ingest_WithoutTheToken_Is401AndStoresNothing(string? token)
    {
        await using var host = ApiHost.Start([]);
        using var r = await host.Client.SendAsync(Post(Capture, token));
        await Problem(r, HttpStatusCode.Unauthorized, "PAR401");
        r.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer");
        host.Store.Counts().Captures.Should().Be(0);
    }

    [Fact]
    public async Task Ingest_WhenNoTokenIsConfigured_RefusesEveryWrite()
    {
        await using var host = ApiHost.Start([], o => o with { Token = null });
        using var r = await host.Client.SendAsync(Post(Capture, ""));
        var j = await Problem(r, HttpStatusCode.Unauthorized, "PAR401");
        j.GetProperty("detail").GetString().Should().Contain("disabled");
    }

    [Fact]
    public async Task Ingest_WithTheToken_StoresAndCodesTheCaptureOnce()
    {
        await using var host = ApiHost.Start([]);
        using var first = await host.Client.SendAsync(Post(Capture, ApiHost.Token));
        var text = await first.Content.ReadAsStringAsync();
        first.StatusCode.Should().Be(HttpStatusCode.OK, text);
        var j = JsonDocument.Parse(text).RootElement;
        j.GetProperty("captures").GetInt32().Should().Be(1);
        j.GetProperty("new").GetInt32().Should().Be(1);
        j.GetProperty("mentions").GetInt32().Should().BeGreaterThan(0);
        long events = host.Store.Counts().Events;
        events.Should().BeGreaterThan(0);
        j.GetProperty("store").GetProperty("events").GetInt64().Should().Be(events);

        using var again = await host.Client.SendAsync(Post(Capture, ApiHost.Token));
        var k = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        k.GetProperty("skipped").GetInt32().Should().Be(1);
        host.Store.Counts().Events.Should().Be(events, "re-ingest is a no-op");
    }

    [Fact]
    public async Task Ingest_EmptyBody_IsACoded400()
    {
        await using var host = ApiHost.Start([]);
        using var r = await host.Client.SendAsync(Post("", ApiHost.Token));
        await Problem(r, HttpStatusCode.BadRequest, "PAR400");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ingest_OversizedBody_Is413(bool chunked)
    {
        await using var host = ApiHost.Start([], o => o with { MaxBodyBytes = 4096 });
        var body = new string('x', 20_000);
        using var request = Post(body, ApiHost.Token);
        if (chunked)
        {
            // No Content-Length: the server finds out while reading.
            request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
            request.Headers.TransferEncodingChunked = true;
        }
        using var r = await host.Client.SendAsync(request);
        await Problem(r, HttpStatusCode.RequestEntityTooLarge, "PAR413");
        host.Store.Counts().Captures.Should().Be(0);
    }

    [Fact]
    public async Task TooManyRequests_Is429WithRetryAfter()
    {
        await using var host = ApiHost.Start([], o => o with { RequestsPerMinute = 3 });
        for (int i = 0; i < 3; i++)
            (await host.Client.GetAsync("api/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var r = await host.Client.GetAsync("api/health");
        await Problem(r, (HttpStatusCode)429, "PAR429");
        r.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task Writes_HaveTheirOwnSmallerLimit()
    {
        await using var host = ApiHost.Start([], o => o with { WritesPerMinute = 1 });
        (await host.Client.SendAsync(Post(Capture, ApiHost.Token))).StatusCode.Should().Be(HttpStatusCode.OK);
        using var r = await host.Client.SendAsync(Post(Capture, ApiHost.Token));
        await Problem(r, (HttpStatusCode)429, "PAR429");
        (await host.Client.GetAsync("api/health")).StatusCode.Should().Be(HttpStatusCode.OK, "reads are not writes");
    }
}
