using System.Globalization;

namespace Parley.Api;

/// <summary>Writes events as CSV (RFC 4180 quoting), one row per event with its first mention's evidence.</summary>
public static class EventCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "id,date,date_basis,source_name,source_code,target_name,target_code,cameo,cameo_root,quad_class,goldstein,plover,plover_mode,location,modality,confidence,num_mentions,evidence_url,sentence";

    /// <summary>Writes the header and one row per event.</summary>
    public static void Write(IEnumerable<Event> events, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine(Header);
        foreach (var e in events)
        {
            var m = e.Mentions.FirstOrDefault();
            o.WriteLine(string.Join(',', new[]
            {
                e.Id, e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", e.DateBasis, e.Source.Name, e.Source.Code,
                e.Target.Name, e.Target.Code, e.Code.Code, e.Code.Root, ((int)e.Code.Quad).ToString(CultureInfo.InvariantCulture),
                e.Code.Goldstein.ToString(CultureInfo.InvariantCulture), e.Code.Plover, e.Code.PloverMode, e.Location ?? "",
                e.Modality.ToString().ToLowerInvariant(), e.Confidence.ToString(CultureInfo.InvariantCulture),
                e.Mentions.Length.ToString(CultureInfo.InvariantCulture), m?.Url ?? "", m?.Sentence ?? "",
            }.Select(Field)));
        }
    }

    /// <summary>Quotes a field when it holds a comma, quote or line break. A leading =, +, - or @ is
    /// prefixed with an apostrophe so that a spreadsheet does not run it as a formula.</summary>
    public static string Field(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '@' or '-' && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            s = "'" + s;
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
