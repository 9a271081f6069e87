using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Parley.Api;
using Parley.Storage;
using Parley.Tests.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Api;

/// <summary>The analysis endpoints served over a PostgreSQL store, as <c>parley serve</c> does for one.</summary>
public sealed class PostgresApiTests(PostgresAnalysisTests.SeedStore seeds) : IClassFixture<PostgresAnalysisTests.SeedStore>
{
    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        using var r = await client.GetAsync(url);
        var text = await r.Content.ReadAsStringAsync();
        r.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [StoreFact]
    public async Task AnalysisEndpoints_AnswerOverPostgres()
    {
        var store = seeds.Store;
        var options = new ApiOptions { Urls = "http://127.0.0.1:0", Token = ApiHost.Token, WebRoot = Path.Combine(Repo.Root, "web") };
        await using var app = ApiServer.Build(store, store, options);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
            var events = (await Get(client, "api/events?dyad=KOR-USA&limit=10000")).GetProperty("events").EnumerateArray().ToList();
            var dated = events.Count(e => e.GetProperty("date").ValueKind == JsonValueKind.String);

            var series = await Get(client, "api/series?dyad=KOR-USA&bucket=week");
            series.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("events").GetInt32()).Should().Be(dated).And.BeGreaterThan(0);

            var network = await Get(client, "api/network?dyad=KOR-USA&level=actor");
            network.GetProperty("edges").EnumerateArray().Sum(e => e.GetProperty("events").GetInt32()).Should().Be(events.Count);

            var timeline = await Get(client, "api/timeline?dyad=KOR-USA&limit=10000");
            timeline.GetProperty("items").EnumerateArray().Should().HaveCount(dated);

            var search = await Get(client, "api/search?q=Trump");
            search.GetProperty("total").GetInt32().Should().BeGreaterThan(0);
            foreach (var hit in search.GetProperty("hits").EnumerateArray())
            {
                var snippet = hit.GetProperty("snippet").GetString()!;
                hit.GetProperty("highlights").EnumerateArray()
                    .Select(h => snippet[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()])
                    .Should().NotBeEmpty().And.OnlyContain(w => w.Equals("Trump", StringComparison.OrdinalIgnoreCase));
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
