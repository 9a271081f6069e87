using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Parses publication times as pages print them: "2018-03-17 00:01", "March 30, 2019 - 18:46",
/// "16:00 March 07, 2019", "Aug. 21, 2019", "2019.08.21 16:56", RFC 1123, ISO 8601 with or without
/// an offset, and dates in URL paths ("/2019/08/21/"). A time without a zone gets the outlet's
/// default offset (+09:00 for Korean outlets, see <see cref="Outlets.DefaultOffset"/>), else UTC.
/// </summary>
/// <remarks>
/// Rather than a list of exact formats, the parser finds a date (numeric or with a month name), a
/// time (24-hour or with a.m./p.m.) and a zone (an offset or an abbreviation) anywhere in the text,
/// so that words around them ("Posted :", weekday names, "KST") do not matter.
/// </remarks>
public static partial class PublishedDateParser
{
    /// <summary>Earliest year accepted: older dates on a news page are almost always something else.</summary>
    private const int MinYear = 1980;

    /// <summary>Latest year accepted.</summary>
    private const int MaxYear = 2100;

    /// <summary>Month names and abbreviations in English, German, French, Spanish, Italian, Dutch and Portuguese.</summary>
    private static readonly FrozenDictionary<string, int> Months = BuildMonths();

    private static readonly FrozenDictionary<string, TimeSpan> Zones = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["KST"] = TimeSpan.FromHours(9), ["JST"] = TimeSpan.FromHours(9), ["CST"] = TimeSpan.FromHours(-6),
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["CDT"] = TimeSpan.FromHours(-5),
        ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6), ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static FrozenDictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["jan", "january", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari", "janeiro"],
            ["feb", "february", "februar", "feber", "février", "févr", "fév", "fevrier", "febrero", "febbraio", "februari", "fevereiro", "fev"],
            ["mar", "march", "märz", "maerz", "mär", "mars", "marzo", "maart", "mrt", "março", "marco"],
            ["apr", "april", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "mag", "mei", "maio"],
            ["jun", "june", "juni", "juin", "junio", "giugno", "giu", "junho"],
            ["jul", "july", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
            ["aug", "august", "août", "aout", "agosto", "ago", "augustus"],
            ["sep", "sept", "september", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro"],
            ["oct", "october", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"],
            ["nov", "november", "novembre", "noviembre", "novembro"],
            ["dec", "december", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "dicembre", "dezembro"],
        ];
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months.TryAdd(name, i + 1);
            }
        }

        return months.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The printed time.</param>
    /// <param name="defaultOffset">The offset to use when the text gives none; null means UTC.</param>
    /// <returns>The instant, or null when no valid date was found.</returns>
    public static DateTimeOffset? Parse(string? text, TimeSpan? defaultOffset = null) =>
        TryParse(text, defaultOffset, out var value) ? value : null;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">The printed time.</param>
    /// <param name="defaultOffset">The offset to use when the text gives none; null means UTC.</param>
    /// <param name="value">The instant; midnight when the text has no time of day.</param>
    /// <returns>True when a valid date was found.</returns>
    public static bool TryParse(string? text, TimeSpan? defaultOffset, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return false;
        }

        // Every date pattern below needs an ASCII digit: most lines the text-dump classifier and the
        // HTML extractor ask about (titles, menus) have none, and four unanchored regexes over them
        // were 3% of the worker side's CPU.
        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        var s = text.Replace('\u00A0', ' ').Trim();
        var iso = Iso().Match(s);
        if (iso.Success)
        {
            var time = iso.Groups["h"].Success
                ? (Int(iso.Groups["h"]), Int(iso.Groups["mi"]), iso.Groups["s"].Success ? Int(iso.Groups["s"]) : 0)
                : (0, 0, 0);
            var offset = iso.Groups["z"].Success ? ParseOffset(iso.Groups["z"].Value) : defaultOffset;
            return Build(Int(iso.Groups["y"]), Int(iso.Groups["mo"]), Int(iso.Groups["d"]), time, offset, out value);
        }

        if (!TryFindDate(s, out var year, out var month, out var day, out var dateMatch))
        {
            return false;
        }

        var rest = s.Remove(dateMatch.Index, dateMatch.Length);
        var clock = (0, 0, 0);
        var tm = Time().Match(rest);
        if (tm.Success)
        {
            var hour = Int(tm.Groups["h"]);
            if (tm.Groups["ap"].Success)
            {
                var pm = char.ToLowerInvariant(tm.Groups["ap"].Value[0]) == 'p';
                hour = hour % 12 + (pm ? 12 : 0);
            }

            clock = (hour, Int(tm.Groups["mi"]), tm.Groups["s"].Success ? Int(tm.Groups["s"]) : 0);
        }

        TimeSpan? zone = defaultOffset;
        var zm = Zone().Match(tm.Success ? rest[(tm.Index + tm.Length)..] : rest);
        if (zm.Success)
        {
            zone = zm.Groups["off"].Success ? ParseOffset(zm.Groups["off"].Value) : Zones.GetValueOrDefault(zm.Groups["abbr"].Value);
        }

        return Build(year, month, day, clock, zone, out value);
    }

    /// <summary>The date in a URL path ("/2019/08/21/", "/2017/7/12/", "/20190821/", "-20190821", "2019-08-21"), or null.</summary>
    public static DateOnly? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        foreach (Match m in UrlDate().Matches(url))
        {
            var year = Int(m.Groups["y"]);
            var month = Int(m.Groups["mo"]);
            var day = Int(m.Groups["d"]);
            if (IsValidDate(year, month, day))
            {
                return new DateOnly(year, month, day);
            }
        }

        // A slug that spells the day out, "bericht_vom_22.04.2020_...".
        var dotted = DayFirstNumeric().Match(url);
        return dotted.Success && dotted.Groups["sep"].Value.StartsWith('.') && dotted.Groups["y"].Length == 4 ? Date(dotted, numeric: true) : null;
    }

    /// <summary>
    /// The date a URL spells as three path segments ("/2017/7/12/", "/2019/08/21/"), or null. Stricter
    /// than <see cref="FromUrl"/>: "/2023/10/3-fragen-an/" is a month and a slug, not a day.
    /// </summary>
    public static DateOnly? FromUrlPath(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var m = UrlPathDate().Match(url);
        if (!m.Success)
        {
            return null;
        }

        var (year, month, day) = (Int(m.Groups["y"]), Int(m.Groups["mo"]), Int(m.Groups["d"]));
        return IsValidDate(year, month, day) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>Every full date in <paramref name="text"/>, in text order, with its position.</summary>
    /// <param name="text">Any text (a page, a paragraph).</param>
    /// <returns>Valid dates only (years 1980 to 2100).</returns>
    public static IEnumerable<(DateOnly Date, int Index)> FindDates(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(DateOnly, int)>();
        Collect(NumericDate(), text, found, numeric: true);
        Collect(DayFirstNumeric(), text, found, numeric: true);
        Collect(MonthFirst(), text, found, numeric: false);
        Collect(DayFirst(), text, found, numeric: false);
        return found.OrderBy(f => f.Item2);
    }

    private static void Collect(Regex regex, string text, List<(DateOnly, int)> found, bool numeric)
    {
        foreach (var (m, date) in Candidates(regex, text, numeric))
        {
            if (date is { } d)
            {
                found.Add((d, m.Index));
            }
        }
    }

    /// <summary>
    /// The matches of a date pattern in <paramref name="text"/>, in text order, each with its date
    /// (null when it is not a valid one).
    /// </summary>
    /// <remarks>
    /// The month patterns take any word of three to ten letters for the month and look it up in
    /// <see cref="Months"/>: with the names spelled out in them, they were the two largest methods an
    /// ingest compiled (0.13 s each, a sixth of all its compiling, on the path of the first capture).
    /// A word that names no month is passed over by one character rather than by its length, so that a
    /// date starting inside it is still found: the dates are the ones the spelled-out names found.
    /// </remarks>
    private static IEnumerable<(Match Match, DateOnly? Date)> Candidates(Regex regex, string text, bool numeric)
    {
        var m = regex.Match(text);
        while (m.Success)
        {
            if (!numeric && !Months.ContainsKey(m.Groups["mon"].Value))
            {
                m = regex.Match(text, m.Index + 1);
                continue;
            }

            yield return (m, Date(m, numeric));
            m = m.NextMatch();
        }
    }

    private static DateOnly? Date(Match m, bool numeric)
    {
        var year = Int(m.Groups["y"]);
        if (m.Groups["y"].Length == 2)
        {
            // A two-digit year on a news page is this century's ("28.01.22").
            year += 2000;
        }

        var day = Int(m.Groups["d"]);
        int month;
        if (numeric)
        {
            month = Int(m.Groups["mo"]);

            // "02/17/2022" can only be month first; "04/05/2022" is read day first, as everywhere but the US.
            if (month > 12 && day <= 12 && m.Groups["sep"].Value == "/")
            {
                (day, month) = (month, day);
            }
        }
        else if (!Months.TryGetValue(m.Groups["mon"].Value.TrimEnd('.'), out month))
        {
            return null;
        }

        return IsValidDate(year, month, day) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>The date patterns in the order <see cref="TryFindDate"/> tries them, and whether each is all digits.</summary>
    private static readonly (Regex Regex, bool Numeric)[] DatePatterns =
        [(NumericDate(), true), (DayFirstNumeric(), true), (MonthFirst(), false), (DayFirst(), false)];

    private static bool HasFourDigits(string s)
    {
        int run = 0;
        foreach (char c in s)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first valid date in <paramref name="s"/> by position, whatever its layout.</summary>
    private static bool TryFindDate(string s, out int year, out int month, out int day, out Match match)
    {
        (year, month, day) = (0, 0, 0);
        match = Match.Empty;
        DateOnly? best = null;
        // Three of the four patterns need a four-digit year; most lines with a number have none.
        bool fourDigits = HasFourDigits(s);
        foreach (var (regex, numeric) in DatePatterns)
        {
            if (!fourDigits && regex != DayFirstNumeric())
            {
                continue;
            }

            foreach (var (m, date) in Candidates(regex, s, numeric))
            {
                if (best is not null && m.Index >= match.Index)
                {
                    break;
                }

                if (date is { } found)
                {
                    (best, match) = (found, m);
                    break;
                }
            }
        }

        if (best is not { } d)
        {
            return false;
        }

        (year, month, day) = (d.Year, d.Month, d.Day);
        return true;
    }

    private static bool Build(int year, int month, int day, (int H, int M, int S) time, TimeSpan? offset, out DateTimeOffset value)
    {
        value = default;
        if (!IsValidDate(year, month, day) || time.H > 23 || time.M > 59 || time.S > 59)
        {
            return false;
        }

        var zone = offset ?? TimeSpan.Zero;
        if (zone.Ticks % TimeSpan.TicksPerMinute != 0 || Math.Abs(zone.TotalHours) > 14)
        {
            zone = TimeSpan.Zero;
        }

        value = new DateTimeOffset(year, month, day, time.H, time.M, time.S, zone);
        return true;
    }

    private static bool IsValidDate(int year, int month, int day) =>
        year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static TimeSpan? ParseOffset(string text)
    {
        if (text is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length == 2)
        {
            digits += "00";
        }

        if (digits.Length != 4 || !int.TryParse(digits.AsSpan(0, 2), out var h) || !int.TryParse(digits.AsSpan(2, 2), out var m) || h > 14 || m > 59)
        {
            return null;
        }

        return sign * new TimeSpan(h, m, 0);
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?:[T ](?<h>[0-9]{2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,][0-9]+)?)?)?\s*(?<z>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![0-9])(?<y>[0-9]{4})\s*[-./년年]\s*(?<mo>[0-9]{1,2})\s*[-./월月]\s*(?<d>[0-9]{1,2})(?![0-9])")]
    private static partial Regex NumericDate();

    /// <summary>
    /// Day first with dots ("06.08.2009", "6. 8. 2009", "28.01.22"), hyphens ("06-08-2009") or slashes
    /// ("17/02/2022"; month first only when the second number cannot be a month).
    /// </summary>
    [GeneratedRegex(@"(?<![0-9.,/])(?<d>[0-9]{1,2})(?<sep>\.\s?|-|/)(?<mo>[0-9]{1,2})\k<sep>(?<y>(?:19|20)[0-9]{2}|[0-9]{2}(?![0-9.:]))(?![0-9])")]
    private static partial Regex DayFirstNumeric();

    // The month is any word of three to ten letters; Candidates keeps those Months knows.
    [GeneratedRegex(@"(?<![\p{L}])(?<mon>\p{L}{3,10})\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<y>[0-9]{4})(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?(?<mon>\p{L}{3,10})\.?,?\s+(?:de\s+)?(?<y>[0-9]{4})(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"(?<![0-9])(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2}))?(?:\s*(?<ap>[ap])\.?m\.?(?![a-z]))?", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"(?<off>[+-][0-9]{2}:?[0-9]{2})(?![0-9])|\b(?<abbr>UTC|GMT|KST|JST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST)\b")]
    private static partial Regex Zone();

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})(?:[/_-](?<mo>[0-9]{1,2})[/_-](?<d>[0-9]{1,2})(?=[/_.-]|$)|(?<mo>[0-9]{2})(?<d>[0-9]{2})(?=[/_.-]|$))")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})/(?<mo>[0-9]{1,2})/(?<d>[0-9]{1,2})/")]
    private static partial Regex UrlPathDate();
}
