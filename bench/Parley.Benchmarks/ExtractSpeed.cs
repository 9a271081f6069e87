using System.Diagnostics;
using System.Globalization;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Extraction.Evaluation;
using Parley.Pipeline.Sources;

namespace Parley.Benchmarks;

/// <summary>
/// Plain pages-per-second runs, single thread: the extraction benchmark's HTML pages repeated, and
/// the seed text captures replicated, each to 10,000 pages (or <c>--pages N</c>). Prints wall time, the
/// process CPU time per page (less noisy than wall time on a shared machine), and memory after a tenth
/// of the pages and at the end: working set, peak working set and GC heap, to show that memory stays flat; and the
/// machine's load average at the end of each round.
/// </summary>
/// <remarks>Usage: <c>extract-speed [SHARED] [--pages N] [--only html|text] [--rounds R]</c>.</remarks>
internal static class ExtractSpeed
{
    public static int Run(string[] args)
    {
        var positional = new List<string>();
        var pages = 10_000;
        var rounds = 1;
        string? only = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--pages" when i + 1 < args.Length: pages = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds" when i + 1 < args.Length: rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--only" when i + 1 < args.Length: only = args[++i]; break;
                default: positional.Add(args[i]); break;
            }
        }

        var shared = positional.Count > 0 ? positional[0] : FindShared();
        var html = Directory.GetFiles(Path.Combine(shared, "evaldata", "extraction", "html"), "*.html.gz").Order(StringComparer.Ordinal)
            .Select(f => EvalPages.Load(f, null)).ToArray();
        var seeds = Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllBytes(f)).Select((b, i) => new Capture(CaptureIds.FromContent(b), $"seed{i}", null, CaptureFormat.Text, b, null)).ToArray();
        Console.WriteLine($"{Environment.ProcessorCount} cores; html pages {html.Length}, seed captures {seeds.Length}; one thread; {pages} pages a round");
        for (var r = 0; r < rounds; r++)
        {
            if (only is null or "html")
            {
                Measure("html", html, pages);
            }

            if (only is null or "text")
            {
                Measure("text", seeds, pages);
            }
        }

        return 0;
    }

    private static void Measure(string name, Capture[] captures, int pages)
    {
        var extractor = new ArticleExtractor();
        foreach (var c in captures)
        {
            extractor.Extract(c, new Diagnostics());
        }

        GC.Collect();
        var process = Process.GetCurrentProcess();
        long startSet = 0, startHeap = 0;
        var articles = 0;
        var allocatedStart = GC.GetTotalAllocatedBytes();
        var cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < pages; i++)
        {
            articles += extractor.Extract(captures[i % captures.Length], new Diagnostics()).Length;
            if (i == pages / 10)
            {
                startSet = Environment.WorkingSet;
                startHeap = GC.GetTotalMemory(false);
            }
        }

        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;
        var endHeap = GC.GetTotalMemory(false);
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedStart) / (double)pages;
        Console.WriteLine(FormattableString.Invariant(
            $"{name}: {pages} pages in {watch.Elapsed.TotalSeconds:F2}s = {pages / watch.Elapsed.TotalSeconds:F0} pages/s wall; CPU {cpu.TotalSeconds:F2}s = {cpu.TotalMilliseconds * 1000 / pages:F0} µs/page = {pages / cpu.TotalSeconds:F0} pages per CPU-second; allocated {allocated / 1024:F0} KB/page; {articles} articles"));
        Console.WriteLine(FormattableString.Invariant(
            $"{name}: working set {startSet / 1048576} MB after {pages / 10} pages, {Environment.WorkingSet / 1048576} MB after {pages} (peak {process.PeakWorkingSet64 / 1048576} MB); GC heap {startHeap / 1048576} MB -> {endHeap / 1048576} MB; gen2 collections {GC.CollectionCount(2)}; load {Load()}"));
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), which say how far wall figures are to be trusted on a shared machine.</summary>
    private static string Load()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? string.Join(' ', parts[..3]) : "?";
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return Path.Combine(dir.FullName, "..", "shared");
            }
        }

        throw new InvalidOperationException("Parley.slnx not found; pass the shared folder: extract-speed PATH");
    }
}
