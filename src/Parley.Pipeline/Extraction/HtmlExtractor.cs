using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Extracts the article of an HTML page (AngleSharp DOM): metadata from JSON-LD, OpenGraph and
/// meta tags, the canonical link and time elements; the body by a cascade of strategies, the
/// first that yields at least <see cref="HtmlExtractionOptions.MinBodyChars"/> winning.
/// </summary>
/// <remarks>
/// The body cascade, in order (the winner is recorded in <see cref="Article.Method"/>):
/// <list type="number">
/// <item><c>itemprop</c>: the element marked <c>itemprop="articleBody"</c>;</item>
/// <item><c>article</c>: the <c>&lt;article&gt;</c> element with the most kept text;</item>
/// <item><c>density</c>: the element whose paragraphs carry the most non-link text (readability-style);</item>
/// <item><c>json-ld</c>: the JSON-LD <c>articleBody</c>, which also overrides the steps above when
/// their body is shorter than <see cref="HtmlExtractionOptions.JsonLdPreferenceRatio"/> of it;</item>
/// <item><c>paragraphs</c>: every kept paragraph of the page, when nothing above reached the minimum.</item>
/// </list>
/// Within the chosen element, navigation, headers, footers, asides, forms, scripts and elements
/// whose class or id says menu/nav/related/share/comment/footer/subscribe/promo are skipped;
/// blocks that are mostly link text are dropped; <c>&lt;figcaption&gt;</c> goes to captions.
/// </remarks>
public sealed partial class HtmlExtractor
{
    /// <summary>Method name: the body came from <c>itemprop="articleBody"</c>.</summary>
    public const string MethodItemprop = "itemprop";

    /// <summary>Method name: the body came from an <c>&lt;article&gt;</c> element.</summary>
    public const string MethodArticle = "article";

    /// <summary>Method name: the body came from the best text-density element.</summary>
    public const string MethodDensity = "density";

    /// <summary>Method name: the body came from JSON-LD <c>articleBody</c>.</summary>
    public const string MethodJsonLd = "json-ld";

    /// <summary>Method name: the body is every kept paragraph of the page.</summary>
    public const string MethodParagraphs = "paragraphs";

    private readonly HtmlExtractionOptions _options;

    /// <summary>Creates an extractor with <paramref name="options"/>, or the defaults.</summary>
    public HtmlExtractor(HtmlExtractionOptions? options = null) => _options = options ?? HtmlExtractionOptions.Default;

    /// <summary>Extracts the article of an HTML page.</summary>
    /// <param name="capture">The capture the page came from (ids, source, URL).</param>
    /// <param name="html">The decoded HTML.</param>
    /// <param name="diagnostics">Receives PAR202 when no body is found, PAR203 when nesting is too deep.</param>
    /// <returns>One article, or none when the page has no article text.</returns>
    public ImmutableArray<Article> Extract(Capture capture, string html, Diagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(capture, html.AsSpan(), diagnostics);
    }

    /// <summary>Extracts the article of an HTML page given as characters (a decoder's buffer).</summary>
    internal ImmutableArray<Article> Extract(Capture capture, ReadOnlySpan<char> html, Diagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var jsonLd = new List<string>();
        using var page = HtmlParsing.Parse(html, jsonLd);
        var document = page.Document;
        var meta = ReadMetadata(document, jsonLd);
        var draft = new ArticleDraft();
        ResolveMetadata(draft, document, meta, capture);
        if (IsTruncated(html))
        {
            diagnostics.Report(DiagnosticCodes.TruncatedHtml, Severity.Warning, capture.Source, html.Length,
                "The HTML ends without a closing </body> or </html> tag: the capture is probably truncated, and the story may be cut short.");
        }

        var (paragraphs, captions, method, tooDeep) = ChooseBody(document, meta, draft.Headline);
        if (tooDeep)
        {
            diagnostics.Report(DiagnosticCodes.TooDeep, Severity.Warning, capture.Source, 0,
                $"The HTML nests deeper than {_options.MaxDepth} elements (HtmlExtractionOptions.MaxDepth); deeper content was flattened into its ancestor's text.");
        }

        if (paragraphs.Count == 0)
        {
            diagnostics.Report(DiagnosticCodes.NoArticle, Severity.Warning, capture.Source, 0,
                "No article text was found in the HTML page: no JSON-LD articleBody, <article>, or paragraphs of running text.");
            return [];
        }

        TakeBylineAndDateline(draft, paragraphs);
        draft.Paragraphs.AddRange(paragraphs);
        foreach (var caption in captions)
        {
            draft.AddCaption(caption);
        }

        return [draft.Build(capture, 0, method)];
    }

    /// <summary>The publication time of an HTML page and where it was found, or null when the page gives none.</summary>
    /// <param name="capture">The capture (URL and fetch time).</param>
    /// <param name="html">The decoded HTML.</param>
    public PublicationDate? FindPublicationDate(Capture capture, string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return FindPublicationDate(capture, html.AsSpan());
    }

    /// <summary>The publication time of an HTML page given as characters, or null.</summary>
    internal PublicationDate? FindPublicationDate(Capture capture, ReadOnlySpan<char> html)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var jsonLd = new List<string>();
        using var page = HtmlParsing.Parse(html, jsonLd);
        var document = page.Document;
        var meta = ReadMetadata(document, jsonLd);
        var draft = new ArticleDraft();
        ResolveMetadata(draft, document, meta, capture);
        return draft.PublishedFound;
    }

    /// <summary>True when a whole document (it opens with html, head or body) has no closing body or html tag in its last 4 KB.</summary>
    private static bool IsTruncated(ReadOnlySpan<char> html)
    {
        var head = html[..Math.Min(html.Length, 4096)];
        if (!head.Contains("<html", StringComparison.OrdinalIgnoreCase) && !head.Contains("<body", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var tail = html[Math.Max(0, html.Length - 4096)..];
        return !tail.Contains("</html", StringComparison.OrdinalIgnoreCase) && !tail.Contains("</body", StringComparison.OrdinalIgnoreCase);
    }

    private static void ResolveMetadata(ArticleDraft draft, IDocument document, PageMetadata meta, Capture capture)
    {
        draft.Url = Absolute(meta.Canonical, capture.Url) ?? Absolute(meta.MetaOf("og:url"), capture.Url) ?? capture.Url;
        var site = meta.JsonPublisher ?? meta.MetaOf("og:site_name", "application-name");
        draft.SiteOutlet = site is not null ? Outlets.Canonical(TextLines.Normalize(site)) : Outlets.FromUrl(draft.Url) ?? Outlets.FromUrl(capture.Url);

        var headline = meta.JsonHeadline ?? meta.MetaOf("og:title", "twitter:title") ?? meta.H1 ?? meta.Title;
        draft.Headline = headline is null ? null : StripSiteSuffix(TextLines.Normalize(headline), site);

        draft.Section = meta.JsonSection ?? meta.MetaOf("article:section", "section");
        draft.Language = LanguageOf(meta.Lang);

        var offset = Outlets.DefaultOffset(draft.Outlet);
        if (PublicationDateFinder.Find(document, meta.JsonPublished ?? meta.JsonAnyPublished, meta.JsonModified, meta.Meta, draft.Url ?? capture.Url, offset, capture.FetchedAt) is { } found)
        {
            draft.PublishedText = found.Text;
            draft.Published = found.Value;
            draft.PublishedFound = found;
        }

        var modified = meta.JsonModified ?? meta.MetaOf("article:modified_time", "dateModified", "og:updated_time", "last-modified");
        if (modified is not null && PublishedDateParser.TryParse(modified, offset, out var m))
        {
            draft.UpdatedText = modified.Trim();
            draft.Updated = m;
        }

        if (meta.JsonAuthors.Count > 0)
        {
            draft.AddBylines(meta.JsonAuthors);
        }
        else if (meta.MetaOf("author", "article:author", "byl", "dc.creator") is { } author && !IsUrl(author))
        {
            var text = TextLines.Normalize(author);
            if (BylineParser.TryParseNames(Regex.Replace(text, "^By\\s+", "", RegexOptions.IgnoreCase), out var names, out var outlet))
            {
                draft.AddBylines(names);
                draft.BylineOutlet ??= outlet;
            }
        }
    }

    private (List<string> Paragraphs, List<string> Captions, string Method, bool TooDeep) ChooseBody(IDocument document, PageMetadata meta, string? headline)
    {
        var tooDeep = false;
        List<string>? dom = null;
        List<string> captions = [];
        var method = "";
        var memo = new SkipMemo();

        // Each step is found only when the one before it fell short.
        (string Method, Func<IElement?> Find)[] steps =
        [
            (MethodItemprop, () => document.QuerySelector("[itemprop='articleBody'], [itemprop='articlebody']")),
            (MethodArticle, () => BestArticleElement(document, memo)),
            (MethodDensity, () => BestByDensity(document, memo)),
        ];
        foreach (var (name, find) in steps)
        {
            if (find() is not { } root)
            {
                continue;
            }

            var (paragraphs, found, deep) = Paragraphs(name == MethodDensity ? WithSplitParts(document, root, memo) : [root], headline, wholePage: false);
            tooDeep |= deep;
            if (Length(paragraphs) >= _options.MinBodyChars)
            {
                (dom, captions, method) = (paragraphs, found, name);
                break;
            }
        }

        var json = JsonParagraphs(meta.JsonBody);
        var jsonLength = Length(json);
        if (jsonLength >= _options.MinBodyChars && (dom is null || Length(dom) < jsonLength * _options.JsonLdPreferenceRatio))
        {
            if (captions.Count == 0 && document.Body is { } body)
            {
                captions = Paragraphs(body, headline, wholePage: true).Captions;
            }

            return (json, captions, MethodJsonLd, tooDeep);
        }

        if (dom is not null)
        {
            return (dom, captions, method, tooDeep);
        }

        if (document.Body is { } page)
        {
            var (all, found, deep) = Paragraphs(page, headline, wholePage: true);
            tooDeep |= deep;
            if (all.Count > 0 && Length(all) >= jsonLength)
            {
                return (all, found, MethodParagraphs, tooDeep);
            }
        }

        return (json, captions, MethodJsonLd, tooDeep);
    }

    /// <summary>The kept paragraphs and the captions under <paramref name="root"/>.</summary>
    /// <param name="root">The element holding the story.</param>
    /// <param name="headline">The headline, dropped when repeated in the body.</param>
    /// <param name="wholePage">True when <paramref name="root"/> is the whole page: then short blocks that do
    /// not read as sentences are menus and labels; inside a chosen story element they are the story's own
    /// short lines (list items, table rows, one-line paragraphs).</param>
    private (List<string> Paragraphs, List<string> Captions, bool TooDeep) Paragraphs(IElement root, string? headline, bool wholePage) =>
        Paragraphs([root], headline, wholePage);

    /// <summary>The kept paragraphs and the captions under <paramref name="roots"/>, in order.</summary>
    private (List<string> Paragraphs, List<string> Captions, bool TooDeep) Paragraphs(IReadOnlyList<IElement> roots, string? headline, bool wholePage)
    {
        var collector = new BlockCollector(_options);
        foreach (var root in roots)
        {
            collector.Collect(root);
        }

        var kept = new List<string>();
        var captions = collector.Captions;
        var inWidget = false;
        foreach (var block in collector.Blocks)
        {
            var text = block.Text;
            if (block.LinkDensity > _options.MaxLinkDensity || text == headline || Boilerplate().IsMatch(text) || Label().IsMatch(text))
            {
                continue;
            }

            // "Most read in world news", "Related stories": the short lines that follow are other stories'
            // headlines, up to the next paragraph of running text (such boxes sit inside stories too).
            if (WidgetHeading().IsMatch(text))
            {
                inWidget = true;
                continue;
            }

            var heading = block.Tag is "h2" or "h3" or "h4" or "h5" or "h6";
            var sentence = SentenceEnd().IsMatch(text) && (text.Contains(' ') || text.Length >= 10);
            if (inWidget)
            {
                if (!sentence || text.Length < _options.MinParagraphChars * 3)
                {
                    continue;
                }

                inWidget = false;
            }

            var byline = kept.Count < 2 && BylineParser.TryParse(text, out _, out _);
            if (!sentence && text.Length < _options.MinParagraphChars * 3)
            {
                if (Credit().IsMatch(text))
                {
                    captions.Add(text);
                    continue;
                }

                if (IsTimeLine(text) || Kicker().IsMatch(text))
                {
                    continue;
                }
            }

            var minimum = wholePage ? _options.MinParagraphChars : _options.MinStoryLineChars;
            if (text.Length >= minimum || sentence || byline || (heading && text.Length >= 10))
            {
                if (kept.Count == 0 || kept[^1] != text)
                {
                    kept.Add(text);
                }
            }
        }

        // Trailing headings with no paragraph after them are list or widget titles, not subheadings.
        return (kept, captions, collector.TooDeep);
    }

    /// <summary>True for a line that is only a time stamp: "18 Nov 2019, 19:09", "Updated 11:21 pm CST, Tuesday, November 19, 2019".</summary>
    internal static bool IsTimeLine(string text)
    {
        if (StampLine().IsMatch(text))
        {
            return true;
        }

        if (!PublishedDateParser.TryParse(text, null, out _))
        {
            return false;
        }

        var rest = TimeWords().Replace(text, " ");
        return rest.Count(char.IsLetter) <= 3;
    }

    /// <summary>"Updated at 1:23 p.m.", "Posted 3 hours ago", "Last updated: ...".</summary>
    [GeneratedRegex(@"^(?:Last )?(?:Updated|Posted|Published|Modified)\b.{0,40}(?:[0-9]{1,2}:[0-9]{2}|\bago)\b.{0,20}$", RegexOptions.IgnoreCase)]
    private static partial Regex StampLine();

    /// <summary>What a time line may hold besides the date: digits, month and weekday names, zones, "Updated", "Posted".</summary>
    [GeneratedRegex(@"[0-9]+|\b(?:updated?|posted|published|last|modified|on|at|am|pm|a\.m\.|p\.m\.|[A-Z]{3,4}T|UTC|GMT|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", RegexOptions.IgnoreCase)]
    private static partial Regex TimeWords();

    /// <summary>Whole-line labels of page furniture inside a story element.</summary>
    [GeneratedRegex(@"^(?:Advert(?:isement)?|Ad|Sponsored|comments?|\d+\s+comments?|Share(?: this(?: article| story)?)?|Tweet|Email|Print|Sharing is caring!?|previous post|next post|Breaking News|Read more|Read More|More|Trending|Recommended|Watch|Video|Warning|Don'?t miss|DON'T MISS|This slideshow requires JavaScript\.?|To Read the Full Story|Tell us what you think\.*|Loading\.*|Close|Continue reading(?: below)?|Story continues below(?: advertisement)?|Skip(?: to)?(?: main)? content)$", RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    /// <summary>A heading that opens a list of other stories.</summary>
    [GeneratedRegex(@"^(?:Most (?:read|popular|viewed|shared|watched)\b.*|Related(?: (?:stories|articles|posts|coverage|news|content|links))?:?|You may also like|You might also like|More (?:from|stories|on|in)\b.{0,40}|Recommended(?: for you| stories)?|Popular(?: now| stories)?|Trending(?: now| stories)?|Top stories|Latest news|Further reading)$", RegexOptions.IgnoreCase)]
    private static partial Regex WidgetHeading();

    /// <summary>A photo credit standing alone: "(Image: © NASA/ESA)", "(Jacquelyn Martin / Associated Press)", "Photo: Reuters".</summary>
    [GeneratedRegex(@"^\((?:Image|Photo|Picture|Credit|Foto|Bild)?[^()]{0,80}(?:©|/|Getty|Reuters|AP|AFP|Press|Images|Photo)[^()]{0,60}\)$|^(?:Image|Photo|Picture|Credit|Foto|Bild|Photograph)(?: credit)?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex Credit();

    /// <summary>A short all-capitals kicker over a teaser ("RANDY ANDY", "TIME TRAVELLER").</summary>
    [GeneratedRegex(@"^[\p{Lu}\p{N}'‘’ .,&!-]{3,40}$")]
    private static partial Regex Kicker();

    /// <summary>
    /// The best element and the other parts of a story split by ads or figures into elements of the same
    /// tag and class ("div.post__content" three times), in page order.
    /// </summary>
    private static List<IElement> WithSplitParts(IDocument document, IElement best, SkipMemo memo)
    {
        var className = best.GetAttribute("class");
        if (string.IsNullOrWhiteSpace(className))
        {
            return [best];
        }

        var parts = new List<IElement>();
        foreach (var element in document.GetElementsByTagName(best.LocalName))
        {
            if (element == best || (element.GetAttribute("class") == className && !best.Contains(element) && !element.Contains(best)
                && !memo.UnderSkipped(element) && element.QuerySelector("p") is not null))
            {
                parts.Add(element);
            }
        }

        return parts;
    }

    private static IElement? BestArticleElement(IDocument document, SkipMemo memo)
    {
        IElement? best = null;
        var bestLength = 0;
        foreach (var article in document.QuerySelectorAll("article"))
        {
            if (memo.UnderSkipped(article) || IsBoilerplateByName(article))
            {
                continue;
            }

            var length = 0;
            foreach (var p in article.GetElementsByTagName("p"))
            {
                length += TextLength(p);
            }

            if (length > bestLength)
            {
                (best, bestLength) = (article, length);
            }
        }

        return best;
    }

    /// <summary>The length of an element's text content, counted over its text nodes without building it.</summary>
    private static int TextLength(IElement element)
    {
        var length = 0;
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                length += t.Data.Length;
                continue;
            }

            foreach (var child in node.ChildNodes)
            {
                stack.Push(child);
            }
        }

        return length;
    }

    /// <summary>Takes a leading "By ..." paragraph as the byline and a leading wire dateline as the dateline.</summary>
    private static void TakeBylineAndDateline(ArticleDraft draft, List<string> paragraphs)
    {
        for (var i = 0; i < Math.Min(2, paragraphs.Count); i++)
        {
            if (BylineParser.TryParse(paragraphs[i], out var names, out var outlet))
            {
                if (draft.Bylines.Count == 0)
                {
                    draft.AddBylines(names);
                }

                draft.BylineOutlet ??= outlet;
                paragraphs.RemoveAt(i);
                break;
            }
        }

        if (paragraphs.Count > 0 && DatelineParser.Parse(paragraphs[0]) is { } dateline)
        {
            draft.Dateline = dateline;
            paragraphs[0] = dateline.Rest;
        }
    }

    private static List<string> JsonParagraphs(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        return body.Split('\n').Select(l => TextLines.Normalize(l)).Where(l => l.Length > 0).ToList();
    }

    private static int Length(List<string> paragraphs) => paragraphs.Sum(p => p.Length);

    private static string? LanguageOf(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang))
        {
            return null;
        }

        var code = lang.Trim();
        var dash = code.IndexOfAny(['-', '_']);
        code = (dash > 0 ? code[..dash] : code).ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    private static string StripSiteSuffix(string headline, string? site)
    {
        var m = TitleSuffix().Match(headline);
        if (!m.Success)
        {
            return headline;
        }

        var suffix = m.Groups["site"].Value.Trim();
        var isSite = (site is not null && suffix.Equals(site.Trim(), StringComparison.OrdinalIgnoreCase)) || Outlets.IsKnown(suffix);
        return isSite ? headline[..m.Index].Trim() : headline;
    }

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
        {
            return abs.ToString();
        }

        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, href.Trim(), out var rel) ? rel.ToString() : null;
    }

    [GeneratedRegex(@"\s+[|\-–—:]\s+(?<site>[^|\-–—:]{2,60})$")]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"[.!?。！？][""'”’)\]」』]*$|[""”’]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^(?:Copyright\b|©|\(c\)\s|All rights reserved|Advertisement$|ADVERTISEMENT$|Read more\b|Related:|Share this\b|Sign up\b|Subscribe\b|Click here\b|Follow us\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();
}
