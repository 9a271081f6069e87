using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Parley.Api.Ingestion;
using Parley.Pipeline.Sources;
using Parley.Storage;
using Parley.Storage.Queue;

namespace Parley.Cli;

// The team server's commands: ingest --enqueue, worker, status.
internal static partial class Commands
{
    // Captures stored and queued per transaction by ingest --enqueue.
    private const int EnqueueBatch = 256;

    private static Option<bool> EnqueueOption() =>
        new("--enqueue") { Description = "PostgreSQL only: store the captures and queue them for 'parley worker' instead of processing them here" };

    private static int Enqueue(string[] paths, string db)
    {
        if (!PostgresEventStore.IsPostgres(db))
        {
            Console.Error.WriteLine($"error PAR111: --enqueue needs a PostgreSQL --db (postgres://... or a connection string), not '{db}'.");
            return 2;
        }
        var diag = ConsoleDiagnostics();
        using var store = new PostgresEventStore(db);
        int read = 0, queued = 0;
        var batch = new List<Capture>(EnqueueBatch);
        foreach (var capture in new CaptureReader().Read(paths, diag))
        {
            read++;
            batch.Add(capture);
            if (batch.Count < EnqueueBatch) continue;
            queued += store.Enqueue(batch);
            batch.Clear();
        }
        queued += store.Enqueue(batch);
        // Captures stored by an earlier run that stopped before queueing them.
        queued += store.EnqueueStored();
        var depth = store.QueueStatus().Depth;
        Console.WriteLine(FormattableString.Invariant(
            $"read {read} captures, queued {queued} jobs; queue: {depth[JobState.Queued]} queued, {depth[JobState.Leased]} leased, {depth[JobState.Done]} done"));
        return diag.ErrorCount > 0 ? 1 : 0;
    }

    private static Command Worker()
    {
        var db = CliOptions.Db();
        var dicts = CliOptions.Dicts();
        var workers = CliOptions.Workers();
        var batch = new Option<int>("--batch") { Description = "Captures claimed per batch and written per transaction", DefaultValueFactory = _ => 32 };
        batch.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--batch must be at least 1"); });
        var lease = new Option<string>("--lease") { Description = "How long a claimed batch is held without renewal (30s, 2m, 1500ms); a dead worker's batch is taken over after it", DefaultValueFactory = _ => "30s" };
        lease.Validators.Add(r => { if (ParseDuration(r.GetValueOrDefault<string>()) is not { TotalSeconds: >= 1 }) r.AddError("--lease must be a duration of at least 1s, such as 30s or 2m"); });
        var name = new Option<string?>("--name") { Description = "This worker's name in 'parley status' (default: host name and process id)" };
        var retries = new Option<int>("--retries") { Description = "Retries of a capture whose processing failed before it is parked with its error", DefaultValueFactory = _ => 2 };
        retries.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--retries cannot be negative"); });
        var untilEmpty = new Option<bool>("--until-empty") { Description = "Exit once the queue is empty instead of waiting for more jobs" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress line per batch" };
        var reconnect = new Option<string>("--reconnect-for") { Description = "How long to keep reconnecting to a lost database (a restart, a network cut) before exiting; 0 exits at once", DefaultValueFactory = _ => "10m" };
        reconnect.Validators.Add(r => { if (r.GetValueOrDefault<string>() != "0" && ParseDuration(r.GetValueOrDefault<string>()) is null) r.AddError("--reconnect-for must be 0 or a duration such as 30s or 10m"); });
        var cmd = new Command("worker", "Process queued captures from a PostgreSQL team server until stopped (SIGTERM or Ctrl+C)")
        {
            db, dicts, workers, batch, lease, name, retries, untilEmpty, quiet, reconnect,
        };
        cmd.SetAction(p =>
        {
            var dbValue = p.GetValue(db)!;
            if (!PostgresEventStore.IsPostgres(dbValue))
            {
                Console.Error.WriteLine($"error PAR111: 'parley worker' needs a PostgreSQL --db (postgres://... or a connection string), not '{dbValue}'.");
                return 2;
            }
            using var stop = new CancellationTokenSource();
            // SIGTERM (a service manager, kill) and SIGINT (Ctrl+C) stop claiming and give the batch in hand back to the queue.
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var store = new PostgresEventStore(dbValue);
            var ingest = new IngestService(store, LoadDicts(p.GetValue(dicts)));
            bool quietValue = p.GetValue(quiet);
            var worker = new WorkerService(store, ingest)
            {
                Name = p.GetValue(name) is { Length: > 0 } n ? n : Environment.MachineName + "-" + Environment.ProcessId,
                BatchSize = p.GetValue(batch),
                Lease = ParseDuration(p.GetValue(lease))!.Value,
                Retries = p.GetValue(retries),
                Threads = p.GetValue(workers),
                UntilEmpty = p.GetValue(untilEmpty),
                ReconnectFor = p.GetValue(reconnect) == "0" ? TimeSpan.Zero : ParseDuration(p.GetValue(reconnect))!.Value,
                // Printed even with --quiet: an operator should see a worker waiting for its database.
                Reconnecting = (ex, pause) => Console.Error.WriteLine(FormattableString.Invariant(
                    $"warning PAR112: lost the database ({ex.Message}); reconnecting in {pause.TotalSeconds:F1}s")),
                Progress = quietValue ? null : w => Console.Error.WriteLine(FormattableString.Invariant(
                    $"{w.Name}: {w.Captures} captures in {w.Batches} batches ({w.PerSecond:F1}/s), {w.Failed} failed, {w.Lost} lost to other workers")),
            };
            WorkerProgress r;
            try
            {
                r = worker.RunAsync(d => { if (!quietValue) Console.Error.WriteLine(d.ToString()); }, stop.Token).GetAwaiter().GetResult();
            }
            catch (Npgsql.NpgsqlException ex)
            {
                // The batch in hand is not lost: its lease runs out and another worker (or this one, restarted) takes it.
                Console.Error.WriteLine($"error PAR112: worker {worker.Name} lost the database and could not reconnect: {ex.Message}. Its batch returns to the queue when its lease runs out; restart the worker.");
                return 1;
            }
            Console.WriteLine(FormattableString.Invariant(
                $"worker {r.Name}: {r.Captures} captures in {r.Batches} batches, {r.Failed} failed, {r.Lost} lost to other workers, {r.Elapsed.TotalSeconds:F1}s ({r.PerSecond:F1} captures/s){(stop.IsCancellationRequested ? "; stopped" : "")}"));
            return 0;
        });
        return cmd;
    }

    private static Command Status()
    {
        var db = CliOptions.Db();
        var requeue = new Option<bool>("--requeue-parked") { Description = "Queue every parked capture again (after fixing what made it fail)" };
        var cmd = new Command("status", "Show a team server's job queue: depth by state, throughput per worker, failures") { db, requeue };
        cmd.SetAction(p =>
        {
            var dbValue = p.GetValue(db)!;
            if (!PostgresEventStore.IsPostgres(dbValue))
            {
                Console.Error.WriteLine($"error PAR111: 'parley status' shows the job queue of a PostgreSQL --db (postgres://... or a connection string), not '{dbValue}'.");
                return 2;
            }
            using var store = new PostgresEventStore(dbValue);
            if (p.GetValue(requeue)) Console.WriteLine($"requeued {store.RequeueParked()} parked captures");
            var s = store.QueueStatus();
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine("queue: " + string.Join(", ", s.Depth.Select(kv => $"{kv.Key.ToString().ToLowerInvariant()} {kv.Value.ToString(inv)}")));
            Console.WriteLine(s.Workers.Count == 0 ? "workers: none has finished a job yet" : "workers (jobs done: last minute / total, rate over its active time):");
            foreach (var w in s.Workers)
                Console.WriteLine(FormattableString.Invariant($"  {w.Worker}: {w.LastMinute} / {w.Total}, {w.PerSecond:F1}/s, last at {w.Last:yyyy-MM-dd HH:mm:ss}Z"));
            if (s.Failures.Count > 0) Console.WriteLine("failures:");
            foreach (var f in s.Failures)
                Console.WriteLine(FormattableString.Invariant($"  {f.State.ToString().ToLowerInvariant()} {f.Code}: {f.Count}"));
            foreach (var j in s.Parked)
                Console.WriteLine($"  parked {j.CaptureId} ({j.Source}) after {j.Attempts} attempts: {j.Code} {j.Message}");
            return 0;
        });
        return cmd;
    }

    /// <summary>A duration such as 30s, 2m, 1500ms or 1h (a bare number is seconds); null when it is not one.</summary>
    internal static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        (string digits, double unit) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && v * unit < 1e6
            ? TimeSpan.FromSeconds(v * unit) : null;
    }
}
