using System.Globalization;

namespace Parley.Throughput;

/// <summary>The bench's command line.</summary>
public sealed class Options
{
    public List<int> Sizes { get; private set; } = [1_000, 10_000, 100_000];
    public List<int> Workers { get; private set; } = Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1];
    public string Kind { get; private set; } = "text";
    public int Repeat { get; private set; } = 1;
    public string Dir { get; private set; } = Path.Combine(".parley", "throughput");
    public string? Markdown { get; private set; }
    /// <summary>Also run two one-worker ingests at once, one per core (the machine's two-core ceiling).</summary>
    public bool Pair { get; private set; }
    /// <summary>Also report the cores each kind of thread kept busy in each tenth of a run.</summary>
    public bool Threads { get; private set; }
    /// <summary>Captures per write transaction; null leaves the ingest's default.</summary>
    public int? BatchSize { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws on an unknown option.</summary>
    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            static List<int> Ints(string s) => s.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
            switch (args[i])
            {
                case "--sizes": o.Sizes = Ints(Next()); break;
                case "--workers": o.Workers = Ints(Next()); break;
                case "--kind": o.Kind = Next() is "text" or "mixed" ? args[i] : throw new ArgumentException("--kind is text or mixed"); break;
                case "--repeat": o.Repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--dir": o.Dir = Next(); break;
                case "--markdown": o.Markdown = Next(); break;
                case "--pair": o.Pair = true; break;
                case "--threads": o.Threads = true; break;
                case "--batch-size": o.BatchSize = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        return o;
    }

    /// <summary>The repository root: the nearest folder above the working directory or this program holding Parley.slnx.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Parley.slnx"))) return d.FullName;
        throw new InvalidOperationException("Parley.slnx not found above the working directory; run from the repository");
    }
}
