using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Classifies every line of a whole-page text dump (see <see cref="DumpLineKind"/>): first each
/// line alone, then in context (a short line above a bullet list is its heading; a line printed
/// twice in a row is a photo caption, and so is every other copy of it).
/// </summary>
internal static partial class DumpLineClassifier
{
    /// <summary>Fewest words for running text that ends like a sentence; "Thanks." is not a paragraph.</summary>
    private const int MinProseWords = 6;

    /// <summary>Lines this long are running text whatever their last character.</summary>
    private const int LongProseWords = 25;

    /// <summary>Longest headline or subheading, in words.</summary>
    private const int MaxTitleWords = 30;

    /// <summary>Longest line read as a bare time stamp ("Wednesday, September 20, 2023, 09:41 a.m. KST" is 45).</summary>
    private const int MaxStampChars = 60;

    /// <summary>Fewest words for a repeated line to count as a caption (repeated menu words are not).</summary>
    private const int MinRepeatedCaptionWords = 5;

    private static readonly FrozenSet<string> MenuWords = FrozenSet.ToFrozenSet(
    [
        "National", "Biz & Tech", "Business", "Finance", "Opinion", "Lifestyle", "Entertainment", "Sports", "World",
        "Video", "Photos", "Community", "search close", "search", "news", "all menu", "Home", "Menu", "DARKROOM",
        "Login", "Log In", "Register", "Site Map", "E-paper", "close", "More", "Top", "Sign in", "Sign up",
        "Latest News", "Trending", "Subscribe", "Newsletter", "Follow us", "Contact Us", "All News",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Tools = FrozenSet.ToFrozenSet(
    [
        "Mail", "Print", "Print Preview", "Font Size Up", "Font Size Down", "Text Size", "Share", "Tweet", "Listen",
        "Copy URL", "Copy link", "facebookfacebook", "twittertwitter", "youtubeyoutube", "Facebook", "Twitter",
        "KakaoTalk", "LinkedIn", "A+", "A-", "Go to Contents Go to Navigation", "Skip to main content",
        "Advertisement", "Comment", "Comments", "Save", "Like",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Literals of which every <see cref="CreditEnd"/> alternative holds one.</summary>
    private static readonly System.Buffers.SearchValues<string> CreditCues = System.Buffers.SearchValues.Create(
        ["Yonhap", "YONHAP", "Korea Times ", "Courtesy of ", "REUTERS/", "(AP Photo/"], StringComparison.Ordinal);

    /// <summary>
    /// The phrases that <see cref="Footer"/> finds anywhere in a line; its other alternatives are
    /// anchored at the start (<see cref="FooterStart"/>). Scanning every prose line with the whole
    /// pattern was a sixth of the classifier's time.
    /// </summary>
    private static readonly System.Buffers.SearchValues<string> FooterPhrases = System.Buffers.SearchValues.Create(
        ["Article List", "More articles by this reporter", "All rights reserved"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Classifies the lines of <paramref name="lines"/>.</summary>
    public static DumpLine[] Classify(IReadOnlyList<string> lines)
    {
        var result = new DumpLine[lines.Count];
        string? lastBullet = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var raw = lines[i];
            var text = TextLines.Normalize(raw);
            result[i] = ClassifyOne(i, raw, text, lastBullet);
            if (result[i].Kind == DumpLineKind.Bullet)
            {
                lastBullet = result[i].Value;
            }
            else if (result[i].Kind != DumpLineKind.Blank && result[i].Kind != DumpLineKind.BulletEcho)
            {
                lastBullet = null;
            }
        }

        MarkMenuHeadings(result);
        MarkRepeatedCaptions(result);
        return result;
    }

    private static DumpLine ClassifyOne(int index, string raw, string text, string? lastBullet)
    {
        if (text.Length == 0)
        {
            return new(index, DumpLineKind.Blank, text);
        }

        var bullet = Bullet().Match(raw);
        if (bullet.Success)
        {
            return new(index, DumpLineKind.Bullet, text, TextLines.Normalize(bullet.Groups["item"].Value));
        }

        if (lastBullet is not null && raw.Length > 0 && char.IsWhiteSpace(raw[0]) && text == lastBullet)
        {
            return new(index, DumpLineKind.BulletEcho, text);
        }

        if (Clock().IsMatch(text))
        {
            return new(index, DumpLineKind.Clock, text);
        }

        // Literal guards keep the unanchored patterns off the many lines that cannot match them (prose lines are long).
        var signature = text.EndsWith("close", StringComparison.Ordinal) ? Signature().Match(text) : System.Text.RegularExpressions.Match.Empty;
        if (signature.Success && Outlets.IsKnown(signature.Groups["site"].Value))
        {
            return new(index, DumpLineKind.SiteSignature, text, Outlets.Canonical(signature.Groups["site"].Value));
        }

        if (Tools.Contains(text) || Slideshow().IsMatch(text))
        {
            return new(index, DumpLineKind.Tool, text);
        }

        if (MenuWords.Contains(text))
        {
            return new(index, DumpLineKind.MenuWord, text);
        }

        if (FooterStart().IsMatch(text) || (text.AsSpan().IndexOfAny(FooterPhrases) >= 0 && Footer().IsMatch(text)))
        {
            return new(index, DumpLineKind.Footer, text);
        }

        if (Note().IsMatch(text))
        {
            return new(index, DumpLineKind.Note, text);
        }

        if (MailWidget().IsMatch(text))
        {
            return new(index, DumpLineKind.MailWidget, text);
        }

        if (ReadTime().IsMatch(text))
        {
            return new(index, DumpLineKind.ReadTime, text);
        }

        var posted = Posted().Match(text);
        if (posted.Success && PublishedDateParser.TryParse(posted.Groups["p"].Value, null, out _))
        {
            return new(index, DumpLineKind.Posted, text, posted.Groups["p"].Value.Trim(), posted.Groups["u"].Success ? posted.Groups["u"].Value.Trim() : null);
        }

        var updated = Updated().Match(text);
        if (updated.Success && PublishedDateParser.TryParse(updated.Groups["u"].Value, null, out _))
        {
            return new(index, DumpLineKind.Updated, text, updated.Groups["u"].Value.Trim());
        }

        var dateByline = DateByline().Match(text);
        if (dateByline.Success && PublishedDateParser.TryParse(dateByline.Groups["d"].Value, null, out _)
            && BylineParser.TryParseNames(dateByline.Groups["by"].Value, out _, out _))
        {
            return new(index, DumpLineKind.DateByline, text, dateByline.Groups["d"].Value, dateByline.Groups["by"].Value);
        }

        var wire = WireHeader().Match(text);
        if (wire.Success && PublishedDateParser.TryParse(wire.Groups["d"].Value, null, out _))
        {
            return new(index, DumpLineKind.WireHeader, text, wire.Groups["d"].Value, wire.Groups["label"].Value);
        }

        // A line that is only a time stamp ("May 30, 2023 14:20 JST") is the article's publication time, not a title.
        if (text.Length <= MaxStampChars && HtmlExtractor.IsTimeLine(text))
        {
            return new(index, DumpLineKind.Posted, text, text);
        }

        if (text.StartsWith("By", StringComparison.OrdinalIgnoreCase) && BylineParser.TryParse(text, out _, out _))
        {
            return new(index, DumpLineKind.Byline, text);
        }

        var siteHeadline = text.Contains("get the latest", StringComparison.Ordinal) ? SiteHeadline().Match(text) : System.Text.RegularExpressions.Match.Empty;
        if (siteHeadline.Success)
        {
            return new(index, DumpLineKind.SiteHeadline, text, siteHeadline.Groups["h"].Value.Trim(), siteHeadline.Groups["host"].Value);
        }

        var words = TextLines.WordCount(text);
        if (words >= 3 && ((text.AsSpan().IndexOfAny(CreditCues) >= 0 && CreditEnd().IsMatch(text)) || (text.EndsWith(')') && AgencyEnd().IsMatch(text) && PhotoCue().IsMatch(text))))
        {
            return new(index, DumpLineKind.Caption, text);
        }

        if (words >= MinProseWords && DatelineParser.Parse(text) is not null)
        {
            return new(index, DumpLineKind.Dateline, text);
        }

        if (words >= 4 && (text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…')))
        {
            return new(index, DumpLineKind.Teaser, text);
        }

        if (words >= LongProseWords || (words >= MinProseWords && SentenceEnd().IsMatch(text)))
        {
            return new(index, DumpLineKind.Prose, text);
        }

        return new(index, words <= MaxTitleWords ? DumpLineKind.Title : DumpLineKind.Prose, text);
    }

    /// <summary>A short line right above a bullet list is the list's heading ("Biz &amp; Tech").</summary>
    private static void MarkMenuHeadings(DumpLine[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Kind != DumpLineKind.Title || TextLines.WordCount(lines[i].Text) > 4)
            {
                continue;
            }

            var next = NextContent(lines, i);
            if (next >= 0 && lines[next].Kind == DumpLineKind.Bullet)
            {
                lines[i] = lines[i] with { Kind = DumpLineKind.MenuWord };
            }
        }
    }

    /// <summary>
    /// A line printed twice in a row is a photo caption (dumps copy the image's alt text and its
    /// caption); every copy of it anywhere on the page is a caption too, never body text.
    /// </summary>
    private static void MarkRepeatedCaptions(DumpLine[] lines)
    {
        var captions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsTextual(lines[i].Kind) || TextLines.WordCount(lines[i].Text) < MinRepeatedCaptionWords)
            {
                continue;
            }

            var next = NextContent(lines, i);
            if (next >= 0 && lines[next].Text == lines[i].Text && IsTextual(lines[next].Kind))
            {
                captions.Add(lines[i].Text);
            }
        }

        if (captions.Count == 0)
        {
            return;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (IsTextual(lines[i].Kind) && captions.Contains(lines[i].Text))
            {
                lines[i] = lines[i] with { Kind = DumpLineKind.Caption };
            }
        }
    }

    private static bool IsTextual(DumpLineKind kind) =>
        kind is DumpLineKind.Prose or DumpLineKind.Title or DumpLineKind.Caption or DumpLineKind.Teaser;

    private static int NextContent(DumpLine[] lines, int i)
    {
        for (var j = i + 1; j < lines.Length; j++)
        {
            if (lines[j].Kind != DumpLineKind.Blank)
            {
                return j;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^\s*[•·▪■◦●▶►]\s*(?<item>.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*\|\s*\d{1,2}:\d{2}$")]
    private static partial Regex Clock();

    [GeneratedRegex(@"^(?<site>.+?)\s+close$")]
    private static partial Regex Signature();

    [GeneratedRegex(@"^Slideshow\s*\(\s*\d+\s*images?\s*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Slideshow();

    [GeneratedRegex(@"^E-?mail\s*:?\s*[\w.+-]+@|^E-?mail$|Article List|More articles by this reporter|^Most (?:Viewed|Liked|Saved|Read|Popular|Shared)\b|^Send Feedback$|^How can we improve\?$|^Thanks for your feedback!?$|^Copyright$|^Copyright\s*(?:©|\(c\)|\d{4})|^©|All rights reserved|^Issue Keywords$|^Related (?:Articles|News|Stories)$|^Top Stories$|^Recommended(?: Stories)?$|^\(END\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Footer();

    /// <summary>The alternatives of <see cref="Footer"/> that are anchored at the start of the line.</summary>
    [GeneratedRegex(@"^(?:E-?mail\s*:?\s*[\w.+-]+@|E-?mail$|Most (?:Viewed|Liked|Saved|Read|Popular|Shared)\b|Send Feedback$|How can we improve\?$|Thanks for your feedback!?$|Copyright$|Copyright\s*(?:©|\(c\)|\d{4})|©|Issue Keywords$|Related (?:Articles|News|Stories)$|Top Stories$|Recommended(?: Stories)?$|\(END\)$)", RegexOptions.IgnoreCase)]
    private static partial Regex FooterStart();

    [GeneratedRegex(@"^\((?:ATTN|EDITOR'?S NOTE|ED'?S NOTE|CORRECTS?|REFILE)\b[^)]*\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Note();

    [GeneratedRegex(@"^(?:From|Send to|To|Send)$")]
    private static partial Regex MailWidget();

    [GeneratedRegex(@"^\d{1,2}\s+Min(?:ute)?s?\s+Read$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadTime();

    // "Posted : 2019-08-21 16:56", "Published June 14, 2022 8:05 AM KST", and the wire layout
    // "NOVEMBER 9, 2023 / 4:05 AM / UPDATED 2 HOURS AGO".
    [GeneratedRegex(@"^(?:(?:Posted|Published|Registered|Input)\s*(?::\s*|\s+(?=[A-Z0-9]))(?<p>.+?)(?:\s+(?:Updated|Modified)\s*:\s*(?<u>.+))?|(?<p>(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s+\d{1,2},\s+\d{4}\s*/\s*\d{1,2}:\d{2}\s*[AP]M)(?:\s*/\s*UPDATED.*)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Posted();

    [GeneratedRegex(@"^(?:Updated|Modified|Last updated)\s*:\s*(?<u>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Updated();

    [GeneratedRegex(@"^(?<d>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}(?:\s*-\s*\d{1,2}:\d{2})?)\s+By\s+(?<by>.+)$")]
    private static partial Regex DateByline();

    [GeneratedRegex(@"^(?<label>[A-Z][A-Za-z &]{1,30}?)\s+(?<d>\d{1,2}:\d{2}\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})$")]
    private static partial Regex WireHeader();

    [GeneratedRegex(@"^(?<h>.+?)\s+(?<host>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+)\s+-\s+get the latest\b")]
    private static partial Regex SiteHeadline();

    [GeneratedRegex(@"(?:[.)]\s+(?:(?:AP|AFP|EPA|Reuters|Xinhua|Kyodo|KCNA|UPI|Newsis|News1|Getty Images)-)?Yonhap|\s(?:\[Yonhap\]|\[YONHAP\]|\(Yonhap photo\)|Yonhap photo)|[.)]\s+Korea Times (?:photo by [\p{Lu}][\p{L}'-]*(?: [\p{Lu}][\p{L}'-]*){0,3}|file)|[.)]\s+Courtesy of [^.]{2,60}|\sREUTERS/[\p{Lu}][\p{L}'-]*(?: [\p{Lu}][\p{L}'-]*){0,3}|\(AP Photo/[^)]{2,60}\))$")]
    private static partial Regex CreditEnd();

    [GeneratedRegex(@"\((?:Yonhap|AP|AFP|Reuters|EPA)\)$")]
    private static partial Regex AgencyEnd();

    [GeneratedRegex(@"\b(?:photo|image|picture|pictured|shows|poses)\b|\((?:L|R|C|L to R|R to L)\)|\bleft\b|\bright\b|second from", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCue();

    [GeneratedRegex(@"[.!?][""'”’)\]]*$|[""”’]$")]
    private static partial Regex SentenceEnd();
}
