using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Api.Ingestion;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;

namespace Parley.Throughput;

/// <summary>
/// The worker side of an ingest alone, without the store: read every capture of a corpus and
/// process it (extract, annotate, code, key, rows) on one thread pinned to one core, in rounds,
/// and print CPU time and allocation per capture. The first round pays the JIT (tiered
/// compilation is off, as in the CLI); later rounds show the steady cost. <c>--digest</c> prints
/// instead a SHA-256 over every result (articles, keyed mentions, story signatures and bands,
/// group keys), so a change that must not alter results can be checked against the one before.
/// </summary>
public static class WorkerSide
{
    /// <summary>Parent side: runs the child on core 0 and relays its lines.</summary>
    public static int Run(string[] args)
    {
        int size = 10_000, rounds = 3;
        bool digest = false;
        string dir = Path.Combine(".parley", "throughput");
        for (int i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--size": size = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--digest": digest = true; break;
                case "--dir": dir = args[++i]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        var corpus = Path.Combine(dir, $"corpus-v2-text-{size}");
        if (!File.Exists(Path.Combine(corpus, ".complete")))
            throw new InvalidOperationException($"{corpus} is missing: run the bench once with --sizes {size} to make it");
        Console.WriteLine(FormattableString.Invariant(
            $"worker side, {size} text captures, 1 thread on core 0, load average at start {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        var psi = new ProcessStartInfo { UseShellExecute = false };
        psi.FileName = "/usr/bin/taskset";
        foreach (var a in new[] { "-c", "0", Environment.ProcessPath! }) psi.ArgumentList.Add(a);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            psi.ArgumentList.Add(typeof(WorkerSide).Assembly.Location);
        foreach (var a in new[] { "--worker-child", corpus, digest ? "digest" : rounds.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode;
    }

    /// <summary>Child side: the measured rounds, or the digest.</summary>
    public static int Child(string corpus, string mode)
    {
        var dict = DictionarySet.Default;
        var db = Path.Combine(Path.GetTempPath(), $"parley-worker-side-{Environment.ProcessId}.db");
        try
        {
            using var store = new SqliteEventStore(db);
            var service = new IngestService(store, dict) { Workers = 1 };
            if (mode == "digest") return Digest(service, corpus);
            int rounds = int.Parse(mode, CultureInfo.InvariantCulture);
            var self = Process.GetCurrentProcess();
            for (int round = 1; round <= rounds; round++)
            {
                var diagnostics = new Diagnostics();
                var stagesBefore = service.Pipeline.Timings().ToList();
                int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                long allocBefore = GC.GetTotalAllocatedBytes(precise: true);
                long t0 = Stopwatch.GetTimestamp();
                long readTicks = 0, processTicks = 0;
                int captures = 0, articles = 0, mentions = 0;
                using (var e = new CaptureReader().Read([corpus], diagnostics).GetEnumerator())
                {
                    while (true)
                    {
                        long t = Stopwatch.GetTimestamp();
                        bool more = e.MoveNext();
                        long u = Stopwatch.GetTimestamp();
                        readTicks += u - t;
                        if (!more) break;
                        var pc = service.Process(e.Current, diagnostics);
                        processTicks += Stopwatch.GetTimestamp() - u;
                        captures++;
                        articles += pc.Articles.Count;
                        mentions += pc.Mentions.Count;
                    }
                }
                var wall = Stopwatch.GetElapsedTime(t0);
                long alloc = GC.GetTotalAllocatedBytes(precise: true) - allocBefore;
                self.Refresh();
                var cpu = self.TotalProcessorTime - cpuBefore;
                var stages = service.Pipeline.Timings().Zip(stagesBefore, (a, b) => (a.Stage, Time: a.Time - b.Time)).ToList();
                double Us(double seconds) => seconds * 1e6 / captures;
                double pipeline = stages.Sum(s => s.Time.TotalSeconds);
                var inv = CultureInfo.InvariantCulture;
                Console.WriteLine(string.Format(inv,
                    "round {0}: {1} captures, {2} articles, {3} mentions; {4:F1} µs CPU per capture ({5:F0} captures per CPU-s, wall {6:F2}s), {7:F1} KB allocated per capture, GC {8}/{9}/{10}, peak RSS {11:F0} MB, load {12}",
                    round, captures, articles, mentions, Us(cpu.TotalSeconds), captures / cpu.TotalSeconds, wall.TotalSeconds,
                    alloc / 1024.0 / captures, GC.CollectionCount(0) - gcBefore[0], GC.CollectionCount(1) - gcBefore[1],
                    GC.CollectionCount(2) - gcBefore[2], ProcStatus.Read("VmHWM") / 1024.0, File.ReadAllText("/proc/loadavg").Split(' ')[0]));
                Console.WriteLine("  µs per capture (wall): read " + Us(Stopwatch.GetElapsedTime(0, readTicks).TotalSeconds).ToString("F1", inv)
                    + ", extract+key " + Us(Stopwatch.GetElapsedTime(0, processTicks).TotalSeconds - pipeline).ToString("F1", inv)
                    + string.Concat(stages.Select(s => $", {s.Stage} {Us(s.Time.TotalSeconds).ToString("F1", inv)}")));
            }
            return 0;
        }
        finally
        {
            foreach (var f in SqliteEventStore.FilesOf(db)) File.Delete(f);
        }
    }

    private static readonly JsonSerializerOptions Json = new() { IncludeFields = false };

    // Everything a worker hands the writer, serialised in read order and hashed.
    private static int Digest(IngestService service, string corpus)
    {
        var diagnostics = new Diagnostics();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int captures = 0, articles = 0, mentions = 0;
        void Add(string s) => hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
        foreach (var capture in new CaptureReader().Read([corpus], diagnostics))
        {
            var pc = service.Process(capture, diagnostics);
            captures++;
            Add(capture.Id + "|" + capture.Source + "|" + capture.Url + "|" + capture.Format + "|" + capture.FetchedAt + "|" + capture.Charset + "|" + Convert.ToHexString(SHA256.HashData(capture.Content)));
            Add(pc.Error ?? "");
            foreach (var a in pc.Articles)
            {
                articles++;
                Add(JsonSerializer.Serialize(a, Json));
                var sig = MinHash.Signature(a.Body);
                Add(sig is null ? "-" : string.Join(',', sig) + "|" + string.Join(',', MinHash.Bands(sig)) + "|" + Convert.ToHexString(MinHash.ToBytes(sig)));
                Add(StoryGroups.OwnStory(a.Id) + "|" + StoryGroups.SourceKey(a));
            }
            foreach (var k in pc.Mentions)
            {
                mentions++;
                Add(JsonSerializer.Serialize(k, Json));
                var m = EventKeys.Orient(k.Mention);
                Add(EventKeys.GroupKey(m) + "|" + EventKeys.Key(m) + "|" + EventKeys.Id(EventKeys.Key(m)));
            }
        }
        foreach (var d in diagnostics.Items) Add(d.ToString() ?? "");
        Console.WriteLine($"digest {Convert.ToHexStringLower(hash.GetHashAndReset())}: {captures} captures, {articles} articles, {mentions} mentions, {diagnostics.Items.Count} diagnostics");
        return 0;
    }
}
