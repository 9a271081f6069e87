using System.Text.Json;
using FluentAssertions;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Extraction;

/// <summary>
/// Golden extraction cases written for the project (<c>Cases/&lt;case&gt;/input.*</c> with <c>expected.json</c>):
/// the article count, metadata, and snippets the bodies must and must not contain. Exact text is too
/// brittle to pin; the snippets say what matters.
/// </summary>
public class ExtractionCaseTests
{
    private static string CasesDir => Path.Combine(Repo.Root, "tests", "Parley.Tests", "Extraction", "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesDir).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_MatchesExpectations(string name)
    {
        var dir = Path.Combine(CasesDir, name);
        var input = Directory.GetFiles(dir, "input.*").Single();
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var e = expected.RootElement;
        var diagnostics = new Diagnostics();
        var articles = new CaptureReader().Read(input, diagnostics).SelectMany(c => new ArticleExtractor().Extract(c, diagnostics)).ToList();

        articles.Should().HaveCount(e.GetProperty("articles").GetInt32());
        var bodies = string.Join("\n\n", articles.Select(a => a.Body));
        foreach (var snippet in e.GetProperty("must_contain").EnumerateArray())
        {
            bodies.Should().Contain(snippet.GetString());
        }

        foreach (var snippet in e.GetProperty("must_not_contain").EnumerateArray())
        {
            bodies.Should().NotContain(snippet.GetString());
            string.Join("\n", articles.Select(a => a.Headline)).Should().NotContain(snippet.GetString());
        }

        if (e.TryGetProperty("headline", out var headline))
        {
            articles[0].Headline.Should().Be(headline.GetString());
        }

        if (e.TryGetProperty("headlines", out var headlines))
        {
            articles.Select(a => a.Headline).Should().Equal(headlines.EnumerateArray().Select(h => h.GetString()));
        }

        if (e.TryGetProperty("outlet", out var outlet))
        {
            articles[0].Outlet.Should().Be(outlet.GetString());
        }

        if (e.TryGetProperty("bylines", out var bylines))
        {
            articles[0].Bylines.Should().Equal(bylines.EnumerateArray().Select(b => b.GetString()));
        }

        if (e.TryGetProperty("published_day", out var day))
        {
            Day(articles[0]).Should().Be(day.GetString());
        }

        if (e.TryGetProperty("published_days", out var days))
        {
            articles.Select(Day).Should().Equal(days.EnumerateArray().Select(d => d.GetString()));
        }
    }

    private static string? Day(Article a) => a.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
