using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Parses pages, and finds the JSON-LD blocks in the source text (<see cref="JsonLdBlocks"/>) without
/// asking the DOM. Parser options that skip comments and script and style text cut allocations by an
/// eighth but, set from here, lost the default parser's bound on nesting (100,000 nested elements took
/// minutes), so the default parser stays.
/// </summary>
internal static class HtmlParsing
{
    /// <summary>Parses <paramref name="html"/> with AngleSharp's default options.</summary>
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>
    /// The text of every <c>&lt;script type="application/ld+json"&gt;</c> in <paramref name="html"/>, in order,
    /// found by scanning the source.
    /// A script that never closes runs to the end of the page.
    /// </summary>
    public static List<string> JsonLdBlocks(string html)
    {
        var blocks = new List<string>();
        var span = html.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var open = span[at..].IndexOf("<script", StringComparison.OrdinalIgnoreCase);
            if (open < 0)
            {
                break;
            }

            open += at;
            var tagEnd = span[open..].IndexOf('>');
            if (tagEnd < 0)
            {
                break;
            }

            tagEnd += open;
            var tag = span[open..tagEnd];
            var bodyStart = tagEnd + 1;
            var close = span[bodyStart..].IndexOf("</script", StringComparison.OrdinalIgnoreCase);
            var bodyEnd = close < 0 ? span.Length : bodyStart + close;
            if (tag.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                blocks.Add(span[bodyStart..bodyEnd].ToString());
            }

            at = bodyEnd;
        }

        return blocks;
    }
}
