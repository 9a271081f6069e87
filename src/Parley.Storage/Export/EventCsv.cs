using System.Globalization;

namespace Parley.Storage.Export;

/// <summary>Events as CSV (RFC 4180 quoting), one row per event with its counts and first evidence.</summary>
public static class EventCsv
{
    /// <summary>The header row's column names.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "date", "date_basis", "source_text", "source_name", "source_code", "target_text", "target_name", "target_code",
        "cameo", "cameo_root", "cameo_name", "quad_class", "goldstein", "plover", "plover_mode", "location", "modality", "confidence",
        "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen", "evidence_url", "evidence_sentence", "evidence",
    ];

    /// <summary>Writes the header row.</summary>
    public static void WriteHeader(TextWriter o) => o.Write(string.Join(',', Columns) + "\n");

    /// <summary>Writes the header and one row per event.</summary>
    public static void Write(IEnumerable<Event> events, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(events);
        WriteHeader(o);
        foreach (var e in events) Write(o, e);
    }

    /// <summary>Writes one event's row.</summary>
    public static void Write(TextWriter o, Event e)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(e);
        var m = e.Mentions.FirstOrDefault();
        string evidence = m?.Evidence ?? "";
        string[] f =
        [
            e.Id, e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", e.DateBasis,
            e.Source.Text, e.Source.Name, e.Source.Code, e.Target.Text, e.Target.Name, e.Target.Code,
            e.Code.Code, e.Code.Root, e.Code.Name, ((int)e.Code.Quad).ToString(CultureInfo.InvariantCulture),
            e.Code.Goldstein.ToString(CultureInfo.InvariantCulture), e.Code.Plover, e.Code.PloverMode, e.Location ?? "",
            e.Modality.ToString().ToLowerInvariant(), e.Confidence.ToString(CultureInfo.InvariantCulture),
            e.NumMentions.ToString(CultureInfo.InvariantCulture), e.NumArticles.ToString(CultureInfo.InvariantCulture),
            e.NumSources.ToString(CultureInfo.InvariantCulture),
            e.FirstSeen?.ToString("o", CultureInfo.InvariantCulture) ?? "", e.LastSeen?.ToString("o", CultureInfo.InvariantCulture) ?? "",
            m?.Url ?? "", m?.Sentence ?? "", evidence,
        ];
        o.Write(string.Join(',', f.Select(Quote)) + "\n");
    }

    /// <summary>Quotes a field when it holds a comma, quote or line break. A leading =, +, - or @ is
    /// prefixed with an apostrophe so that a spreadsheet does not run it as a formula.</summary>
    public static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '@' or '-' && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            s = "'" + s;
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
