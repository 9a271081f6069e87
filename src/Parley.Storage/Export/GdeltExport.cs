using System.Globalization;
using System.Text;
using Parley.Pipeline.Consolidation;

namespace Parley.Storage.Export;

/// <summary>
/// Writes events as the GDELT 2.0 event table (61 tab-separated columns in the codebook's
/// order, no header) and their mentions as the GDELT 2.0 mentions table (16 columns), so
/// that tools that load GDELT files load Parley's. SQLDATE is the day the event happened.
/// </summary>
/// <remarks>
/// What Parley does not know is left empty, as GDELT leaves fields it cannot fill: tone,
/// ethnic and religion codes, coordinates and feature ids. A place that is named but not
/// geocoded goes to ActionGeo_FullName with ActionGeo_Type 0.
/// </remarks>
public static class GdeltExport
{
    /// <summary>The 61 event-table columns, in order.</summary>
    public static readonly IReadOnlyList<string> EventColumns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. ActorColumns("Actor1"), .. ActorColumns("Actor2"),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        .. GeoColumns("Actor1Geo"), .. GeoColumns("Actor2Geo"), .. GeoColumns("ActionGeo"),
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>The 16 mentions-table columns, in order.</summary>
    public static readonly IReadOnlyList<string> MentionColumns =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
        "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
        "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
    ];

    // First blocks of actor codes that are not countries (CAMEO international and transnational actors).
    private static readonly HashSet<string> NonState = new(StringComparer.Ordinal) { "IGO", "NGO", "IMG", "MNC", "UIS", "NGM" };

    /// <summary>Writes one event row; false (nothing written) when the event has no date at all.</summary>
    public static bool WriteEvent(TextWriter o, Event e)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(e);
        if (SqlDate(e) is not { } day) return false;
        var f = new List<string>(61)
        {
            EventKeys.NumericId(e.Id).ToString(CultureInfo.InvariantCulture),
            day.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            day.ToString("yyyyMM", CultureInfo.InvariantCulture),
            day.Year.ToString(CultureInfo.InvariantCulture),
            (day.Year + day.DayOfYear / 365.0).ToString("0.0000", CultureInfo.InvariantCulture),
        };
        f.AddRange(Actor(e.Source));
        f.AddRange(Actor(e.Target));
        string code = e.Code.Code;
        f.Add(e.Mentions.Any(m => m.SentenceIndex <= 1) ? "1" : "0");
        f.Add(code);
        f.Add(code.Length >= 3 ? code[..3] : code);
        f.Add(e.Code.Root);
        f.Add(((int)e.Code.Quad).ToString(CultureInfo.InvariantCulture));
        f.Add(e.Code.Goldstein.ToString("0.0", CultureInfo.InvariantCulture));
        f.Add(e.NumMentions.ToString(CultureInfo.InvariantCulture));
        f.Add(e.NumSources.ToString(CultureInfo.InvariantCulture));
        f.Add(e.NumArticles.ToString(CultureInfo.InvariantCulture));
        f.Add("");
        f.AddRange(Geo(null));
        f.AddRange(Geo(null));
        f.AddRange(Geo(e.Location));
        f.Add(Stamp(e.FirstSeen, day));
        var first = e.Mentions.FirstOrDefault();
        f.Add(first?.Url ?? first?.SourceKey ?? first?.ArticleId ?? "");
        o.Write(string.Join('\t', f.Select(Clean)));
        o.Write('\n');
        return true;
    }

    /// <summary>Writes one mentions-table row for each of the event's mentions; nothing when the event has no date.</summary>
    public static void WriteMentions(TextWriter o, Event e)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(e);
        if (SqlDate(e) is not { } day) return;
        string id = EventKeys.NumericId(e.Id).ToString(CultureInfo.InvariantCulture);
        string eventTime = Stamp(e.FirstSeen, day);
        foreach (var m in e.Mentions)
        {
            var published = DateTimeOffset.TryParse(m.Published, CultureInfo.InvariantCulture, DateTimeStyles.None, out var p) ? p : (DateTimeOffset?)null;
            string[] f =
            [
                id, eventTime, Stamp(published, day), "1", m.SourceKey ?? m.Outlet ?? "", m.Url ?? m.ArticleId,
                (m.SentenceIndex + 1).ToString(CultureInfo.InvariantCulture), "-1", "-1",
                (m.SentenceOffset + m.Start).ToString(CultureInfo.InvariantCulture), "1",
                ((int)Math.Round(m.Confidence * 100)).ToString(CultureInfo.InvariantCulture), "", "", "", "",
            ];
            o.Write(string.Join('\t', f.Select(Clean)));
            o.Write('\n');
        }
    }

    /// <summary>The day written as SQLDATE: the event's date, else the day it was first reported.</summary>
    public static DateOnly? SqlDate(Event e) =>
        e.Date ?? (e.FirstSeen is { } seen ? DateOnly.FromDateTime(seen.UtcDateTime) : null);

    private static IEnumerable<string> ActorColumns(string p) =>
        new[] { "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code" }
            .Select(s => p + s);

    private static IEnumerable<string> GeoColumns(string p) =>
        new[] { "_Type", "_FullName", "_CountryCode", "_ADM1Code", "_ADM2Code", "_Lat", "_Long", "_FeatureID" }.Select(s => p + s);

    // Code, name, country, known group, ethnic, religion 1 and 2, and up to three role blocks.
    private static string[] Actor(ActorRef a)
    {
        var blocks = Enumerable.Range(0, a.Code.Length / 3).Select(i => a.Code.Substring(i * 3, 3)).ToList();
        string country = "", group = "";
        if (blocks.Count > 0 && NonState.Contains(blocks[0]))
        {
            blocks.RemoveAt(0);
            if (blocks.Count > 0) { group = blocks[0]; blocks.RemoveAt(0); }
        }
        else if (blocks.Count > 0)
        {
            country = blocks[0];
            blocks.RemoveAt(0);
        }
        return [a.Code, a.Name.ToUpperInvariant(), country, group, "", "", "", Block(blocks, 0), Block(blocks, 1), Block(blocks, 2)];
    }

    private static string Block(List<string> blocks, int i) => i < blocks.Count ? blocks[i] : "";

    private static string[] Geo(string? place) => ["0", place ?? "", "", "", "", "", "", ""];

    private static string Stamp(DateTimeOffset? t, DateOnly fallback) =>
        t is { } v ? v.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) : fallback.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000";

    // A field may hold no tab or line break: they would split the row.
    private static string Clean(string s)
    {
        if (s.AsSpan().IndexOfAny('\t', '\n', '\r') < 0) return s;
        var b = new StringBuilder(s.Length);
        foreach (char c in s) b.Append(c is '\t' or '\n' or '\r' ? ' ' : c);
        return b.ToString();
    }
}
