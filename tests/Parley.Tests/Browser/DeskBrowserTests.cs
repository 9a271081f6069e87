using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace Parley.Tests.Browser;

/// <summary>The analyst's desk in a real browser, on the seed captures.</summary>
public sealed class DeskBrowserTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public DeskBrowserTests(BrowserHost host) => _host = host;

    // A page is ready when its script has drawn it and marked its body, waited for up to a minute: in fresh-clone
    // runs on a two-core machine busy with the other tests, a page (three chart libraries to parse and run) has
    // taken over the 20 s default. Navigations are never waited for through Playwright's load states: a load
    // wait (which WaitForURLAsync falls back to whenever the URL already matches, whatever WaitUntil says) once
    // timed out after a minute with the new page drawn. The URL is polled instead, then the mark.
    private static Task Ready(IPage page) => page.Locator("body[data-ready='1']").WaitForAsync(new() { Timeout = 60_000 });

    private static async Task ReadyAt(IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 60_000 });
        await Ready(page);
    }

    private static async Task Open(IPage page, string url)
    {
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await Ready(page);
    }

    [BrowserFact]
    public async Task Desk_FilteredToKorUsa_DrawsThePanels_AndOpensTheMoonTrumpPhoneCall()
    {
        var errors = new List<string>();
        var page = await _host.NewPageAsync(errors);
        await Open(page, _host.Server.BaseUrl + "/");

        await page.FillAsync("input[name=dyad]", "KOR-USA");
        await page.ClickAsync("#apply");
        await ReadyAt(page, new Regex("dyad=KOR-USA"));

        // Every event in the table is between South Korea and the United States.
        var pairs = await page.Locator("#rows tr.event-row").EvaluateAllAsync<string[]>(
            "rows => rows.map(r => [r.dataset.source.slice(0, 3), r.dataset.target.slice(0, 3)].sort().join('-'))");
        pairs.Should().NotBeEmpty().And.OnlyContain(p => p == "KOR-USA");

        // The dyad chart is drawn: an SVG with bars, and as many categories as the series has buckets.
        (await page.Locator("#chart svg path").CountAsync()).Should().BeGreaterThan(10);
        var barCount = await page.EvaluateAsync<int>("() => window.parley.chart.getOption().series[0].data.length");
        barCount.Should().Be(await page.EvaluateAsync<int>("() => window.parley.points.length")).And.BeGreaterThan(0);
        // The timeline is drawn with one item per dated event.
        var items = await page.Locator("#timeline .vis-item").CountAsync();
        items.Should().BeGreaterThan(0);
        // The network has both governments as nodes on a drawn canvas.
        (await page.Locator("#network canvas").CountAsync()).Should().BeGreaterThan(0);
        (await page.EvaluateAsync<string[]>("() => window.parley.cy.nodes().map(n => n.id())")).Should().Contain(["KORGOV", "USAGOV"]);
        await BrowserHost.ScreenshotAsync(page, "desk-kor-usa");

        // The Moon-Trump phone call of 2018-03-16.
        var call = page.Locator("#rows tr.event-row[data-date='2018-03-16']:is([data-cameo^='041'], [data-cameo^='042'])")
            .Filter(new LocatorFilterOptions { HasText = "Moon Jae-in" })
            .Filter(new LocatorFilterOptions { HasText = "Donald Trump" });
        (await call.CountAsync()).Should().Be(1);
        var id = await call.GetAttributeAsync("data-id");
        await call.Locator("a.event-link").ClickAsync();
        await ReadyAt(page, new Regex("/events/" + Regex.Escape(Uri.EscapeDataString(id!)) + "$"));

        (await page.TextContentAsync("#event-date")).Should().StartWith("2018-03-16");
        (await page.TextContentAsync("#event-cameo")).Should().MatchRegex("^04[12]");
        var title = await page.TextContentAsync("#event h2");
        title.Should().Contain("Moon Jae-in").And.Contain("Donald Trump");
        // The evidence is marked in the mention's sentence and, in place, in the article.
        var evidence = page.Locator("#mentions mark.evidence").First;
        (await evidence.TextContentAsync()).Should().Contain("phone");
        var inArticle = page.Locator(".article[open] .article-body mark.evidence").First;
        await inArticle.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        (await inArticle.TextContentAsync()).Should().Be(await evidence.TextContentAsync());
        // Every mention of the event is marked in its article; the phone call's sentence is one of them.
        (await page.Locator(".article[open] .sentence-hit", new() { HasTextString = "over the phone" }).CountAsync()).Should().Be(1);
        await BrowserHost.ScreenshotAsync(page, "event-moon-trump-phone-call");
        errors.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task Desk_BrushingARangeOnTheChart_FiltersEveryPanel()
    {
        var errors = new List<string>();
        var page = await _host.NewPageAsync(errors);
        await Open(page, _host.Server.BaseUrl + "/?dyad=KOR-USA&bucket=month");
        int before = await page.Locator("#rows tr.event-row").CountAsync();

        // Drag across the left third of the plot area, where the 2018-2019 buckets are.
        var box = (await page.Locator("#chart").BoundingBoxAsync())!;
        float y = box.Y + box.Height * 0.55f;
        await page.Mouse.MoveAsync(box.X + 52, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width * 0.35f, y, new MouseMoveOptions { Steps = 12 });
        await page.Mouse.UpAsync();
        await ReadyAt(page, new Regex("from=\\d{4}-\\d\\d-\\d\\d.*to=\\d{4}-\\d\\d-\\d\\d"));

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        var from = query["from"]!;
        var to = query["to"]!;
        (await page.InputValueAsync("input[name=from]")).Should().Be(from);
        var dates = await page.Locator("#rows tr.event-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.date)");
        dates.Should().NotBeEmpty().And.OnlyContain(d => string.CompareOrdinal(d, from) >= 0 && string.CompareOrdinal(d, to) <= 0);
        dates.Length.Should().BeLessThan(before);
        var timelineIds = await page.EvaluateAsync<string[]>("() => window.parley.timeline.itemsData.getIds()");
        timelineIds.Should().NotBeEmpty();
        var tableIds = await page.Locator("#rows tr.event-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        tableIds.Should().BeSubsetOf(timelineIds, "the timeline shows the same selection as the table");
        await BrowserHost.ScreenshotAsync(page, "desk-brushed-range");
        errors.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task Desk_Permalink_RestoresTheFiltersAndSearchesTheArticles()
    {
        var errors = new List<string>();
        var page = await _host.NewPageAsync(errors);
        await Open(page, _host.Server.BaseUrl + "/?dyad=KOR-USA&cameo=04&q=phone&sort=goldstein:asc");

        (await page.InputValueAsync("input[name=dyad]")).Should().Be("KOR-USA");
        (await page.InputValueAsync("input[name=cameo]")).Should().Be("04");
        (await page.InputValueAsync("input[name=q]")).Should().Be("phone");
        var cameos = await page.Locator("#rows tr.event-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.cameo)");
        cameos.Should().NotBeEmpty().And.OnlyContain(c => c.StartsWith("04"));
        var goldstein = await page.Locator("#rows tr.event-row td.num:nth-of-type(6)").AllTextContentsAsync();
        goldstein.Select(double.Parse).Should().BeInAscendingOrder();
        // Article search shows the matching words marked.
        await page.Locator("#search-panel").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var marks = await page.Locator("#search-hits mark").AllTextContentsAsync();
        marks.Should().NotBeEmpty().And.OnlyContain(m => m.Equals("phone", StringComparison.OrdinalIgnoreCase));
        // The CSV link carries the same filters.
        (await page.GetAttributeAsync("#csv", "href")).Should().Contain("dyad=KOR-USA").And.Contain("cameo=04").And.Contain("format=csv");
        await BrowserHost.ScreenshotAsync(page, "desk-permalink-search");
        errors.Should().BeEmpty();
    }
}
