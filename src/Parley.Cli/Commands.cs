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
    public static IEnumerable<Command> All() => [Ingest(), Events(), Show(), Extract(), Code(), Serve(), Demo(), Export(), Eval(), Worker(), Status()];

    private static DictionarySet LoadDicts(string[]? files) =>
        files is { Length: > 0 } ? DictionarySet.Load(files) : DictionarySet.Default;

    private static Diagnostics ConsoleDiagnostics() => new(d => Console.Error.WriteLine(d.ToString()));

    private static Command Ingest()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders or globs of .txt, .html, .gz, .jsonl, .warc(.gz) captures", Arity = ArgumentArity.OneOrMore };
        var db = CliOptions.Db();
        var dicts = CliOptions.Dicts();
        var workers = CliOptions.Workers();
        var batchSize = CliOptions.BatchSize();
        var enqueue = EnqueueOption();
        var cmd = new Command("ingest", "Store captures and code their events") { paths, db, dicts, workers, batchSize, enqueue };
        cmd.SetAction(p =>
        {
            if (p.GetValue(enqueue)) return Enqueue(p.GetValue(paths)!, p.GetValue(db)!);
            var diag = ConsoleDiagnostics();
            using var store = EventStores.Open(p.GetValue(db)!);
            var service = new IngestService(store, LoadDicts(p.GetValue(dicts))) { Workers = p.GetValue(workers), BatchSize = p.GetValue(batchSize) };
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
        var filters = new FilterOptions();
        var cmd = new Command("events", "List stored events") { db, format };
        filters.AddTo(cmd);
        cmd.SetAction(p =>
        {
            if (!EventStores.Exists(p.GetValue(db)!)) { Console.Error.WriteLine($"error PAR110: no database '{p.GetValue(db)}'; run 'parley ingest' first."); return 2; }
            if (!filters.TryQuery(p, out var q)) return 2;
            using var store = EventStores.Open(p.GetValue(db)!);
            Output.Events(store.QueryEvents(q), p.GetValue(format)!, Console.Out);
            return 0;
        });
        return cmd;
    }

    private static Command Show()
    {
        var id = new Argument<string>("event-id") { Description = "An event id from 'parley events'" };
        var db = CliOptions.Db();
        var cmd = new Command("show", "Show one event, its date basis, and each mention's sentence with the evidence marked") { id, db };
        cmd.SetAction(p =>
        {
            using var store = EventStores.Open(p.GetValue(db)!);
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
        var token = CliOptions.Token();
        var web = CliOptions.Web();
        var cmd = new Command("serve", "Serve the JSON API and the web UI") { db, urls, token, web };
        cmd.SetAction(async (p, ct) =>
        {
            using var store = EventStores.Open(p.GetValue(db)!);
            return await ServeAsync(store, p.GetValue(db)!, p.GetValue(urls)!, p.GetValue(token), p.GetValue(web), ct);
        });
        return cmd;
    }

    private static async Task<int> ServeAsync(RelationalEventStore store, string db, string urls, string? token, string? web, CancellationToken ct)
    {
        bool printToken = false;
        if (string.IsNullOrEmpty(token)) token = Environment.GetEnvironmentVariable("PARLEY_TOKEN");
        if (string.IsNullOrEmpty(token)) { token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)); printToken = true; }
        var webRoot = web ?? WebAssets.Find();
        if (webRoot is null) Console.Error.WriteLine("warning: no web/ folder found; serving the plain fallback page (give --web DIR).");
        else if (!WebAssets.LibrariesInstalled(webRoot)) Console.Error.WriteLine($"warning: front-end libraries missing; run 'npm ci' in {webRoot} for the charts.");
        var app = ApiServer.Build(store, new ApiOptions { Urls = urls, Token = token, WebRoot = webRoot });
        await app.StartAsync(ct);
        var at = app.Urls.First();
        Console.WriteLine($"Parley is serving {db}");
        Console.WriteLine($"  Web UI:  {at}/");
        Console.WriteLine($"  API:     {at}/api/events   (OpenAPI: {at}/openapi/v1.json)");
        if (printToken) Console.WriteLine($"  Write token for POST {at}/api/ingest (Authorization: Bearer ...): {token}");
        Console.WriteLine("  Ctrl+C stops.");
        await app.WaitForShutdownAsync(ct);
        return 0;
    }

    private static Command Demo()
    {
        var db = CliOptions.Db();
        var urls = CliOptions.Urls();
        var token = CliOptions.Token();
        var web = CliOptions.Web();
        var samples = new Option<string>("--samples") { Description = "Folder of sample captures", DefaultValueFactory = _ => "samples" };
        var noServe = new Option<bool>("--no-serve") { Description = "Ingest and print, then exit" };
        var workers = CliOptions.Workers();
        var cmd = new Command("demo", "Ingest the sample captures, print their events, and serve them") { db, urls, samples, noServe, token, web, workers };
        cmd.SetAction(async (p, ct) =>
        {
            var diag = ConsoleDiagnostics();
            using var store = EventStores.Open(p.GetValue(db)!);
            var r = new IngestService(store, DictionarySet.Default) { Workers = p.GetValue(workers) }.Ingest([p.GetValue(samples)!], diag, ct);
            Console.WriteLine(FormattableString.Invariant($"ingested {r.Captures} captures: {r.Articles} articles, {r.Mentions} event mentions in {r.Elapsed.TotalSeconds:F2}s into {p.GetValue(db)}"));
            Output.Events(store.QueryEvents(new EventQuery()), "table", Console.Out);
            if (p.GetValue(noServe)) return 0;
            return await ServeAsync(store, p.GetValue(db)!, p.GetValue(urls)!, p.GetValue(token), p.GetValue(web), ct);
        });
        return cmd;
    }
}
