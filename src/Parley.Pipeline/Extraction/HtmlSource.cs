using System.Buffers;
using System.Collections.Frozen;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// One pass over a page's source before the HTML5 parse: it takes out what the extractor never reads,
/// and keeps the JSON-LD blocks aside. On the extraction benchmark's pages, scripts, styles, SVG,
/// noscript, templates and comments are about 58% of the characters, and image, tracking and data
/// attributes most of the rest of the parse's allocation (one string and one attribute node each).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Removed whole, tags and content: <c>script</c>, <c>style</c>, <c>svg</c>, <c>noscript</c>, <c>template</c>,
/// <c>iframe</c> and comments; the extractor skips those elements anyway (<c>SkippedTags</c>), and the date
/// finder's page text leaves them out.</item>
/// <item>Removed tags (void elements with no text): <c>img</c>, <c>source</c>, <c>input</c>, and <c>link</c> unless it
/// is the canonical link.</item>
/// <item>Every other start tag keeps only the attributes the extractor reads (<see cref="KeptAttributes"/>).</item>
/// <item><c>title</c> and <c>textarea</c> content is text to the parser and is copied as it is.</item>
/// </list>
/// The scan reads tags as the HTML5 tokenizer does (quoted values may hold '&gt;' and '&lt;'); a removed
/// element's content runs to its first end tag, as the tokenizer reads script and style; an element, tag or
/// comment that never closes runs to the end of the page. It is linear in the page length. Start tags nested
/// deeper than <see cref="MaxNesting"/> are dropped with as many end tags, their text kept in place: the tree
/// builder's cost grows with the square of the nesting.
/// </remarks>
internal static class HtmlSource
{
    /// <summary>Elements removed with their content.</summary>
    private static readonly string[] RemovedElements = ["script", "style", "svg", "noscript", "template", "iframe"];

    /// <summary>Elements whose content is text to the parser, copied unchanged.</summary>
    private static readonly string[] TextElements = ["title", "textarea"];

    /// <summary>Void elements removed (they carry no text).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RemovedTags =
        FrozenSet.ToFrozenSet(["img", "source", "input", "link"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The attributes some step reads: class and id words, hidden markers, microdata and meta keys, dates,
    /// the document language, the canonical link.
    /// </summary>
    private static readonly FrozenSet<string> KeptAttributes = FrozenSet.ToFrozenSet(
    [
        "class", "id", "style", "hidden", "aria-hidden", "itemprop", "property", "name", "content", "datetime", "title", "lang",
        "rel", "href", "charset", "http-equiv",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KeptLookup = KeptAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Deepest nesting of start tags kept (4 times <see cref="HtmlExtractionOptions.MaxDepth"/>'s default): deeper start tags
    /// and as many end tags are dropped, their text staying in place. The HTML5 tree builder looks through the
    /// whole stack of open elements at every start tag, so 100,000 nested elements cost it 10^10 steps.
    /// </summary>
    private const int MaxNesting = 1024;

    /// <summary>Elements not counted in the nesting: void elements, and those whose end tag may be left out.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Uncounted = FrozenSet.ToFrozenSet(
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "frame", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
        "rtc", "html", "head", "body",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Characters that end a tag name.</summary>
    private static readonly SearchValues<char> NameEnd = SearchValues.Create(" \t\n\r\f/>");

    /// <summary>Characters that end an attribute name.</summary>
    private static readonly SearchValues<char> AttributeNameEnd = SearchValues.Create(" \t\n\r\f/>=");

    /// <summary>Characters that end an unquoted attribute value.</summary>
    private static readonly SearchValues<char> UnquotedEnd = SearchValues.Create(" \t\n\r\f>");

    /// <summary>The page with inert elements, tags and attributes removed, and its JSON-LD blocks.</summary>
    /// <param name="html">The decoded page.</param>
    /// <param name="jsonLd">Receives the text of every <c>&lt;script type="application/ld+json"&gt;</c>, in order.</param>
    /// <returns>The markup to parse.</returns>
    public static string Strip(ReadOnlySpan<char> html, List<string> jsonLd)
    {
        var buffer = Strip(html, jsonLd, out var length);
        try
        {
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The stripped markup in a buffer rented from <see cref="ArrayPool{T}.Shared"/>, which the caller returns.</summary>
    /// <param name="html">The decoded page.</param>
    /// <param name="jsonLd">Receives the text of every <c>&lt;script type="application/ld+json"&gt;</c>, in order.</param>
    /// <param name="length">How many characters of the buffer are the markup.</param>
    public static char[] Strip(ReadOnlySpan<char> html, List<string> jsonLd, out int length)
    {
        ArgumentNullException.ThrowIfNull(jsonLd);

        // A kept attribute is written with one space before it, which the source may lack ('a="1"b="2"'):
        // at most one more character for every four of the source.
        var buffer = ArrayPool<char>.Shared.Rent(html.Length + (html.Length / 4) + 16);
        length = Strip(html, buffer, jsonLd);
        return buffer;
    }

    /// <summary>Writes the stripped markup of <paramref name="source"/> into <paramref name="output"/> (a quarter longer).</summary>
    /// <returns>The length written.</returns>
    private static int Strip(ReadOnlySpan<char> source, Span<char> output, List<string> jsonLd)
    {
        var written = 0;
        var copied = 0;
        var at = 0;
        var depth = 0;
        var excess = 0;

        void CopyTo(ReadOnlySpan<char> source, Span<char> output, int end)
        {
            source[copied..end].CopyTo(output[written..]);
            written += end - copied;
            copied = end;
        }

        while (at < source.Length)
        {
            var lt = source[at..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            lt += at;
            var rest = source[(lt + 1)..];
            if (rest.StartsWith("!--"))
            {
                CopyTo(source, output, lt);
                var close = rest[3..].IndexOf("-->");
                at = copied = close < 0 ? source.Length : lt + 1 + 3 + close + 3;
                continue;
            }

            if (rest.Length >= 2 && rest[0] == '/' && char.IsAsciiLetter(rest[1]))
            {
                var endNameLength = rest[1..].IndexOfAny(NameEnd);
                var endName = endNameLength < 0 ? rest[1..] : rest[1..(1 + endNameLength)];
                at = lt + 2;
                if (!Uncounted.Contains(endName))
                {
                    if (excess > 0)
                    {
                        // The end tag of a start tag dropped for depth.
                        excess--;
                        CopyTo(source, output, lt);
                        var gt = source[lt..].IndexOf('>');
                        at = copied = gt < 0 ? source.Length : lt + gt + 1;
                    }
                    else if (depth > 0)
                    {
                        depth--;
                    }
                }

                continue;
            }

            if (rest.IsEmpty || !char.IsAsciiLetter(rest[0]))
            {
                at = lt + 1;
                continue;
            }

            var nameLength = rest.IndexOfAny(NameEnd);
            var name = nameLength < 0 ? rest : rest[..nameLength];
            var nameEnd = lt + 1 + name.Length;
            CopyTo(source, output, lt);
            if (Named(name, RemovedElements) is { } removed)
            {
                var tagEnd = SkipTag(source, nameEnd, out var selfClosing);
                if (removed == "svg" && selfClosing)
                {
                    at = copied = tagEnd;
                    continue;
                }

                var contentEnd = EndTag(source, tagEnd, removed);
                if (removed == "script" && source[lt..tagEnd].Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    jsonLd.Add(source[tagEnd..contentEnd].ToString());
                }

                var gt = contentEnd >= source.Length ? -1 : source[contentEnd..].IndexOf('>');
                at = copied = gt < 0 ? source.Length : contentEnd + gt + 1;
                continue;
            }

            if (RemovedTags.Contains(name))
            {
                var tagEnd = SkipTag(source, nameEnd, out _);
                if (!name.Equals("link", StringComparison.OrdinalIgnoreCase) || !source[lt..tagEnd].Contains("canonical", StringComparison.OrdinalIgnoreCase))
                {
                    at = copied = tagEnd;
                    continue;
                }
            }

            // A kept start tag: its name, then only the attributes some step reads.
            var mark = written;
            output[written++] = '<';
            name.CopyTo(output[written..]);
            written += name.Length;
            var end = WriteKeptAttributes(source, nameEnd, output, ref written, out var closed);
            at = copied = end;
            if (!closed && !Uncounted.Contains(name))
            {
                if (depth >= MaxNesting)
                {
                    written = mark;
                    excess++;
                    continue;
                }

                depth++;
            }
            if (Named(name, TextElements) is { } textElement && end < source.Length)
            {
                var contentEnd = EndTag(source, end, textElement);
                CopyTo(source, output, contentEnd);
                at = contentEnd;
            }
        }

        CopyTo(source, output, source.Length);
        return written;
    }

    /// <summary>The name in <paramref name="names"/> that <paramref name="name"/> is (case-insensitive), or null.</summary>
    private static string? Named(ReadOnlySpan<char> name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Where the start tag whose attributes begin at <paramref name="from"/> ends (past its '&gt;'; the page's end when it never closes).</summary>
    private static int SkipTag(ReadOnlySpan<char> source, int from, out bool selfClosing)
    {
        var written = 0;
        return ReadAttributes(source, from, [], ref written, write: false, out selfClosing);
    }

    /// <summary>
    /// Writes the kept attributes of the start tag whose attributes begin at <paramref name="from"/>, and its '&gt;'
    /// (or '/&gt;'); writes nothing more when the tag never closes, as the tokenizer drops such a tag.
    /// </summary>
    /// <param name="source">The page source.</param>
    /// <param name="from">Where the tag's attributes begin.</param>
    /// <param name="output">The stripped page being written.</param>
    /// <param name="written">How much of <paramref name="output"/> is written; advanced past what this writes.</param>
    /// <param name="selfClosing">True for a tag that ends with '/&gt;'.</param>
    /// <returns>Where the tag ends in the source.</returns>
    private static int WriteKeptAttributes(ReadOnlySpan<char> source, int from, Span<char> output, ref int written, out bool selfClosing)
    {
        var end = ReadAttributes(source, from, output, ref written, write: true, out selfClosing);
        if (end >= source.Length && (end == 0 || source[end - 1] != '>'))
        {
            return end;
        }

        if (selfClosing)
        {
            output[written++] = '/';
        }

        output[written++] = '>';
        return end;
    }

    /// <summary>Steps over a start tag's attributes as the HTML5 tokenizer reads them, writing the kept ones when asked.</summary>
    private static int ReadAttributes(ReadOnlySpan<char> source, int at, Span<char> output, ref int written, bool write, out bool selfClosing)
    {
        selfClosing = false;
        while (at < source.Length)
        {
            var c = source[at];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                at++;
                continue;
            }

            if (c == '/')
            {
                selfClosing = at + 1 < source.Length && source[at + 1] == '>';
                at++;
                continue;
            }

            if (c == '>')
            {
                return at + 1;
            }

            selfClosing = false;

            // The attribute name: a leading '=' belongs to it, as the tokenizer reads it.
            var nameStart = at;
            var nameLength = source[(at + 1)..].IndexOfAny(AttributeNameEnd);
            at = nameLength < 0 ? source.Length : at + 1 + nameLength;
            var nameEnd = at;
            while (at < source.Length && source[at] is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                at++;
            }

            var valueEnd = nameEnd;
            if (at < source.Length && source[at] == '=')
            {
                at++;
                while (at < source.Length && source[at] is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    at++;
                }

                if (at < source.Length && source[at] is '"' or '\'')
                {
                    var close = source[(at + 1)..].IndexOf(source[at]);
                    if (close < 0)
                    {
                        return source.Length;
                    }

                    at += close + 2;
                }
                else
                {
                    var unquoted = source[at..].IndexOfAny(UnquotedEnd);
                    at = unquoted < 0 ? source.Length : at + unquoted;
                }

                valueEnd = at;
            }

            if (write && at < source.Length && KeptLookup.Contains(source[nameStart..nameEnd]))
            {
                output[written++] = ' ';
                source[nameStart..valueEnd].CopyTo(output[written..]);
                written += valueEnd - nameStart;
            }
        }

        return source.Length;
    }

    /// <summary>Where the first end tag of <paramref name="name"/> at or after <paramref name="from"/> starts; the page's length when there is none.</summary>
    private static int EndTag(ReadOnlySpan<char> source, int from, string name)
    {
        var at = from;
        while (at < source.Length)
        {
            var open = source[at..].IndexOf("</");
            if (open < 0)
            {
                return source.Length;
            }

            at += open;
            var after = at + 2 + name.Length;
            if (after <= source.Length && source.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == source.Length || NameEnd.Contains(source[after])))
            {
                return at;
            }

            at += 2;
        }

        return source.Length;
    }
}
