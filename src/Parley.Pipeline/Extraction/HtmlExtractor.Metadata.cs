using System.Collections.Frozen;
using System.Text.Json;
using AngleSharp.Dom;

namespace Parley.Pipeline.Extraction;

/// <summary>Metadata: JSON-LD, meta tags, canonical link, time elements.</summary>
public sealed partial class HtmlExtractor
{
    private static readonly FrozenSet<string> ArticleTypes = FrozenSet.ToFrozenSet(
    [
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "WebPage",
    ], StringComparer.OrdinalIgnoreCase);

    private static PageMetadata ReadMetadata(IDocument document, List<string> jsonLd)
    {
        var meta = new PageMetadata
        {
            Title = TextLines.Normalize(document.Title ?? ""),
            Lang = document.DocumentElement?.GetAttribute("lang"),
        };
        foreach (var json in jsonLd)
        {
            ReadJsonLd(json, meta);
        }

        foreach (var tag in document.QuerySelectorAll("meta"))
        {
            var key = tag.GetAttribute("property") ?? tag.GetAttribute("name") ?? tag.GetAttribute("itemprop");
            var value = tag.GetAttribute("content") ?? tag.GetAttribute("datetime");
            if (!string.IsNullOrWhiteSpace(key) && value is not null)
            {
                meta.Meta.TryAdd(key.Trim(), value);
            }
        }

        meta.Canonical = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
        var h1 = document.QuerySelector("article h1") ?? document.QuerySelector("h1");
        meta.H1 = h1 is null ? null : TextLines.Normalize(h1.TextContent);
        return meta;
    }

    /// <summary>
    /// Parses the first JSON value of a script: hand-written JSON-LD blocks often carry a stray closing
    /// brace or a second object after the first, and the first value is still the page's.
    /// </summary>
    private static JsonDocument ParseFirstValue(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json),
            new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        return JsonDocument.ParseValue(ref reader);
    }

    private static void ReadJsonLd(string json, PageMetadata meta)
    {
        try
        {
            using var doc = ParseFirstValue(json);
            meta.JsonAnyPublished ??= AnyDatePublished(doc.RootElement, depth: 0);
            var article = FindArticle(doc.RootElement, depth: 0);
            if (article is not { } a)
            {
                return;
            }

            meta.JsonHeadline ??= StringOf(a, "headline") ?? StringOf(a, "name");
            meta.JsonBody ??= StringOf(a, "articleBody");
            meta.JsonPublished ??= StringOf(a, "datePublished") ?? StringOf(a, "dateCreated");
            meta.JsonModified ??= StringOf(a, "dateModified");
            meta.JsonSection ??= StringOf(a, "articleSection");
            meta.JsonUrl ??= StringOf(a, "url") ?? StringOf(a, "mainEntityOfPage");
            meta.JsonPublisher ??= StringOf(a, "publisher");
            if (meta.JsonAuthors.Count == 0 && a.TryGetProperty("author", out var author))
            {
                foreach (var name in Names(author))
                {
                    meta.JsonAuthors.Add(name);
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; the meta tags and the DOM still give what it would have.
        }
    }

    /// <summary>The first datePublished of any node (a Yoast WebPage carries the page's own), depth first.</summary>
    private static string? AnyDatePublished(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (AnyDatePublished(item, depth + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (StringOf(element, "datePublished") is { } date)
        {
            return date;
        }

        return element.TryGetProperty("@graph", out var graph) ? AnyDatePublished(graph, depth + 1) : null;
    }

    private static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            JsonElement? page = null;
            foreach (var item in element.EnumerateArray())
            {
                if (FindArticle(item, depth + 1) is { } found)
                {
                    if (!IsType(found, "WebPage"))
                    {
                        return found;
                    }

                    page ??= found;
                }
            }

            return page;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            return FindArticle(graph, depth + 1);
        }

        if (element.TryGetProperty("@type", out var type) && TypeNames(type).Any(ArticleTypes.Contains))
        {
            // A WebPage counts only when it carries article fields (some sites put them there).
            if (!IsType(element, "WebPage") || element.TryGetProperty("headline", out _) || element.TryGetProperty("articleBody", out _))
            {
                return element;
            }
        }

        return element.TryGetProperty("mainEntity", out var main) ? FindArticle(main, depth + 1) : null;
    }

    private static bool IsType(JsonElement element, string name) =>
        element.TryGetProperty("@type", out var type) && TypeNames(type).All(t => t.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> TypeNames(JsonElement type) =>
        type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToArray(),
            _ => [],
        };

    /// <summary>A property as text: a string, the first string of an array, or an object's name / @id / url.</summary>
    private static string? StringOf(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value))
        {
            return null;
        }

        return Scalar(value);
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => NullIfBlank(value.GetString()),
        JsonValueKind.Array => value.EnumerateArray().Select(Scalar).FirstOrDefault(s => s is not null),
        JsonValueKind.Object => (value.TryGetProperty("name", out var n) ? Scalar(n) : null)
            ?? (value.TryGetProperty("@id", out var id) ? Scalar(id) : null)
            ?? (value.TryGetProperty("url", out var u) ? Scalar(u) : null),
        _ => null,
    };

    private static IEnumerable<string> Names(JsonElement author)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in author.EnumerateArray())
                {
                    foreach (var inner in Names(item))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.String:
                if (NullIfBlank(author.GetString()) is { } s && !IsUrl(s))
                {
                    yield return TextLines.Normalize(s);
                }

                break;
            case JsonValueKind.Object:
                if (author.TryGetProperty("name", out var name) && Scalar(name) is { } n && !IsUrl(n))
                {
                    yield return TextLines.Normalize(n);
                }

                break;
        }
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static bool IsUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || s.StartsWith('/');
}
