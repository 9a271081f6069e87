using System.Diagnostics;
using System.Text.Json;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;

namespace Parley.Throughput;

/// <summary>
/// One measured ingest, run in its own process so that its peak resident memory and its CPU
/// affinity are its own: ingests a corpus into a fresh SQLite file and prints one JSON line.
/// </summary>
public static class ChildRun
{
    /// <summary>Runs the ingest and writes the <see cref="RunReport"/> as JSON to standard output.</summary>
    /// <remarks><paramref name="batchSize"/>: captures per write transaction; null leaves the ingest's default.</remarks>
    public static int Run(string corpus, string db, int workers, bool threads = false, int? batchSize = null)
    {
        foreach (var f in SqliteEventStore.FilesOf(db)) File.Delete(f);
        // As `parley ingest` does: two native heaps, and what the last run compiled is compiled on a spare core (none on one core).
        Parley.Api.NativeHeap.LimitArenas();
        Parley.Api.StartupProfile.Start(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "startup"), "ingest");
        long t0 = Stopwatch.GetTimestamp();
        var self = Process.GetCurrentProcess();
        var dict = DictionarySet.Default;
        var setup = Stopwatch.GetElapsedTime(t0);
        var diagnostics = new Diagnostics();
        IngestResult r;
        StoreCounts counts;
        List<StageReport> writer;
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        long allocBefore = GC.GetTotalAllocatedBytes();
        var pauseBefore = GC.GetTotalPauseDuration();
        using var rss = new RssSampler(threads);
        using (var store = new SqliteEventStore(db))
        {
            var service = new IngestService(store, dict) { Workers = workers, BatchSize = batchSize ?? IngestService.DefaultBatchSize };
            r = service.Ingest([corpus], diagnostics);
            counts = store.Counts();
            writer = store.Profile.Totals().Select(x => new StageReport(x.Phase, x.Time.TotalSeconds)).ToList();
        }
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var report = new RunReport
        {
            Workers = workers,
            Cores = Environment.ProcessorCount,
            Captures = r.Captures,
            Failed = r.Failed,
            Articles = r.Articles,
            Mentions = r.Mentions,
            Events = counts.Events,
            Diagnostics = diagnostics.Items.Count,
            SetupSeconds = setup.TotalSeconds,
            Seconds = r.Elapsed.TotalSeconds,
            CpuSeconds = cpu.TotalSeconds,
            PeakRssKb = ProcStatus.Read("VmHWM"),
            PeakRssByTenthMb = rss.PeakByTenth(),
            ManagedAtPeakByTenthMb = rss.ManagedAtPeakByTenth(),
            CoresByTenth = rss.CoresByTenth(),
            AllocatedMb = (GC.GetTotalAllocatedBytes() - allocBefore) / 1048576.0,
            GcPauseSeconds = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds,
            Gc = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
            Stages = r.Stages.Select(s => new StageReport(s.Stage, s.Time.TotalSeconds)).ToList(),
            Writer = writer,
        };
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }
}

/// <summary>One stage's total time in seconds (summed over workers).</summary>
public sealed record StageReport(string Stage, double Seconds);

/// <summary>What one measured ingest did, as the child prints it.</summary>
public sealed class RunReport
{
    public int Workers { get; init; }
    public int Cores { get; init; }
    public int Captures { get; init; }
    public int Failed { get; init; }
    public int Articles { get; init; }
    public int Mentions { get; init; }
    public long Events { get; init; }
    public int Diagnostics { get; init; }
    public double SetupSeconds { get; init; }
    public double Seconds { get; init; }
    /// <summary>CPU time of the whole process during the ingest: on a busy machine, captures per CPU-second is the steadier figure.</summary>
    public double CpuSeconds { get; init; }
    public long PeakRssKb { get; init; }
    /// <summary>Peak resident memory in each tenth of the run's wall time, in MB: flat when memory does not grow with the corpus.</summary>
    public int[] PeakRssByTenthMb { get; init; } = [];
    /// <summary>How much of each tenth's peak was the managed heap (committed at its last collection), in MB; the rest is native: SQLite's caches, the runtime, code.</summary>
    public int[] ManagedAtPeakByTenthMb { get; init; } = [];
    /// <summary>With --threads: the cores each kind of thread kept busy in each tenth of the run (see <see cref="ThreadCpu"/>).</summary>
    public Dictionary<string, double[]> CoresByTenth { get; init; } = [];
    public double AllocatedMb { get; init; }
    public double GcPauseSeconds { get; init; }
    /// <summary>Collections of generations 0, 1 and 2.</summary>
    public int[] Gc { get; init; } = [];
    public List<StageReport> Stages { get; init; } = [];
    /// <summary>The write stage split into the store's phases (<see cref="Parley.Storage.WriteProfile"/>).</summary>
    public List<StageReport> Writer { get; init; } = [];

    /// <summary>Captures per second of ingest wall time.</summary>
    public double CapturesPerSecond => Captures / Seconds;

    /// <summary>Coded event mentions per second of ingest wall time.</summary>
    public double MentionsPerSecond => Mentions / Seconds;

    /// <summary>Captures per second of CPU time (all threads).</summary>
    public double CapturesPerCpuSecond => Captures / CpuSeconds;
}

/// <summary>
/// Samples the resident set every 100 ms on a thread of its own, from construction to disposal,
/// so that a run can show when its memory peaked, not only how high.
/// </summary>
public sealed class RssSampler : IDisposable
{
    private readonly List<long> _kb = [];
    private readonly List<long> _gcKb = [];
    private readonly ThreadCpu? _threads;
    private readonly Thread _thread;
    private volatile bool _stop;

    /// <summary>Starts sampling; with <paramref name="threads"/>, also the CPU time of each kind of thread.</summary>
    public RssSampler(bool threads = false)
    {
        _threads = threads ? new ThreadCpu() : null;
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                long kb = ProcStatus.Read("VmRSS");
                long gcKb = GC.GetGCMemoryInfo().TotalCommittedBytes / 1024;
                lock (_kb)
                {
                    _kb.Add(kb);
                    _gcKb.Add(gcKb);
                    _threads?.Sample();
                }
                Thread.Sleep(100);
            }
        }) { IsBackground = true, Name = "RSS sampler" };
        _thread.Start();
    }

    /// <summary>The cores each kind of thread kept busy in each tenth of the samples (empty without thread sampling or under ten samples).</summary>
    public Dictionary<string, double[]> CoresByTenth()
    {
        lock (_kb) return _threads?.ByTenth(_kb.Count) ?? [];
    }

    /// <summary>The highest sample in each tenth of the samples taken so far, in MB (empty under ten samples).</summary>
    public int[] PeakByTenth() => AtPeaks(rss: true);

    /// <summary>The managed heap's committed memory (as of its last collection) at each tenth's resident peak, in MB.</summary>
    public int[] ManagedAtPeakByTenth() => AtPeaks(rss: false);

    // At the highest resident sample of each tenth: that sample, or the managed heap sampled with it.
    private int[] AtPeaks(bool rss)
    {
        long[] kb, gc;
        lock (_kb) { kb = [.. _kb]; gc = [.. _gcKb]; }
        if (kb.Length < 10) return [];
        return [.. Enumerable.Range(0, 10).Select(t =>
        {
            int from = t * kb.Length / 10, to = (t + 1) * kb.Length / 10;
            int at = Array.IndexOf(kb, kb[from..to].Max(), from, to - from);
            return (int)((rss ? kb : gc)[at] / 1024);
        })];
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}

/// <summary>Reads a field of <c>/proc/self/status</c> (Linux).</summary>
public static class ProcStatus
{
    /// <summary>The value in kB of <paramref name="field"/> (e.g. VmHWM, the peak resident set), or -1.</summary>
    public static long Read(string field)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return -1;
        foreach (var line in File.ReadLines(path))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return -1;
    }
}

/// <summary>
/// CPU time of the process's threads by kind (reader, workers, writer, story lookups, search
/// index, collector, other), from <c>/proc/self/task</c> (Linux): where a run has idle cores, and
/// which thread the others wait for.
/// </summary>
public sealed class ThreadCpu
{
    private readonly Dictionary<int, (string Kind, long Ticks)> _last = [];
    private readonly List<Dictionary<string, long>> _samples = [];
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly List<double> _seconds = [];

    /// <summary>The kind of a thread, from its name (Linux keeps its first 15 characters).</summary>
    public static string Kind(string name) => name switch
    {
        _ when name.StartsWith("Parley worker", StringComparison.Ordinal) => "workers",
        _ when name.StartsWith("Parley writer", StringComparison.Ordinal) => "writer",
        _ when name.StartsWith("Parley reader", StringComparison.Ordinal) => "reader",
        // The story lookups run as a long-running task per batch (RelationalEventStore.BesideStories).
        _ when name.StartsWith(".NET Long Runni", StringComparison.Ordinal) => "lookups",
        _ when name.StartsWith("SQLite search", StringComparison.Ordinal) => "search",
        _ when name.Contains("GC", StringComparison.Ordinal) => "collector",
        _ => "other",
    };

    /// <summary>Reads every thread's CPU time so far; a thread that has ended keeps its last figure.</summary>
    public void Sample()
    {
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks)) return;
        foreach (var dir in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                // utime and stime, the 14th and 15th fields of stat, in clock ticks.
                long ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                _last[int.Parse(Path.GetFileName(dir), System.Globalization.CultureInfo.InvariantCulture)] = (Kind(stat[(open + 1)..close]), ticks);
            }
            catch (Exception e) when (e is IOException or FormatException or ArgumentOutOfRangeException)
            {
                // The thread ended while being read: its last sample stands.
            }
        }
        var byKind = new Dictionary<string, long>();
        foreach (var (kind, ticks) in _last.Values) byKind[kind] = byKind.GetValueOrDefault(kind) + ticks;
        _samples.Add(byKind);
        _seconds.Add(Stopwatch.GetElapsedTime(_start).TotalSeconds);
    }

    /// <summary>Cores busy per kind in each tenth of the first <paramref name="count"/> samples (clock ticks are 1/100 s on Linux).</summary>
    public Dictionary<string, double[]> ByTenth(int count)
    {
        count = Math.Min(count, _samples.Count);
        var result = new Dictionary<string, double[]>();
        if (count < 11) return result;
        foreach (var kind in _samples[count - 1].Keys.Order(StringComparer.Ordinal))
            result[kind] = [.. Enumerable.Range(0, 10).Select(t =>
            {
                int from = t * (count - 1) / 10, to = (t + 1) * (count - 1) / 10;
                double seconds = _seconds[to] - _seconds[from];
                long ticks = _samples[to].GetValueOrDefault(kind) - _samples[from].GetValueOrDefault(kind);
                return seconds > 0 ? Math.Round(ticks / 100.0 / seconds, 2) : 0;
            })];
        return result;
    }
}
