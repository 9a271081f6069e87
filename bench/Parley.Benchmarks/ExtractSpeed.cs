using System.Diagnostics;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Extraction.Evaluation;
using Parley.Pipeline.Sources;

namespace Parley.Benchmarks;

/// <summary>
/// Plain pages-per-second runs, single thread: the extraction benchmark's HTML pages repeated, and
/// the seed text captures replicated, each to 10,000 pages, with the working set at the end.
/// </summary>
internal static class ExtractSpeed
{
    private const int Pages = 10_000;

    public static int Run(string[] args)
    {
        var shared = args.Length > 1 ? args[1] : FindShared();
        var html = Directory.GetFiles(Path.Combine(shared, "evaldata", "extraction", "html"), "*.html.gz").Order(StringComparer.Ordinal)
            .Select(f => EvalPages.Load(f, null)).ToArray();
        var seeds = Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllBytes(f)).Select((b, i) => new Capture(CaptureIds.FromContent(b), $"seed{i}", null, CaptureFormat.Text, b, null)).ToArray();
        Console.WriteLine($"{Environment.ProcessorCount} cores; html pages {html.Length}, seed captures {seeds.Length}; one thread");
        Measure("html", html);
        Measure("text", seeds);
        return 0;
    }

    private static void Measure(string name, Capture[] captures)
    {
        var extractor = new ArticleExtractor();
        var diag = new Diagnostics();
        foreach (var c in captures)
        {
            extractor.Extract(c, diag);
        }

        GC.Collect();
        var startSet = Environment.WorkingSet;
        var articles = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Pages; i++)
        {
            articles += extractor.Extract(captures[i % captures.Length], new Diagnostics()).Length;
            if (i == Pages / 10)
            {
                startSet = Environment.WorkingSet;
            }
        }

        watch.Stop();
        Console.WriteLine(FormattableString.Invariant(
            $"{name}: {Pages} pages in {watch.Elapsed.TotalSeconds:F2}s = {Pages / watch.Elapsed.TotalSeconds:F0} pages/s; {articles} articles; working set {startSet / 1048576} MB after {Pages / 10} pages, {Environment.WorkingSet / 1048576} MB after {Pages}"));
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
