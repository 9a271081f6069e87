using System.Buffers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Parses pages: <see cref="HtmlSource.Strip(ReadOnlySpan{char}, List{string}, out int)"/> first takes out scripts,
/// styles, SVG, noscript, templates, comments and unread attributes and keeps the JSON-LD blocks, then AngleSharp's
/// HTML5 parser builds the DOM straight from the stripped buffer (no string of the page).
/// </summary>
internal static class HtmlParsing
{
    /// <summary>
    /// The default options (nesting bound 512) without per-element source positions, which nothing reads.
    /// </summary>
    private static readonly HtmlParserOptions Options = new()
    {
        DisableElementPositionTracking = true,
        MaximumDepth = 512,
    };

    /// <summary>One parser per thread: a parser builds its browsing context once, and one instance is not documented as thread-safe.</summary>
    [ThreadStatic]
    private static HtmlParser? t_parser;

    /// <summary>Parses <paramref name="html"/>, inert elements removed.</summary>
    /// <param name="html">The decoded page.</param>
    /// <param name="jsonLd">Receives the text of every <c>&lt;script type="application/ld+json"&gt;</c>, in order.</param>
    /// <returns>The page; dispose it once done with its DOM, which may point into the parse buffer.</returns>
    public static ParsedPage Parse(ReadOnlySpan<char> html, List<string> jsonLd)
    {
        var buffer = HtmlSource.Strip(html, jsonLd, out var length);
        try
        {
            var document = (t_parser ??= new HtmlParser(Options)).ParseDocument(new ReadOnlyMemory<char>(buffer, 0, length));
            return new ParsedPage(document, buffer);
        }
        catch
        {
            ArrayPool<char>.Shared.Return(buffer);
            throw;
        }
    }
}
