using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Api;

/// <summary>Every endpoint of the HTTP API, on the real server over the seed captures.</summary>
public sealed class ApiTests : IClassFixture<SeedApi>
{
    private readonly ApiHost _host;

    public ApiTests(SeedApi seeds) => _host = seeds.Host;

    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var r = await _host.Client.GetAsync(url);
        var text = await r.Content.ReadAsStringAsync();
        r.StatusCode.Should().Be(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Events(JsonElement page) => page.GetProperty("events").EnumerateArray();

    private static string Country(JsonElement actor) => actor.GetProperty("code").GetString()![..3];

    [Fact]
    public async Task Health_CountsWhatTheStoreHolds()
    {
        var j = await GetJson("api/health");
        j.GetProperty("events").GetInt64().Should().Be(_host.Store.Counts().Events).And.BeGreaterThan(0);
        j.GetProperty("articles").GetInt64().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Events_DyadFilter_KeepsOnlyThatPairAndCountsTheTotal()
    {
        var j = await GetJson("api/events?dyad=KOR-USA&limit=10000");
        var events = Events(j).ToList();
        events.Should().NotBeEmpty();
        events.Should().OnlyContain(e => new[] { Country(e.GetProperty("source")), Country(e.GetProperty("target")) }.OrderBy(c => c).SequenceEqual(new[] { "KOR", "USA" }));
        j.GetProperty("total").GetInt64().Should().Be(events.Count);
        var all = Events(await GetJson("api/events?limit=10000")).Count();
        all.Should().BeGreaterThan(events.Count, "the seeds also hold events with North Korea, Japan and others");
    }

    [Fact]
    public async Task Events_Paging_GivesDisjointPagesAndTheSameTotal()
    {
        var first = await GetJson("api/events?limit=3");
        var second = await GetJson("api/events?limit=3&offset=3");
        var a = Events(first).Select(e => e.GetProperty("id").GetString()).ToList();
        var b = Events(second).Select(e => e.GetProperty("id").GetString()).ToList();
        a.Should().HaveCount(3);
        b.Should().HaveCount(3).And.NotIntersectWith(a);
        second.GetProperty("total").GetInt64().Should().Be(first.GetProperty("total").GetInt64());
        second.GetProperty("offset").GetInt32().Should().Be(3);
    }

    [Theory]
    [InlineData("country=PRK", "country")]
    [InlineData("cameo=041", "cameo")]
    [InlineData("quad=1", "quad")]
    [InlineData("plover=consult", "plover")]
    [InlineData("from=2019-03-01&to=2019-03-31", "range")]
    [InlineData("actor=Pompeo", "actor")]
    [InlineData("outlet=Yonhap", "outlet")]
    [InlineData("q=phone", "text")]
    public async Task Events_EachFilter_SelectsOnlyMatchingEvents(string query, string kind)
    {
        var events = Events(await GetJson("api/events?limit=10000&" + query)).ToList();
        events.Should().NotBeEmpty($"the seeds hold events for {query}");
        foreach (var e in events)
        {
            switch (kind)
            {
                case "country": new[] { Country(e.GetProperty("source")), Country(e.GetProperty("target")) }.Should().Contain("PRK"); break;
                case "cameo": e.GetProperty("cameo").GetString().Should().StartWith("041"); break;
                case "quad": e.GetProperty("quad_class").GetInt32().Should().Be(1); break;
                case "plover": e.GetProperty("plover").GetString().Should().Be("CONSULT"); break;
                case "range": e.GetProperty("date").GetString().Should().StartWith("2019-03"); break;
                case "actor":
                    (e.GetProperty("source").GetProperty("name").GetString() + e.GetProperty("target").GetProperty("name").GetString()).Should().Contain("Pompeo");
                    break;
                case "outlet": e.GetProperty("mentions").EnumerateArray().Should().Contain(m => m.GetProperty("outlet").GetString() == "Yonhap"); break;
                case "text": break;
            }
        }
        if (kind == "text")
        {
            // Every event's reporting article contains the word: check through the article endpoint.
            foreach (var e in events)
            {
                var bodies = new List<string>();
                foreach (var m in e.GetProperty("mentions").EnumerateArray())
                {
                    var art = await GetJson("api/articles/" + Uri.EscapeDataString(m.GetProperty("article").GetString()!));
                    bodies.Add(art.GetProperty("headline").GetString() + " " + art.GetProperty("body").GetString());
                }
                bodies.Should().Contain(b => System.Text.RegularExpressions.Regex.IsMatch(b, @"\bphone\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
            }
        }
    }

    [Fact]
    public async Task Events_Csv_HasAHeaderAndOneRowPerEvent()
    {
        using var r = await _host.Client.GetAsync("api/events?dyad=KOR-USA&format=csv");
        r.StatusCode.Should().Be(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var text = await r.Content.ReadAsStringAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("id,date,date_basis,source_text,source_name,source_code");
        var json = await GetJson("api/events?dyad=KOR-USA&limit=10000");
        var ids = Events(json).Select(e => e.GetProperty("id").GetString()!).ToList();
        ids.Should().OnlyContain(id => lines.Any(l => l.StartsWith(id + ",")));
        // Rows may hold quoted line breaks, so count rows by their leading event id.
        lines.Count(l => l.StartsWith("ev")).Should().Be(ids.Count);
    }

    [Theory]
    [InlineData("api/events?from=2018-13-01", "from")]
    [InlineData("api/events?to=yesterday", "to")]
    [InlineData("api/events?from=2019-01-02&to=2019-01-01", "from")]
    [InlineData("api/events?dyad=KOREA", "dyad")]
    [InlineData("api/events?country=Korea", "country")]
    [InlineData("api/events?quad=5", "quad")]
    [InlineData("api/events?cameo=consult", "cameo")]
    [InlineData("api/events?plover=DROP%20TABLE", "plover")]
    [InlineData("api/events?limit=0", "limit")]
    [InlineData("api/events?limit=99999", "limit")]
    [InlineData("api/events?offset=-1", "offset")]
    [InlineData("api/events?modality=maybe", "modality")]
    [InlineData("api/events?format=xml", "format")]
    [InlineData("api/series?bucket=year", "bucket")]
    [InlineData("api/series?dyad=K-U", "dyad")]
    [InlineData("api/network?level=galaxy", "level")]
    [InlineData("api/network?max_edges=0", "max_edges")]
    [InlineData("api/timeline?from=03/16/2018", "from")]
    [InlineData("api/search", "q")]
    [InlineData("api/search?q=phone&limit=abc", "limit")]
    public async Task BadParameter_IsACoded400Problem(string url, string key)
    {
        using var r = await _host.Client.GetAsync(url);
        r.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        r.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var j = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        j.GetProperty("status").GetInt32().Should().Be(400);
        j.GetProperty("code").GetString().Should().Be("PAR400");
        j.GetProperty("detail").GetString().Should().Contain($"'{key}'");
    }

    [Fact]
    public async Task Event_ById_HasItsMentionsAndEvidence()
    {
        var phone = Events(await GetJson("api/events?dyad=KOR-USA&cameo=041&from=2018-03-16&to=2018-03-16")).First();
        var e = await GetJson("api/events/" + phone.GetProperty("id").GetString());
        e.GetProperty("id").GetString().Should().Be(phone.GetProperty("id").GetString());
        var m = e.GetProperty("mentions").EnumerateArray().First();
        var sentence = m.GetProperty("sentence").GetString()!;
        m.GetProperty("evidence").GetString().Should().Be(sentence[m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()]).And.Contain("phone");
    }

    [Theory]
    [InlineData("api/events/ev0000000000000000")]
    [InlineData("api/articles/no-such-article")]
    [InlineData("api/no-such-endpoint")]
    public async Task Unknown_IsACoded404Problem(string url)
    {
        var j = await GetJson(url, HttpStatusCode.NotFound);
        j.GetProperty("code").GetString().Should().Be("PAR404");
    }

    [Fact]
    public async Task Article_ById_HasTheBodyThatHoldsTheEvidenceSentence()
    {
        var e = Events(await GetJson("api/events?limit=1")).First();
        var m = e.GetProperty("mentions").EnumerateArray().First();
        var a = await GetJson("api/articles/" + Uri.EscapeDataString(m.GetProperty("article").GetString()!));
        a.GetProperty("body").GetString().Should().Contain(m.GetProperty("sentence").GetString());
        a.GetProperty("headline").GetString().Should().Be(m.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Search_FindsArticlesAndMarksTheWords()
    {
        var j = await GetJson("api/search?q=phone%20Trump");
        j.GetProperty("total").GetInt32().Should().BeGreaterThan(0);
        foreach (var hit in j.GetProperty("hits").EnumerateArray())
        {
            var snippet = hit.GetProperty("snippet").GetString()!;
            var marked = hit.GetProperty("highlights").EnumerateArray()
                .Select(h => snippet[h.GetProperty("start").GetInt32()..h.GetProperty("end").GetInt32()].ToLowerInvariant()).ToList();
            marked.Should().NotBeEmpty().And.OnlyContain(w => w == "phone" || w == "trump");
        }
    }

    [Theory]
    [InlineData("NEAR(a b")]
    [InlineData("\"unbalanced")]
    [InlineData("U.S. - * OR")]
    public async Task Search_QuerySyntaxInTheWords_IsReadLiterally(string q)
    {
        var j = await GetJson("api/search?q=" + Uri.EscapeDataString(q));
        j.GetProperty("total").GetInt32().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Series_SumsToTheDatedEventsAndStepsByMonth()
    {
        var j = await GetJson("api/series?dyad=KOR-USA&bucket=month");
        j.GetProperty("bucket").GetString().Should().Be("month");
        var points = j.GetProperty("points").EnumerateArray().ToList();
        var starts = points.Select(p => DateOnly.Parse(p.GetProperty("start").GetString()!)).ToList();
        starts.Should().OnlyContain(d => d.Day == 1);
        starts.Zip(starts.Skip(1)).Should().OnlyContain(p => p.First.AddMonths(1) == p.Second, "buckets run without gaps");
        var dated = Events(await GetJson("api/events?dyad=KOR-USA&limit=10000")).Where(e => e.GetProperty("date").ValueKind == JsonValueKind.String).ToList();
        points.Sum(p => p.GetProperty("events").GetInt32()).Should().Be(dated.Count);
        foreach (var p in points)
        {
            int n = p.GetProperty("events").GetInt32();
            (p.GetProperty("verbal_cooperation").GetInt32() + p.GetProperty("material_cooperation").GetInt32()
                + p.GetProperty("verbal_conflict").GetInt32() + p.GetProperty("material_conflict").GetInt32()).Should().Be(n);
            var month = p.GetProperty("start").GetString()![..7];
            var inMonth = dated.Where(e => e.GetProperty("date").GetString()!.StartsWith(month)).ToList();
            inMonth.Should().HaveCount(n);
            p.GetProperty("goldstein_sum").GetDouble().Should().BeApproximately(inMonth.Sum(e => e.GetProperty("goldstein").GetDouble()), 0.001);
        }
    }

    [Fact]
    public async Task Network_EdgeWeightsAreEventCounts()
    {
        var j = await GetJson("api/network?dyad=KOR-USA&level=actor");
        var events = Events(await GetJson("api/events?dyad=KOR-USA&limit=10000")).ToList();
        var edges = j.GetProperty("edges").EnumerateArray().ToList();
        edges.Sum(e => e.GetProperty("events").GetInt32()).Should().Be(events.Count);
        var top = edges.First();
        var members = events.Where(e => e.GetProperty("source").GetProperty("code").GetString() == top.GetProperty("source").GetString()
                                     && e.GetProperty("target").GetProperty("code").GetString() == top.GetProperty("target").GetString()).ToList();
        top.GetProperty("events").GetInt32().Should().Be(members.Count);
        top.GetProperty("goldstein_mean").GetDouble().Should().BeApproximately(members.Average(e => e.GetProperty("goldstein").GetDouble()), 0.001);
        j.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).Should().Contain(["KORGOV", "USAGOV"]);
    }

    [Fact]
    public async Task Timeline_ForAnActor_IsDatedOldestFirst()
    {
        var j = await GetJson("api/timeline?actor=Moon");
        var items = j.GetProperty("items").EnumerateArray().ToList();
        items.Should().NotBeEmpty();
        j.GetProperty("total").GetInt64().Should().Be(items.Count);
        var dates = items.Select(i => i.GetProperty("date").GetString()!).ToList();
        dates.Should().BeInAscendingOrder(StringComparer.Ordinal);
        items.Should().OnlyContain(i => (i.GetProperty("source").GetProperty("name").GetString() + i.GetProperty("target").GetProperty("name").GetString()).Contains("Moon"));
    }

    [Fact]
    public async Task OpenApi_ListsEveryEndpointWithItsFilters()
    {
        var doc = await GetJson("openapi/v1.json");
        var paths = doc.GetProperty("paths");
        var routes = _host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/") && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>() is not null
                        && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();
        routes.Should().HaveCountGreaterThanOrEqualTo(9);
        foreach (var route in routes)
        {
            var path = route.RoutePattern.RawText!;
            paths.TryGetProperty(path, out var item).Should().BeTrue($"{path} is served");
            foreach (var method in route.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
                item.TryGetProperty(method.ToLowerInvariant(), out _).Should().BeTrue($"{method} {path} is served");
        }
        var parameters = paths.GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        parameters.Should().Contain(Parley.Storage.EventFilters.Keys.Select(k => k.Name));
    }

    [Fact]
    public async Task Ui_PagesAndLibrariesAreServed()
    {
        (await _host.Client.GetStringAsync("")).Should().Contain("<title>Parley");
        (await _host.Client.GetStringAsync("events/ev0")).Should().Contain("/js/event.js");
        using var lib = await _host.Client.GetAsync("lib/not-allowed.js");
        lib.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var traversal = await _host.Client.GetAsync("lib/..%2F..%2Fpackage.json");
        traversal.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
