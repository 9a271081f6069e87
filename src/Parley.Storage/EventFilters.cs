using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Storage;

/// <summary>
/// The one reader of event filters given as key/value text (an HTTP query string, CLI options)
/// into an <see cref="EventQuery"/>. Every front end names the same keys, so a permalink, a CLI
/// line and an API call mean the same selection.
/// </summary>
public static class EventFilters
{
    /// <summary>Largest page the API and CLI hand out at once.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>Every filter key, in the order documentation lists them.</summary>
    public static ImmutableArray<EventFilterKey> Keys { get; } =
    [
        new("actor", "actor", "Actor on either side: a CAMEO actor code prefix (KOR, USAGOV) or part of a name (Moon).", "USAGOV"),
        new("dyad", "dyad", "Two country codes, events between them in either direction: KOR-USA.", "KOR-USA"),
        new("country", "country", "A country code on either side: PRK.", "PRK"),
        new("cameo", "cameo", "CAMEO root (04) or code prefix (041).", "04"),
        new("quad", "quad", "QuadClass 1-4 (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).", "1"),
        new("plover", "plover", "PLOVER event type: CONSULT, ACCUSE, ...", "CONSULT"),
        new("from", "from", "First event day, inclusive, YYYY-MM-DD.", "2018-01-01"),
        new("to", "to", "Last event day, inclusive, YYYY-MM-DD.", "2019-12-31"),
        new("outlet", "outlet", "Outlet name, exact: Yonhap.", "Yonhap"),
        new("q", "text", "Words the reporting article must contain (full-text search over headlines and bodies).", "phone"),
        new("modality", "modality", "Comma-separated modalities (asserted, negated, hypothetical, intended) or 'all'; default asserted,intended.", "asserted"),
        new("limit", "limit", "Most events returned, 1-10000.", "100"),
        new("offset", "offset", "Events to skip, for paging.", "0"),
    ];

    /// <summary>
    /// Reads the filters that <paramref name="get"/> returns values for (null or empty: no filter).
    /// </summary>
    /// <param name="get">Looks up a key's value.</param>
    /// <param name="defaultLimit">The page size when no <c>limit</c> is given.</param>
    /// <returns>The query.</returns>
    /// <exception cref="EventFilterException">A value has the wrong form; the message says which and why.</exception>
    public static EventQuery Parse(Func<string, string?> get, int defaultLimit = 500)
    {
        ArgumentNullException.ThrowIfNull(get);
        string? Str(string key) => get(key) is { } v && v.Trim() is { Length: > 0 } t ? t : null;
        return new EventQuery
        {
            Actor = Str("actor"),
            Dyad = Dyad(Str("dyad")),
            Country = Str("country") is { } c ? CountryCode("country", c) : null,
            Cameo = Str("cameo") is { } cameo ? Cameo(cameo) : null,
            QuadClass = Str("quad") is { } quad ? Int("quad", quad, 1, 4) : null,
            Plover = Str("plover") is { } p ? Word("plover", p) : null,
            From = Day("from", Str("from")),
            To = Day("to", Str("to")),
            Outlet = Str("outlet"),
            Text = Str("q"),
            Modalities = Str("modality") is { } m ? Modalities(m) : [Modality.Asserted, Modality.Intended],
            Limit = Str("limit") is { } l ? Int("limit", l, 1, MaxLimit) : defaultLimit,
            Offset = Str("offset") is { } o ? Int("offset", o, 0, int.MaxValue) : 0,
        } is var q && q.From > q.To
            ? throw new EventFilterException("from", $"'from' ({q.From:yyyy-MM-dd}) is after 'to' ({q.To:yyyy-MM-dd}).")
            : q;
    }

    /// <summary>Like <see cref="Parse"/>, returning false and the error instead of throwing.</summary>
    public static bool TryParse(Func<string, string?> get, out EventQuery query, out EventFilterException? error, int defaultLimit = 500)
    {
        try
        {
            query = Parse(get, defaultLimit);
            error = null;
            return true;
        }
        catch (EventFilterException ex)
        {
            query = new EventQuery();
            error = ex;
            return false;
        }
    }

    /// <summary>Reads a day YYYY-MM-DD; null stays null.</summary>
    /// <exception cref="EventFilterException">The value is not a day.</exception>
    public static DateOnly? Day(string key, string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new EventFilterException(key, $"'{key}' must be a date YYYY-MM-DD, not '{value}'.");

    private static (string, string)? Dyad(string? value)
    {
        if (value is null) return null;
        var parts = value.Split('-', ',');
        if (parts.Length != 2 || parts.Any(p => p.Length != 3 || !p.All(char.IsAsciiLetter)))
            throw new EventFilterException("dyad", $"'dyad' must be two three-letter country codes like KOR-USA, not '{value}'.");
        return (parts[0].ToUpperInvariant(), parts[1].ToUpperInvariant());
    }

    private static string CountryCode(string key, string value) =>
        value.Length == 3 && value.All(char.IsAsciiLetter) ? value.ToUpperInvariant()
        : throw new EventFilterException(key, $"'{key}' must be a three-letter country code like PRK, not '{value}'.");

    private static string Cameo(string value) =>
        value.Length is >= 2 and <= 4 && value.All(char.IsAsciiDigit) ? value
        : throw new EventFilterException("cameo", $"'cameo' must be a CAMEO root or code of 2-4 digits like 04 or 041, not '{value}'.");

    private static string Word(string key, string value) =>
        value.Length <= 32 && value.All(c => char.IsAsciiLetter(c) || c == '_') ? value.ToUpperInvariant()
        : throw new EventFilterException(key, $"'{key}' must be a PLOVER type like CONSULT, not '{value}'.");

    private static int Int(string key, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw new EventFilterException(key, $"'{key}' must be a whole number from {min} to {max}, not '{value}'.");

    private static IReadOnlyList<Modality> Modalities(string value)
    {
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase)) return [];
        var list = new List<Modality>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Modality>(part, ignoreCase: true, out var m) || !Enum.IsDefined(m) || part.All(char.IsAsciiDigit))
                throw new EventFilterException("modality", $"'modality' must be 'all' or a list of asserted, negated, hypothetical, intended; in '{value}', '{part}' is none of them.");
            list.Add(m);
        }
        return list;
    }
}
