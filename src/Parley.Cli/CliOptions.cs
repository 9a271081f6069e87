using System.CommandLine;
using Parley.Api.Ingestion;

namespace Parley.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    public static Option<string> Db() => new("--db") { Description = "SQLite database file, or a PostgreSQL server: postgres://user:password@host:port/database or a connection string", DefaultValueFactory = _ => "parley.db" };

    public static Option<string[]> Dicts() => new("--dict")
    {
        Description = "Extra dictionary files (countries*.tsv, people*.tsv, agents*.tsv, organizations*.tsv, verbs*.tsv, or PETRARCH *.actors.txt / *agents.txt)",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string> Format(params string[] allowed)
    {
        var o = new Option<string>("--format") { Description = "Output format: " + string.Join(", ", allowed), DefaultValueFactory = _ => allowed[0] };
        o.AcceptOnlyFromAmong(allowed);
        return o;
    }

    public static Option<string> Urls() => new("--urls") { Description = "Address to listen on (loopback by default)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };

    public static Option<string?> Token() => new("--token") { Description = "Bearer token for the write endpoints (else PARLEY_TOKEN, else a new one is printed)" };

    public static Option<string?> Web() => new("--web") { Description = "The front end's folder (default: the web/ folder of the checkout)" };

    public static Option<int> BatchSize()
    {
        var o = new Option<int>("--batch-size")
        {
            Description = "Captures written per transaction (default: 2048); larger batches write a large store faster and hold more captures in memory",
            DefaultValueFactory = _ => IngestService.DefaultBatchSize,
        };
        o.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--batch-size must be at least 1"); });
        return o;
    }

    public static Option<int> Workers()
    {
        var o = new Option<int>("--workers") { Description = "Threads that extract and code captures (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        o.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--workers must be at least 1"); });
        return o;
    }
}
