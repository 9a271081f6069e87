using System.Globalization;
using System.Text;
using Parley.Api;
using Parley.Storage.Export;

namespace Parley.Cli;

/// <summary>Prints events as a table, CSV or JSON lines, and one event in full.</summary>
internal static class Output
{
    public static void Events(IReadOnlyList<Event> events, string format, TextWriter o)
    {
        switch (format)
        {
            case "jsonl":
                foreach (var e in events) o.WriteLine(EventJson.ToJson(w => EventJson.Write(w, e)));
                break;
            case "csv":
                EventCsv.Write(events, o);
                break;
            default:
                Table(events, o);
                break;
        }
    }

    private static void Table(IReadOnlyList<Event> events, TextWriter o)
    {
        o.WriteLine($"{"id",-18}  {"date",-10}  {"source",-30}  {"event",-34}  {"target",-30}  {"mod",-4} {"n",2}");
        foreach (var e in events)
        {
            string ev = $"{e.Code.Code} {e.Code.Plover}".Trim();
            o.WriteLine($"{e.Id,-18}  {e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?",-10}  {Cut($"{e.Source.Name} ({e.Source.Code})", 30),-30}  {Cut(ev + " " + e.Code.Name, 34),-34}  {Cut($"{e.Target.Name} ({e.Target.Code})", 30),-30}  {e.Modality.ToString()[..4].ToLowerInvariant(),-4} {e.NumMentions,2}");
        }
        o.WriteLine($"{events.Count} events");
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    public static void Show(Event e, TextWriter o)
    {
        o.WriteLine($"event {e.Id}");
        o.WriteLine($"  {e.Source.Name} ({e.Source.Code})  →  {e.Target.Name} ({e.Target.Code})");
        o.WriteLine($"  CAMEO {e.Code.Code} (root {e.Code.Root}) {e.Code.Name}; QuadClass {(int)e.Code.Quad}; Goldstein {e.Code.Goldstein.ToString(CultureInfo.InvariantCulture)}; PLOVER {e.Code.Plover} {e.Code.PloverMode}".TrimEnd());
        o.WriteLine($"  date {e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"} (basis: {e.DateBasis}); modality {e.Modality.ToString().ToLowerInvariant()}; location {e.Location ?? "-"}; confidence {e.Confidence.ToString(CultureInfo.InvariantCulture)}");
        o.WriteLine($"  {e.NumMentions} mention(s) in {e.NumArticles} article(s) from {e.NumSources} source(s):");
        foreach (var m in e.Mentions)
        {
            o.WriteLine($"  - {m.Outlet} | {m.Headline} | {m.Published}{(m.Attribution is null ? "" : " | said by " + m.Attribution)}");
            var s = m.Sentence;
            int a = Math.Clamp(m.Start, 0, s.Length), b = Math.Clamp(m.End, a, s.Length);
            o.WriteLine($"    {s[..a]}[[{s[a..b]}]]{s[b..]}");
            o.WriteLine($"    evidence span [{m.Start},{m.End}) in the sentence");
        }
    }
}
