using System.CommandLine;
using System.Text;
using Parley.Storage;
using Parley.Storage.Export;

namespace Parley.Cli;

internal static partial class Commands
{
    private static Command Export()
    {
        var db = CliOptions.Db();
        var format = CliOptions.Format("gdelt", "jsonl", "csv");
        var output = new Option<string?>("--out") { Description = "Output file (standard output when absent)" };
        var mentions = new Option<string?>("--mentions") { Description = "GDELT mentions file (default: beside --out, named *.mentions.tsv)" };
        var filters = new FilterOptions();
        var cmd = new Command("export", "Export events: the GDELT 2.0 event table (61 columns) and mentions table, POLECAT-style JSON lines, or CSV")
        {
            db, format, output, mentions,
        };
        filters.AddTo(cmd);
        cmd.SetAction(p =>
        {
            if (!EventStores.Exists(p.GetValue(db)!)) { Console.Error.WriteLine($"error PAR110: no database '{p.GetValue(db)}'; run 'parley ingest' first."); return 2; }
            if (!filters.TryQuery(p, out var q)) return 2;
            using var store = EventStores.Open(p.GetValue(db)!);
            string? outPath = p.GetValue(output);
            string? mentionsPath = p.GetValue(mentions) ?? (outPath is null ? null : Path.ChangeExtension(outPath, null) + ".mentions.tsv");
            using var o = outPath is null ? Console.Out : new StreamWriter(outPath, false, new UTF8Encoding(false));
            using var mo = p.GetValue(format) == "gdelt" && mentionsPath is not null ? new StreamWriter(mentionsPath, false, new UTF8Encoding(false)) : null;
            var (written, skipped) = Write(store, q, p.GetValue(format)!, o, mo);
            o.Flush();
            Console.Error.WriteLine($"exported {written} events{(skipped > 0 ? $" ({skipped} without any date left out of the GDELT table)" : "")}{(outPath is null ? "" : " to " + outPath)}{(mo is null ? "" : ", mentions to " + mentionsPath)}");
            return 0;
        });
        return cmd;
    }

    /// <summary>Writes every event matching <paramref name="q"/>; the number written and the number left out.</summary>
    internal static (int Written, int Skipped) Write(IEventStore store, EventQuery q, string format, TextWriter o, TextWriter? mentions)
    {
        int written = 0, skipped = 0;
        if (format == "csv") EventCsv.WriteHeader(o);
        foreach (var e in store.EnumerateEvents(q))
        {
            switch (format)
            {
                case "gdelt":
                    if (!GdeltExport.WriteEvent(o, e)) { skipped++; continue; }
                    if (mentions is not null) GdeltExport.WriteMentions(mentions, e);
                    break;
                case "jsonl":
                    PolecatJsonl.Write(o, e);
                    break;
                default:
                    EventCsv.Write(o, e);
                    break;
            }
            written++;
        }
        return (written, skipped);
    }
}
