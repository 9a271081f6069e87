using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Parley.Pipeline.Extraction;

/// <summary>Content: walking an element into text blocks, boilerplate filters, density scoring.</summary>
public sealed partial class HtmlExtractor
{
    /// <summary>Elements that never hold article text.</summary>
    private static readonly FrozenSet<string> SkippedTags = FrozenSet.ToFrozenSet(
    [
        "nav", "header", "footer", "aside", "script", "style", "noscript", "iframe", "svg", "button", "select",
        "option", "template", "input", "textarea", "menu", "dialog", "object", "embed", "canvas", "video", "audio", "map",
        "head", "title", "h1", "link", "meta",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that start and end a block of text.</summary>
    private static readonly FrozenSet<string> BlockTags = FrozenSet.ToFrozenSet(
    [
        "p", "div", "section", "article", "main", "blockquote", "pre", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
        "h2", "h3", "h4", "h5", "h6", "figure", "address", "center", "body", "hr",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Class or id words that always mark boilerplate.</summary>
    private static readonly FrozenSet<string> StrongNegative = FrozenSet.ToFrozenSet(
    [
        "nav", "navbar", "navigation", "menu", "gnb", "lnb", "related", "relate", "comment", "comments", "footer", "sidebar",
        "breadcrumb", "breadcrumbs", "masthead", "copyright", "sitemap",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Class or id words that mark boilerplate unless a content word is there too ("post-share" stays).</summary>
    private static readonly FrozenSet<string> WeakNegative = FrozenSet.ToFrozenSet(
    [
        "share", "sharing", "social", "sns", "subscribe", "subscription", "newsletter", "promo", "promotion", "ad", "ads",
        "advert", "advertisement", "banner", "popup", "modal", "cookie", "popular", "recommend", "recommended",
        "tags", "tag", "print", "outbrain", "taboola", "byline", "author", "skip", "hidden", "toolbar", "more",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Class or id words that mark article content.</summary>
    private static readonly FrozenSet<string> Positive = FrozenSet.ToFrozenSet(
    [
        "article", "body", "content", "story", "entry", "text", "post", "main", "news", "view", "detail",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly char[] ClassSeparators = [' ', '-', '_', '\t', '\n', ':'];

    /// <summary>Collects the text blocks and figure captions under an element, in document order.</summary>
    private sealed class BlockCollector(HtmlExtractionOptions options)
    {
        private readonly StringBuilder _text = new();
        private int _linkChars;
        private bool _lastWasBreak;
        private IElement? _root;

        public List<HtmlBlock> Blocks { get; } = [];

        public List<string> Captions { get; } = [];

        /// <summary>True when some content lay deeper than <see cref="HtmlExtractionOptions.MaxDepth"/>.</summary>
        public bool TooDeep { get; private set; }

        /// <summary>Collects the blocks of <paramref name="root"/>, after those of any earlier root.</summary>
        public void Collect(IElement root)
        {
            _root = root;
            Visit(root, 0, inLink: false, blockTag: "div");
            Flush("div");
        }

        private void Visit(INode node, int depth, bool inLink, string blockTag)
        {
            if (node is IText text)
            {
                AppendText(text.Data, inLink);
                return;
            }

            if (node is not IElement element)
            {
                return;
            }

            var tag = element.LocalName;
            if (tag == "br")
            {
                if (_lastWasBreak)
                {
                    Flush(blockTag);
                }
                else
                {
                    _text.Append(' ');
                    _lastWasBreak = true;
                }

                return;
            }

            // The root was chosen on purpose: its own class words ("has-sidebar") do not disqualify it.
            if (element != _root && IsSkipped(element))
            {
                return;
            }

            if (tag == "figcaption" || HasClassWord(element, "caption"))
            {
                var caption = TextLines.Normalize(FlatText(element));
                if (caption.Length > 0 && !Captions.Contains(caption))
                {
                    Captions.Add(caption);
                }

                return;
            }

            // A table row is one line ("1 Kyle Busch 5040 5 1"), its cells words of it.
            if (tag is "td" or "th")
            {
                _text.Append(' ');
            }

            var isBlock = BlockTags.Contains(tag);
            if (isBlock)
            {
                Flush(blockTag);
                blockTag = tag;
            }

            if (depth >= options.MaxDepth)
            {
                TooDeep = true;
                AppendText(FlatText(element), inLink);
            }
            else
            {
                var link = inLink || tag == "a";
                foreach (var child in element.ChildNodes)
                {
                    Visit(child, depth + 1, link, blockTag);
                }
            }

            if (isBlock)
            {
                Flush(tag);
            }
        }

        private void AppendText(string data, bool inLink)
        {
            _text.Append(data);
            if (inLink)
            {
                _linkChars += data.AsSpan().Trim().Length;
            }

            if (!string.IsNullOrWhiteSpace(data))
            {
                _lastWasBreak = false;
            }
        }

        private void Flush(string tag)
        {
            _lastWasBreak = false;
            if (_text.Length == 0)
            {
                return;
            }

            var text = TextLines.Normalize(_text.ToString());
            _text.Clear();
            if (text.Length > 0)
            {
                Blocks.Add(new HtmlBlock(text, _linkChars, tag));
            }

            _linkChars = 0;
        }
    }

    /// <summary>True for elements never walked: non-content tags, hidden elements, boilerplate class or id.</summary>
    private static bool IsSkipped(IElement element)
    {
        if (SkippedTags.Contains(element.LocalName) || element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        // A form is a search box or a login, unless it wraps the page (ASP.NET pages put everything in one form).
        if (element.LocalName == "form" && element.QuerySelector("p") is null)
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style))
        {
            return true;
        }

        return IsBoilerplateByName(element);
    }

    private static bool IsBoilerplateByName(IElement element)
    {
        // Page-wide containers carry layout classes ("html_main_nav_header", "has-sidebar") that say nothing about content.
        if (element.LocalName is "html" or "body" or "main")
        {
            return false;
        }

        var words = NameClass(element);
        if (words.HasFlag(NameWordKind.Strong))
        {
            return !HoldsArticle(element);
        }

        if (!words.HasFlag(NameWordKind.Weak) || words.HasFlag(NameWordKind.Positive))
        {
            return false;
        }

        return !HoldsArticle(element);
    }

    /// <summary>What an element's class and id words say about it.</summary>
    [Flags]
    private enum NameWordKind
    {
        None = 0,
        Strong = 1,
        Weak = 2,
        Positive = 4,
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StrongLookup = StrongNegative.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WeakLookup = WeakNegative.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PositiveLookup = Positive.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly System.Buffers.SearchValues<char> NameSpaces = System.Buffers.SearchValues.Create(" \t\n\r\f");
    private static readonly System.Buffers.SearchValues<char> WordSeparators = System.Buffers.SearchValues.Create(ClassSeparators);

    /// <summary>
    /// The kinds of the words of an element's class names and id, read in place (no strings). Class names
    /// that describe the layout around the element ("content-with-sidebar", "has-sidebar", "no-comments")
    /// are left out: they say what is beside the element, not what it is.
    /// </summary>
    private static NameWordKind NameClass(IElement element)
    {
        var kind = NameWordKind.None;
        AddNames(element.GetAttribute("class"), ref kind);
        AddNames(element.GetAttribute("id"), ref kind);
        return kind;
    }

    private static void AddNames(string? names, ref NameWordKind kind)
    {
        var rest = names.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(NameSpaces);
            var name = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (name.IsEmpty || LayoutName().IsMatch(name))
            {
                continue;
            }

            while (!name.IsEmpty)
            {
                var cut = name.IndexOfAny(WordSeparators);
                var word = cut < 0 ? name : name[..cut];
                name = cut < 0 ? [] : name[(cut + 1)..];
                if (word.IsEmpty)
                {
                    continue;
                }

                if (StrongLookup.Contains(word))
                {
                    kind |= NameWordKind.Strong;
                }

                if (WeakLookup.Contains(word))
                {
                    kind |= NameWordKind.Weak;
                }

                if (PositiveLookup.Contains(word))
                {
                    kind |= NameWordKind.Positive;
                }
            }
        }
    }

    [GeneratedRegex(@"(?:^|[-_])(?:with|has|no|without|show)[-_]", RegexOptions.IgnoreCase)]
    private static partial Regex LayoutName();

    /// <summary>True when an article lies inside: then class words like "has-section-nav" describe the layout, not the element.</summary>
    private static bool HoldsArticle(IElement element) =>
        element.QuerySelector("article, [itemprop='articleBody'], h1") is not null;

    private static bool HasClassWord(IElement element, string word)
    {
        var rest = element.GetAttribute("class").AsSpan();
        while (!rest.IsEmpty)
        {
            var cut = rest.IndexOfAny(WordSeparators);
            if ((cut < 0 ? rest : rest[..cut]).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            rest = cut < 0 ? [] : rest[(cut + 1)..];
        }

        return false;
    }

    /// <summary>The text under <paramref name="element"/>, gathered without recursion (safe at any depth).</summary>
    private static string FlatText(IElement element)
    {
        var sb = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                sb.Append(t.Data).Append(' ');
                continue;
            }

            if (node is IElement e && (e == element || !SkippedTags.Contains(e.LocalName)))
            {
                for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(e.ChildNodes[i]);
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Readability-style scoring: every paragraph of enough text adds its length (less its link
    /// text) to its parent and half of it to its grandparent; a content class or id word raises
    /// the score by a quarter, a boilerplate one zeroes it. The best element holds the story.
    /// </summary>
    private static IElement? BestByDensity(IDocument document, SkipMemo memo)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var p in document.QuerySelectorAll("p, pre, blockquote"))
        {
            if (memo.UnderSkipped(p))
            {
                continue;
            }

            var (length, linkChars, commas) = MeasureText(p);
            if (length < 25)
            {
                continue;
            }

            var value = Math.Max(0, length - linkChars) + 10.0 * commas;
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + value;
                if (parent.ParentElement is { } grand && grand.LocalName != "html")
                {
                    scores[grand] = scores.GetValueOrDefault(grand) + value / 2;
                }
            }
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, score) in scores)
        {
            var weighted = score * NameWeight(element);
            if (weighted > bestScore)
            {
                best = element;
                bestScore = weighted;
            }
        }

        return best;
    }

    /// <summary>
    /// The length of an element's text once normalized (<see cref="TextLines.Normalize(ReadOnlySpan{char})"/>),
    /// the normalized length of its link text, and its commas, counted in place over the text nodes.
    /// </summary>
    private static (int Length, int LinkChars, int Commas) MeasureText(IElement element)
    {
        var all = new NormalizedCounter();
        var link = new NormalizedCounter();
        var commas = 0;
        var stack = new Stack<(INode Node, bool InLink)>();
        stack.Push((element, false));
        while (stack.Count > 0)
        {
            var (node, inLink) = stack.Pop();
            if (node is IText t)
            {
                all.Add(t.Data);
                commas += t.Data.AsSpan().Count(',');
                if (inLink)
                {
                    link.Add(t.Data);
                }

                continue;
            }

            if (node is IElement e)
            {
                var isLink = e.LocalName == "a";
                if (isLink && !inLink)
                {
                    link.EndRun();
                }

                var children = e.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    stack.Push((children[i], inLink || isLink));
                }
            }
        }

        return (all.Length, link.Length, commas);
    }

    /// <summary>Counts the characters <see cref="TextLines.Normalize(ReadOnlySpan{char})"/> would keep, over text given in pieces.</summary>
    private struct NormalizedCounter
    {
        private bool _pendingSpace;

        public int Length { get; private set; }

        /// <summary>Ends a run: the next piece is a separate text (another link), whose leading space does not count.</summary>
        public void EndRun() => _pendingSpace = false;

        public void Add(string data)
        {
            foreach (var c in data)
            {
                if (TextLines.IsInvisible(c))
                {
                    continue;
                }

                if (TextLines.IsSpace(c))
                {
                    _pendingSpace = Length > 0;
                    continue;
                }

                if (_pendingSpace)
                {
                    Length++;
                    _pendingSpace = false;
                }

                Length++;
            }
        }
    }

    private static double NameWeight(IElement element)
    {
        if (IsBoilerplateByName(element))
        {
            return 0;
        }

        return NameClass(element).HasFlag(NameWordKind.Positive) ? 1.25 : 1.0;
    }

    /// <summary>
    /// Remembers, for one page, which elements lie under a skipped element (<see cref="IsSkipped"/>): the body
    /// steps ask for every paragraph and article, whose ancestors are mostly the same few elements.
    /// </summary>
    private sealed class SkipMemo
    {
        private readonly Dictionary<IElement, bool> _under = new(ReferenceEqualityComparer.Instance);
        private readonly List<IElement> _chain = [];

        /// <summary>True when an ancestor of <paramref name="element"/> below the body is skipped.</summary>
        public bool UnderSkipped(IElement element)
        {
            // Walk up to the body or to an ancestor already known, then settle the chain top-down.
            _chain.Clear();
            var known = false;
            for (var e = element; ; e = e.ParentElement!)
            {
                if (_under.TryGetValue(e, out known))
                {
                    break;
                }

                var parent = e.ParentElement;
                if (parent is null || parent.LocalName == "body")
                {
                    known = false;
                    _under[e] = false;
                    break;
                }

                _chain.Add(e);
            }

            for (var i = _chain.Count - 1; i >= 0; i--)
            {
                var parent = _chain[i].ParentElement!;
                known = known || IsSkipped(parent);
                _under[_chain[i]] = known;
            }

            return known;
        }
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
