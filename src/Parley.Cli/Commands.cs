using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Hosting;
using Parley.Api;
using Parley.Api.Ingestion;
using Parley.Pipeline;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>The CLI's commands. Each returns 0 on success, 1 when some input failed, 2 on a usage error.</summary>
internal static partial class Commands
{
    public static IEnumerable<Command> All() => [Ingest(), Events(), Show(), Extract(), Code(), Serve(), Demo(), CodingEval()];

    private static DictionarySet LoadDicts(string[]? files) =>
        files is { Length: > 0 } ? DictionarySet.Load(files) : DictionarySet.Default;

    private static Diagnostics ConsoleDiagnostics() => new(d => Console.Error.WriteLine(d.ToString()));

    private static Command Ingest()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or globs of .txt, .html, .gz, .jsonl, .warc(.gz) captures", Arity = ArgumentArity.OneOrMore };
        var db = CliOptions.Db();
        var dicts = CliOptions.Dicts();
        var cmd = new Command("ingest", "Store captures and code their events") { paths, db, dicts };
        cmd.SetAction(p =>
        {
            var diag = ConsoleDiagnostics();
            using var store = new SqliteEventStore(p.GetValue(db)!);
            var service = new IngestService(store, LoadDicts(p.GetValue(dicts)));
            var r = service.Ingest(p.GetValue(paths)!, diag);
            var counts = store.Counts();
            Console.WriteLine(FormattableString.Invariant(
                $"ingested {r.Captures} captures ({r.New} new, {r.Skipped} already stored, {r.Failed} failed): {r.Articles} articles, {r.Mentions} event mentions in {r.Elapsed.TotalSeconds:F2}s; store: {counts.Captures} captures, {counts.Articles} articles, {counts.Events} events"));
            return diag.ErrorCount > 0 ? 1 : 0;
        });
        return cmd;
    }

    private static Command Events()
    {
        var db = CliOptions.Db();
        var format = CliOptions.Format("table", "csv", "jsonl");
        var actor = new Option<string?>("--actor") { Description = "Actor code prefix (KOR, USAGOV) or part of a name" };
        var dyad = new Option<string?>("--dyad") { Description = "Two country codes, either direction: KOR-USA" };
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD" };
        var cameo = new Option<string?>("--cameo") { Description = "CAMEO root or code prefix: 04, 041" };
        var plover = new Option<string?>("--plover") { Description = "PLOVER type: CONSULT, ACCUSE..." };
        var all = new Option<bool>("--all-modalities") { Description = "Include negated and hypothetical events" };
        var limit = new Option<int>("--limit") { Description = "Most rows", DefaultValueFactory = _ => 1000 };
        var cmd = new Command("events", "List stored events") { db, format, actor, dyad, from, to, cameo, plover, all, limit };
        cmd.SetAction(p =>
        {
            if (!File.Exists(p.GetValue(db))) { Console.Error.WriteLine($"error PAR110: no database '{p.GetValue(db)}'; run 'parley ingest' first."); return 2; }
            using var store = new SqliteEventStore(p.GetValue(db)!);
            EventQuery q;
            try { q = BuildQuery(p.GetValue(actor), p.GetValue(dyad), p.GetValue(from), p.GetValue(to), p.GetValue(cameo), p.GetValue(plover), p.GetValue(all), p.GetValue(limit)); }
            catch (FormatException ex) { Console.Error.WriteLine("error PAR400: " + ex.Message); return 2; }
            var events = store.QueryEvents(q);
            Output.Events(events, p.GetValue(format)!, Console.Out);
            return 0;
        });
        return cmd;
    }

    internal static EventQuery BuildQuery(string? actor, string? dyad, string? from, string? to, string? cameo, string? plover, bool all, int limit)
    {
        static DateOnly? Day(string? s, string name) => s is null ? null
            : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new FormatException($"--{name} must be YYYY-MM-DD, not '{s}'");
        (string, string)? pair = null;
        if (dyad is not null)
        {
            var parts = dyad.Split('-', ',');
            if (parts.Length != 2 || parts.Any(x => x.Length != 3)) throw new FormatException($"--dyad must be two country codes like KOR-USA, not '{dyad}'");
            pair = (parts[0], parts[1]);
        }
        return new EventQuery
        {
            Actor = actor, Dyad = pair, From = Day(from, "from"), To = Day(to, "to"), Cameo = cameo, Plover = plover, Limit = limit,
            Modalities = all ? [] : [Modality.Asserted, Modality.Intended],
        };
    }

    private static Command Show()
    {
        var id = new Argument<string>("event-id") { Description = "An event id from 'parley events'" };
        var db = CliOptions.Db();
        var cmd = new Command("show", "Show one event, its date basis, and each mention's sentence with the evidence marked") { id, db };
        cmd.SetAction(p =>
        {
            using var store = new SqliteEventStore(p.GetValue(db)!);
            var e = store.GetEvent(p.GetValue(id)!);
            if (e is null) { Console.Error.WriteLine($"error PAR404: no event '{p.GetValue(id)}'"); return 1; }
            Output.Show(e, Console.Out);
            return 0;
        });
        return cmd;
    }

    private static Command Extract()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "Captures to extract" };
        var format = CliOptions.Format("jsonl", "text");
        var cmd = new Command("extract", "Extract articles from captures; nothing is stored") { paths, format };
        cmd.SetAction(p =>
        {
            var diag = ConsoleDiagnostics();
            var extractor = new ArticleExtractor();
            foreach (var capture in new CaptureReader().Read(p.GetValue(paths)!, diag))
                foreach (var a in extractor.Extract(capture, diag))
                {
                    if (p.GetValue(format) == "jsonl") Console.WriteLine(EventJson.ToJson(w => EventJson.WriteArticle(w, a)));
                    else Console.WriteLine($"# {a.Headline}\n{a.Outlet} | {string.Join("; ", a.Bylines)} | {a.PublishedText}\n\n{a.Body}\n");
                }
            return diag.ErrorCount > 0 ? 1 : 0;
        });
        return cmd;
    }

    private static Command Code()
    {
        var sentence = new Argument<string?>("sentence") { Arity = ArgumentArity.ZeroOrOne, Description = "A sentence to code" };
        var input = new Option<string?>("--input") { Description = "JSONL file of {\"id\",\"text\",\"date\"} lines" };
        var date = new Option<string?>("--date") { Description = "The sentence's publication date, YYYY-MM-DD" };
        var dicts = CliOptions.Dicts();
        var cmd = new Command("code", "Code sentences into events, printing one JSON line per input") { sentence, input, date, dicts };
        cmd.SetAction(p =>
        {
            var dict = LoadDicts(p.GetValue(dicts));
            var coder = new SentenceCoder(dict);
            var diag = ConsoleDiagnostics();
            if (p.GetValue(input) is { } file)
            {
                foreach (var (id, text, day) in SentenceCoder.ReadInput(file, diag))
                    Console.WriteLine(coder.CodeToJson(id, text, day));
                return diag.ErrorCount > 0 ? 1 : 0;
            }
            if (p.GetValue(sentence) is not { } s) { Console.Error.WriteLine("error PAR400: give a sentence or --input FILE"); return 2; }
            DateOnly? d = p.GetValue(date) is { } ds ? DateOnly.ParseExact(ds, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            Console.WriteLine(coder.CodeToJson("1", s, d));
            return 0;
        });
        return cmd;
    }

    private static Command Serve()
    {
        var db = CliOptions.Db();
        var urls = CliOptions.Urls();
        var cmd = new Command("serve", "Serve the JSON API and the web page") { db, urls };
        cmd.SetAction(async (p, ct) =>
        {
            using var store = new SqliteEventStore(p.GetValue(db)!);
            var app = ApiServer.Build(store, p.GetValue(urls)!);
            await app.StartAsync(ct);
            Console.WriteLine($"Parley is serving {p.GetValue(db)} at {string.Join(", ", app.Urls)}  (API: {app.Urls.First()}/api/events)  Ctrl+C stops.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return cmd;
    }

    private static Command Demo()
    {
        var db = CliOptions.Db();
        var urls = CliOptions.Urls();
        var samples = new Option<string>("--samples") { Description = "Folder of sample captures", DefaultValueFactory = _ => "samples" };
        var noServe = new Option<bool>("--no-serve") { Description = "Ingest and print, then exit" };
        var cmd = new Command("demo", "Ingest the sample captures, print their events, and serve them") { db, urls, samples, noServe };
        cmd.SetAction(async (p, ct) =>
        {
            var diag = ConsoleDiagnostics();
            using var store = new SqliteEventStore(p.GetValue(db)!);
            var r = new IngestService(store, DictionarySet.Default).Ingest([p.GetValue(samples)!], diag, ct);
            Console.WriteLine(FormattableString.Invariant($"ingested {r.Captures} captures: {r.Articles} articles, {r.Mentions} event mentions in {r.Elapsed.TotalSeconds:F2}s into {p.GetValue(db)}"));
            Output.Events(store.QueryEvents(new EventQuery()), "table", Console.Out);
            if (p.GetValue(noServe)) return 0;
            var app = ApiServer.Build(store, p.GetValue(urls)!);
            await app.StartAsync(ct);
            Console.WriteLine($"Web UI: {app.Urls.First()}/   API: {app.Urls.First()}/api/events   Ctrl+C stops.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return cmd;
    }
}
