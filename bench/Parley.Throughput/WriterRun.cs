using System.Diagnostics;
using System.Globalization;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;

namespace Parley.Throughput;

/// <summary>
/// The single writer alone: processes a corpus into memory first, then times only the store's
/// batch writes, on one thread, so that its figures are CPU time of the writer with nothing
/// else scheduled beside it (in a full run the writer shares its core with the reader and the
/// workers, and its wall-clock phases include time spent descheduled).
/// </summary>
public static class WriterRun
{
    /// <summary>Runs the measure and prints the writer's time per capture by phase.</summary>
    public static int Run(string corpus, string db, int batchSize)
    {
        foreach (var f in SqliteEventStore.FilesOf(db)) File.Delete(f);
        var dict = DictionarySet.Default;
        var diagnostics = new Diagnostics();
        using var store = new SqliteEventStore(db);
        var service = new IngestService(store, dict) { Workers = 1 };
        var captures = new CaptureReader().Read([corpus], diagnostics).ToList();
        var processed = new ProcessedCapture[captures.Count];
        Parallel.For(0, captures.Count, i => processed[i] = service.Process(captures[i], diagnostics));
        for (int i = 0; i < captures.Count; i += 4096) store.AddCaptures(captures.Skip(i).Take(4096).ToList());
        captures.Clear();
        GC.Collect();
        long alloc = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long t0 = Stopwatch.GetTimestamp();
        // A batch size of 0 writes nothing: the same run without the writer, as a baseline for whole-process counts.
        for (int i = 0; batchSize > 0 && i < processed.Length; i += batchSize)
            store.SaveBatch(new ArraySegment<ProcessedCapture>(processed, i, Math.Min(batchSize, processed.Length - i)));
        var wall = Stopwatch.GetElapsedTime(t0);
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var inv = CultureInfo.InvariantCulture;
        int n = processed.Length;
        Console.WriteLine(string.Format(inv, "writer alone: {0:N0} captures in {1:F2}s wall, {2:F2}s CPU: {3:F0} µs per capture wall, {4:F0} captures/s; {5:F0} KB allocated per capture",
            n, wall.TotalSeconds, used.TotalSeconds, wall.TotalMicroseconds / n, n / wall.TotalSeconds, (GC.GetTotalAllocatedBytes(precise: true) - alloc) / 1024.0 / n));
        Console.WriteLine(string.Join("  ", store.Profile.Totals().Select(x => string.Format(inv, "{0} {1:F1}", x.Phase, x.Time.TotalMicroseconds / n))));
        Console.WriteLine(string.Format(inv, "events {0:N0}", store.Counts().Events));
        return 0;
    }
}
