using System.Diagnostics;
using System.Globalization;
using Parley.Pipeline.Dictionaries;

namespace Parley.Benchmarks;

/// <summary>
/// `dict-load [RUNS]`: how long loading the shipped dictionaries takes (countries, organisations,
/// agents, people, the places gazetteer, verbs, CAMEO), as the median of RUNS loads (default 7)
/// after one warm-up load, and how many place names the gazetteer holds.
/// </summary>
public static class DictionaryLoad
{
    /// <summary>Runs the measurement; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        int runs = args.Length > 0 && int.TryParse(args[0], out var n) && n > 0 ? n : 7;
        var first = Stopwatch.StartNew();
        var set = DictionarySet.Load([]);
        first.Stop();
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            set = DictionarySet.Load([]);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "dictionaries: first load {0:F0} ms (with JIT), median of {1} loads {2:F0} ms (min {3:F0}, max {4:F0})",
            first.Elapsed.TotalMilliseconds, runs, times[runs / 2], times[0], times[^1]));
        var gaz = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            LoadPlaces();
            gaz.Add(sw.Elapsed.TotalMilliseconds);
        }
        gaz.Sort();
        Console.WriteLine(string.Format(inv, "gazetteer: {0} place names, median load {1:F0} ms of the above; actor phrases: {2}; agent phrases: {3}",
            set.Places.Count, gaz[runs / 2], set.Actors.Count, set.Agents.Count));
        return 0;
    }

    // The gazetteer alone, read from the shipped places.tsv as DictionarySet reads it.
    private static Gazetteer LoadPlaces()
    {
        var g = new Gazetteer();
        using var stream = typeof(DictionarySet).Assembly.GetManifestResourceStream("Parley.Data.places.tsv")!;
        using var reader = new StreamReader(stream);
        foreach (var r in TsvFile.Read(reader))
        {
            long.TryParse(r["population"], out var population);
            g.Add(new Place(r["name"], r["country"], r["kind"], population), r.List("aliases"));
        }
        return g;
    }
}
