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
        "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "article.published", "article_date_original", "cxenseparse:recs:publishtime",
        "originalpublicationdate", "original-publish-date", "created", "citation_publication_date", "citation_date",
        "og:article:published_time", "bt:pubdate", "rnews:datepublished", "displaydate", "dc.created", "eomportal-lastupdate",
        "ptime", "timestamp", "published", "creation_date",
    ];

    /// <summary>
    /// Meta keys that say only "date": many CMSs fill them with the time the page was generated or last
    /// saved, so a <c>&lt;time&gt;</c> element of the story outranks them.
    /// </summary>
    private static readonly string[] GenericDateKeys = ["dc.date", "dcterms.date", "dc:date", "date"];

    /// <summary>Microdata and RDFa properties of a publication time on any element.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> PublishedProperties = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["datePublished", "dateCreated", "schema:datePublished", "schema:dateCreated", "dc:date", "dc:created", "dcterms:created", "dcterms:issued", "article:published_time"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Meta keys of the page's main image.</summary>
    private static readonly string[] ImageKeys = ["og:image", "twitter:image", "og:image:secure_url"];

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
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(meta);
        var found = FindInPage(document, jsonPublished, jsonModified, meta, url, defaultOffset, latest);
        return found is null ? null : AgreeWithUrl(ToLocal(found, document, meta, url), url);
    }

    /// <summary>
    /// A CMS writes the day into the URL path ("/2017/7/12/") when the story is first published, and keeps
    /// the URL when the story is republished or its structured dates are rewritten; so a found day more than
    /// one day from that path's day (one day is left to time zones) gives way to the path.
    /// </summary>
    private static PublicationDate AgreeWithUrl(PublicationDate found, string? url)
    {
        if (found.Basis == "url" || PublishedDateParser.FromUrlPath(url) is not { } day
            || Math.Abs(DateOnly.FromDateTime(found.Value.DateTime).DayNumber - day.DayNumber) <= 1)
        {
            return found;
        }

        return new PublicationDate(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "url");
    }

    /// <summary>
    /// Restates a time stamped in UTC ("2023-11-09T01:09:55Z") in the page's own zone, as the day a
    /// page was published is the day its readers saw: the zone comes from the page's locale, host or
    /// language (<see cref="PageZones"/>), and a full date in the URL one day off settles it. Midnight UTC is
    /// a bare date written as a time and stays.
    /// </summary>
    private static PublicationDate ToLocal(PublicationDate found, IDocument document, IReadOnlyDictionary<string, string> meta, string? url)
    {
        if (found.Basis is "url" or "page" || !UtcStamp().IsMatch(found.Text) || found.Value.TimeOfDay == TimeSpan.Zero)
        {
            return found;
        }

        // The page's own <time> for the same instant says how its readers saw it: with its offset
        // ("2023-11-08T22:35:29-08:00"), or printed as a day ("Oct 10, 2023") that is the UTC day.
        foreach (var time in document.GetElementsByTagName("time"))
        {
            if (!PublishedDateParser.TryParse(time.GetAttribute("datetime"), null, out var same) || same != found.Value)
            {
                continue;
            }

            if (same.Offset != TimeSpan.Zero)
            {
                return found with { Value = found.Value.ToOffset(same.Offset) };
            }

            if (PublishedDateParser.TryParse(TextLines.Normalize(time.TextContent), null, out var printed)
                && printed.Date == found.Value.UtcDateTime.Date)
            {
                return found;
            }
        }

        var value = found.Value;
        var locale = meta.TryGetValue("og:locale", out var l) ? l : null;
        if (PageZones.Guess(document.DocumentElement?.GetAttribute("lang"), locale, url) is { } zone)
        {
            value = TimeZoneInfo.ConvertTime(value, zone);
        }

        // The CMS writes the URL in local time: a full date there one day off the stamp settles the zone.
        if (PublishedDateParser.FromUrl(url) is { } urlDay && Math.Abs(DateOnly.FromDateTime(value.DateTime).DayNumber - urlDay.DayNumber) == 1)
        {
            return new PublicationDate(new DateTimeOffset(urlDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                urlDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "url");
        }

        return found with { Value = value };
    }

    private static PublicationDate? FindInPage(IDocument document, string? jsonPublished, string? jsonModified,
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

        foreach (var element in document.QuerySelectorAll("[itemprop], [property]"))
        {
            var name = element.GetAttribute("itemprop") ?? element.GetAttribute("property");
            if (name is null || !PublishedProperties.Contains(name.Trim()) || element.LocalName == "meta")
            {
                continue;
            }

            var text = element.GetAttribute("datetime") ?? element.GetAttribute("content") ?? element.GetAttribute("title") ?? TextLines.Normalize(element.TextContent);
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

        // Site-specific keys that still say what they are: "shareaholic:article_published_time", "five_hundred_pixels:uploaded_at".
        foreach (var (key, value) in meta)
        {
            if (PublishedKeyLike().IsMatch(key) && Try(value, "meta") is { } fromKey)
            {
                return fromKey;
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

        foreach (var key in GenericDateKeys)
        {
            if (meta.TryGetValue(key, out var value) && Try(value, "meta") is { } fromGeneric)
            {
                return fromGeneric;
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
            if (text.Length <= 120 && !PageClock().IsMatch(text) && Try(text, "element") is { } fromElement)
            {
                return fromElement;
            }
        }

        if (document.Body is { } body)
        {
            var text = VisibleText(body);
            foreach (Match m in PostedPhrase().Matches(text))
            {
                // The date must follow the word closely: "Stand der Technik vom 09.03.2016" is not a posting date.
                var phrase = m.Groups["date"].Value;
                var first = PublishedDateParser.FindDates(phrase).FirstOrDefault(d => d.Index <= MaxPhraseGap);
                if (first.Date != default && Try(phrase[first.Index..], "text") is { } fromText)
                {
                    return fromText;
                }
            }

            // A page that says nowhere when it was published but when it was last changed ("Aktualisiert: 30.12.2016",
            // a wiki's "This page was last edited on ..."), often in its footer: that is its date, and a better one than
            // the first date in its text.
            if (UpdatedOn(body, Try) is { } fromUpdate)
            {
                return fromUpdate;
            }

            foreach (var (date, index) in PublishedDateParser.FindDates(text))
            {
                var value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), defaultOffset ?? TimeSpan.Zero);
                if (Valid(value))
                {
                    return new PublicationDate(value, text.Substring(index, Math.Min(40, text.Length - index)).Trim(), "page");
                }
            }
        }

        // An image uploaded by a CMS into a dated folder (og:image ".../2016/05/04/cover.png") dates the page it was made for.
        foreach (var key in ImageKeys)
        {
            if (meta.TryGetValue(key, out var image) && PublishedDateParser.FromUrl(image) is { } imageDay)
            {
                return new PublicationDate(new DateTimeOffset(imageDay.ToDateTime(TimeOnly.MinValue), defaultOffset ?? TimeSpan.Zero),
                    imageDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "image");
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

    /// <summary>The first "last updated" phrase of the whole body, footers included, whose date follows closely.</summary>
    private static PublicationDate? UpdatedOn(IElement body, Func<string?, string, PublicationDate?> tryParse)
    {
        var text = body.TextContent;
        if (text.Length > MaxScanChars * 4)
        {
            text = text[..(MaxScanChars * 4)];
        }

        foreach (Match m in UpdatedPhrase().Matches(text))
        {
            var phrase = m.Groups["date"].Value;
            var first = PublishedDateParser.FindDates(phrase).FirstOrDefault(d => d.Index <= MaxPhraseGap);
            if (first.Date != default && tryParse(phrase[first.Index..], "updated") is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Most characters between "Posted"/"Veröffentlicht am" and its date ("on Tuesday, " is 13).</summary>
    private const int MaxPhraseGap = 16;

    /// <summary>Most characters of page text scanned for dates: a date past the first 100,000 is not the page's.</summary>
    private const int MaxScanChars = 100_000;

    /// <summary>The page's text outside scripts, navigation, footers, asides and widgets, in document order, one line per block.</summary>
    private static string VisibleText(IElement body)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(body);
        while (stack.Count > 0 && sb.Length < MaxScanChars)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                sb.Append(t.Data);
                continue;
            }

            if (node is not IElement e)
            {
                continue;
            }

            if (e.LocalName is "script" or "style" or "noscript" or "template" or "footer" or "nav" or "aside" or "select" or "svg"
                || (e != body && WidgetClass().IsMatch(e.ClassName + " " + e.Id)))
            {
                continue;
            }

            sb.Append('\n');
            for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push(e.ChildNodes[i]);
            }
        }

        return sb.ToString();
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

            if (e.LocalName is not ("main" or "article") && WidgetClass().IsMatch(e.ClassName + " " + e.Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A class or id token that starts with a widget word ("comment-list", "sidebar", "related_posts") or marks an embedded
    /// social post ("instagram-media", "twitter-tweet"); "has-sidebar" is layout, not a widget.</summary>
    [GeneratedRegex(@"(?:^|\s)(?:comment|comments|reply|respond|sidebar|related|footer|recent|popular|archive|calendar|instagram|twitter|tiktok|embed)(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex WidgetClass();

    /// <summary>A meta key naming a publication or upload time in a site's own vocabulary.</summary>
    [GeneratedRegex(@"(?:publish(?:ed)?|pub|upload(?:ed)?|creat(?:ed|ion)|release|issued?)[_:.-]?(?:date|time|at|on)\b|(?:^|[:_.])(?:date[_:.-]?(?:published|created|posted))|[:_.](?:published|uploaded|created|posted|issued)$", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedKeyLike();

    /// <summary>The page's clock or the reader's last visit, never the publication: "Aktuelle Zeit: 14.10.2020", "Today is ...".</summary>
    [GeneratedRegex(@"\b(?:Aktuelle Zeit|Heute ist|Today is|Current time|Letzter Besuch|Last visit|It is currently|Es ist)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PageClock();

    /// <summary>A time that says it is in UTC: "Z", "+00:00", "UTC", "GMT".</summary>
    [GeneratedRegex(@"[0-9](?:Z|[+-]00:?00)$|\b(?:UTC|GMT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UtcStamp();

    [GeneratedRegex(@"date|time|publish|posted|byline|meta|dateline|entry-info|post-info|submitted|datum", RegexOptions.IgnoreCase)]
    private static partial Regex DateClass();

    /// <summary>"Last updated: ...", "Aktualisiert: ...", "Letzte Änderung: ...", "Stand: ...", "zuletzt am ... geändert", "last edited on ...".</summary>
    [GeneratedRegex(@"\b(?:Last (?:updated|modified|edited|changed)(?: on)?|Updated|Aktualisiert|Zuletzt aktualisiert|Letzte Änderung|Stand|zuletzt am|Mis à jour|Dernière mise à jour|Actualizado|Aggiornato|Bijgewerkt)\b\s*(?:am|le|el|il|op)?\s*:?\s*(?<date>[^\n]{6,60})", RegexOptions.IgnoreCase)]
    private static partial Regex UpdatedPhrase();

    /// <summary>"Posted on ...", "Veröffentlicht am ...", "Erschienen am: ...", "Publié le ...": the date must follow within a few words.</summary>
    [GeneratedRegex(@"\b(?:Posted|Published|Publié|Publicado|Pubblicato|Veröffentlicht|Erschienen|Erstellt|Datum|Date|Stand|Gepubliceerd)\b\s*(?:on|am|le|el|il|em|op|:)?\s*:?\s*(?<date>[^\n]{6,60})", RegexOptions.IgnoreCase)]
    private static partial Regex PostedPhrase();
}

/// <summary>A page's publication time and where it came from.</summary>
/// <param name="Value">The instant.</param>
/// <param name="Text">The text it was parsed from.</param>
/// <param name="Basis">The cascade step that found it (json-ld, meta, itemprop, url, time, element, text, modified).</param>
public sealed record PublicationDate(DateTimeOffset Value, string Text, string Basis);
