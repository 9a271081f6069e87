namespace Parley.Pipeline.Extraction;

/// <summary>Article metadata read from an HTML page's JSON-LD, meta tags and links, before the body is chosen.</summary>
internal sealed class PageMetadata
{
    /// <summary>JSON-LD NewsArticle headline.</summary>
    public string? JsonHeadline { get; set; }

    /// <summary>JSON-LD articleBody.</summary>
    public string? JsonBody { get; set; }

    /// <summary>JSON-LD datePublished, as given.</summary>
    public string? JsonPublished { get; set; }

    /// <summary>The datePublished of any JSON-LD node when no article node has one (a WebPage's), as given.</summary>
    public string? JsonAnyPublished { get; set; }

    /// <summary>JSON-LD dateModified, as given.</summary>
    public string? JsonModified { get; set; }

    /// <summary>JSON-LD author names.</summary>
    public List<string> JsonAuthors { get; } = [];

    /// <summary>JSON-LD publisher name.</summary>
    public string? JsonPublisher { get; set; }

    /// <summary>JSON-LD articleSection.</summary>
    public string? JsonSection { get; set; }

    /// <summary>JSON-LD url or mainEntityOfPage.</summary>
    public string? JsonUrl { get; set; }

    /// <summary>Meta tag contents by lower-cased property, name or itemprop; the first of each wins.</summary>
    public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical link.</summary>
    public string? Canonical { get; set; }

    /// <summary>The document title.</summary>
    public string? Title { get; set; }

    /// <summary>The first <c>&lt;h1&gt;</c>'s text.</summary>
    public string? H1 { get; set; }

    /// <summary>The html element's lang attribute.</summary>
    public string? Lang { get; set; }

    /// <summary>The value of the first meta key present among <paramref name="keys"/>.</summary>
    public string? MetaOf(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (Meta.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }
}
