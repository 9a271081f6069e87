using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Parses pages: <see cref="HtmlSource.Strip"/> first takes out scripts, styles, SVG, noscript, templates and
/// comments and keeps the JSON-LD blocks, then AngleSharp's HTML5 parser builds the DOM. Parser options that
/// skip comments and script and style text, set from here, lost the default parser's bound on nesting
/// (100,000 nested elements took minutes), so the default options stay and the skipping is done in the source.
/// </summary>
internal static class HtmlParsing
{
    /// <summary>One parser per thread: a parser builds its browsing context once, and one instance is not documented as thread-safe.</summary>
    [ThreadStatic]
    private static HtmlParser? t_parser;

    /// <summary>Parses <paramref name="html"/> with AngleSharp's default options, inert elements removed.</summary>
    /// <param name="html">The decoded page.</param>
    /// <param name="jsonLd">Receives the text of every <c>&lt;script type="application/ld+json"&gt;</c>, in order.</param>
    public static IDocument Parse(ReadOnlySpan<char> html, List<string> jsonLd)
    {
        var markup = HtmlSource.Strip(html, jsonLd);
        return (t_parser ??= new HtmlParser()).ParseDocument(markup);
    }
}
