using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Finds an HTML page's publication time. Never the page's clock, a copyright year or a comment
/// date: comments, footers and widgets are skipped, and dates after the capture are ignored.
/// </summary>
/// <remarks>
/// The cascade, strongest evidence first; the first step that yields a valid date wins and is
/// recorded in <see cref="PublicationDate.Basis"/>:
/// <list type="number">
/// <item><c>json-ld</c>: the article's <c>datePublished</c> (or <c>dateCreated</c>);</item>
/// <item><c>meta</c>: publication meta tags (<c>article:published_time</c>, Dublin Core, Parse.ly, Sailthru...);</item>
/// <item><c>itemprop</c>: an element marked <c>itemprop="datePublished"</c>;</item>
/// <item><c>url</c>: a full date in the URL path (<c>/2019/08/21/</c>, <c>20190821</c>);</item>
/// <item><c>time</c>: a <c>&lt;time&gt;</c> element with a <c>datetime</c> attribute, outside comments and widgets;</item>
/// <item><c>element</c>: the text of an element whose class or id says date/published/posted/meta;</item>
/// <item><c>text</c>: a "Posted: ..."/"Published ..." phrase or a date near the top of the page text;</item>
/// <item><c>modified</c>: the page's modification meta tags, when nothing else dated it.</item>
/// </list>
/// </remarks>
public static partial class PublicationDateFinder
{
    /// <summary>Meta keys that name the publication time, most specific first.</summary>
    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:published_time", "article:published", "datePublished", "date_published", "published_time",
        "publishdate", "publish-date", "publish_date", "publication_date", "publication-date", "pubdate", "pub_date",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "dc:date",
        "sailthru.date", "parsely-pub-date", "article.published", "article_date_original", "cxenseparse:recs:publishtime",
        "originalpublicationdate", "original-publish-date", "date", "created", "citation_publication_date", "citation_date",
        "og:article:published_time", "bt:pubdate", "rnews:datepublished", "displaydate", "dc.created", "eomportal-lastupdate",
        "ptime", "timestamp", "published", "creation_date",
    ];

    /// <summary>Meta keys that name the last modification.</summary>
    private static readonly string[] ModifiedKeys =
    [
        "article:modified_time", "og:updated_time", "dateModified", "article:modified", "last-modified", "lastmod", "dcterms.modified",
        "dc.date.modified", "utime", "revised", "modified",
    ];

    /// <summary>Finds the publication time of <paramref name="document"/>.</summary>
    /// <param name="document">The parsed page.</param>
    /// <param name="jsonPublished">The JSON-LD article's datePublished, if any.</param>
    /// <param name="jsonModified">The JSON-LD article's dateModified, if any.</param>
    /// <param name="meta">The page's meta tags by key.</param>
    /// <param name="url">The page URL, for a date in its path.</param>
    /// <param name="defaultOffset">The offset of times printed without one.</param>
    /// <param name="latest">Dates after this are not publication dates (the capture time); null for no bound.</param>
    /// <returns>The date with the text it came from and its basis, or null.</returns>
    internal static PublicationDate? Find(IDocument document, string? jsonPublished, string? jsonModified,
        IReadOnlyDictionary<string, string> meta, string? url, TimeSpan? defaultOffset, DateTimeOffset? latest)
    {
        bool Valid(DateTimeOffset d) => latest is not { } l || d <= l.AddDays(1);

        PublicationDate? Try(string? text, string basis)
        {
            if (text is not null && PublishedDateParser.TryParse(text, defaultOffset, out var value) && Valid(value))
            {
                return new PublicationDate(value, text.Trim(), basis);
            }

            return null;
        }

        if (Try(jsonPublished, "json-ld") is { } fromJson)
        {
            return fromJson;
        }

        foreach (var key in PublishedKeys)
        {
            if (meta.TryGetValue(key, out var value) && Try(value, "meta") is { } fromMeta)
            {
                return fromMeta;
            }
        }

        foreach (var element in document.QuerySelectorAll("[itemprop='datePublished'], [itemprop='datepublished'], [itemprop='dateCreated']"))
        {
            var text = element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.TextContent;
            if (Try(text, "itemprop") is { } fromItemprop)
            {
                return fromItemprop;
            }
        }

        if (PublishedDateParser.FromUrl(url) is { } day)
        {
            var value = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), defaultOffset ?? TimeSpan.Zero);
            if (Valid(value))
            {
                return new PublicationDate(value, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "url");
            }
        }

        foreach (var time in document.QuerySelectorAll("time"))
        {
            if (InWidget(time))
            {
                continue;
            }

            if (Try(time.GetAttribute("datetime"), "time") is { } fromTime)
            {
                return fromTime;
            }

            if (Try(TextLines.Normalize(time.TextContent), "time") is { } fromTimeText)
            {
                return fromTimeText;
            }
        }

        foreach (var element in document.QuerySelectorAll("[class], [id]"))
        {
            if (!DateClass().IsMatch(element.ClassName + " " + element.Id) || InWidget(element))
            {
                continue;
            }

            var text = element.GetAttribute("title") is { } title && title.Length < 80 ? title + " " : "";
            text += TextLines.Normalize(element.TextContent);
            if (text.Length <= 120 && Try(text, "element") is { } fromElement)
            {
                return fromElement;
            }
        }

        if (document.Body is { } body)
        {
            var text = body.TextContent;
            foreach (Match m in PostedPhrase().Matches(text.Length > 200_000 ? text[..200_000] : text))
            {
                if (Try(m.Groups["date"].Value, "text") is { } fromText)
                {
                    return fromText;
                }
            }
        }

        if (Try(jsonModified, "modified") is { } fromJsonModified)
        {
            return fromJsonModified;
        }

        foreach (var key in ModifiedKeys)
        {
            if (meta.TryGetValue(key, out var value) && Try(value, "modified") is { } fromModified)
            {
                return fromModified;
            }
        }

        return null;
    }

    /// <summary>True inside comments, footers, sidebars and related-article lists, whose dates are not the page's.</summary>
    private static bool InWidget(IElement element)
    {
        for (var e = element; e is not null && e.LocalName != "body"; e = e.ParentElement)
        {
            if (e.LocalName is "footer" or "aside" or "nav")
            {
                return true;
            }

            if (WidgetClass().IsMatch(e.ClassName + " " + e.Id))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:^|[\s_-])(?:comment|comments|reply|respond|sidebar|widget|related|footer|recent|popular|teaser|archive|calendar)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex WidgetClass();

    [GeneratedRegex(@"date|time|publish|posted|byline|meta|dateline|entry-info|post-info|submitted|datum", RegexOptions.IgnoreCase)]
    private static partial Regex DateClass();

    [GeneratedRegex(@"(?:Posted|Published|Publié|Veröffentlicht|Erstellt|Datum|Date|Updated|Stand)\s*(?:on|am|le|:)?\s*:?\s*(?<date>[^\n]{6,60})", RegexOptions.IgnoreCase)]
    private static partial Regex PostedPhrase();
}

/// <summary>A page's publication time and where it came from.</summary>
/// <param name="Value">The instant.</param>
/// <param name="Text">The text it was parsed from.</param>
/// <param name="Basis">The cascade step that found it (json-ld, meta, itemprop, url, time, element, text, modified).</param>
public sealed record PublicationDate(DateTimeOffset Value, string Text, string Basis);
