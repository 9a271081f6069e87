using System.Diagnostics;
using System.Globalization;
using Parley.Pipeline;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;

namespace Parley.Benchmarks;

/// <summary>
/// `coding-speed [PATH...]`: sentences per second on one thread, from article text to coded
/// events (sentences, tokens, times, actors, coding), over the project's samples and, when
/// present beside the repository, the seed captures. Prints the whole annotate-and-code rate
/// and the coding stage's own rate.
/// </summary>
public static class CodingSpeed
{
    /// <summary>Runs the measurement; returns the process exit code.</summary>
    public static int Run(string[] paths)
    {
        var root = FindRoot();
        if (paths.Length == 0)
        {
            var list = new List<string> { Path.Combine(root, "samples") };
            var seeds = Path.Combine(root, "..", "shared", "seeds");
            if (Directory.Exists(seeds)) list.Add(seeds);
            paths = [.. list];
        }
        var diag = new Diagnostics();
        var extractor = new ArticleExtractor();
        var articles = new CaptureReader().Read(paths, diag).SelectMany(c => extractor.Extract(c, diag)).ToList();
        if (articles.Count == 0) { Console.Error.WriteLine("error PAR108: no articles under " + string.Join(", ", paths)); return 1; }
        var pipeline = PipelineBuilder.Default(DictionarySet.Default);

        // Warm up (JIT, tiered compilation) for about a second, then measure for about five.
        Measure(pipeline, articles, TimeSpan.FromSeconds(1));
        var timed = PipelineBuilder.Default(DictionarySet.Default);
        // Process CPU time as well as wall time: on a shared machine the wall-clock rate falls
        // with other load, while sentences per CPU-second stay near the quiet machine's rate.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (sentences, events, elapsed) = Measure(timed, articles, TimeSpan.FromSeconds(5));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var coding = timed.Timings().First(t => t.Stage == "coding").Time;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"corpus: {articles.Count} articles; {sentences:N0} sentences and {events:N0} event mentions coded in {elapsed.TotalSeconds:F2}s on one thread"));
        Console.WriteLine(string.Create(inv, $"annotate and code: {sentences / elapsed.TotalSeconds:N0} sentences/s"));
        Console.WriteLine(string.Create(inv, $"coding stage alone: {sentences / coding.TotalSeconds:N0} sentences/s"));
        Console.WriteLine(string.Create(inv, $"annotate and code per CPU-second of the process: {sentences / cpu.TotalSeconds:N0} sentences ({cpu.TotalSeconds:F2} CPU-s in {elapsed.TotalSeconds:F2}s)"));
        foreach (var (stage, time) in timed.Timings())
            Console.WriteLine(string.Create(inv, $"  {stage,-10} {time.TotalMilliseconds,10:F0} ms  {100 * time.TotalSeconds / elapsed.TotalSeconds,5:F1}%"));
        return 0;
    }

    private static (long Sentences, long Events, TimeSpan Elapsed) Measure(Pipeline.Pipeline pipeline, List<Article> articles, TimeSpan budget)
    {
        long sentences = 0, events = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < budget)
            foreach (var a in articles)
            {
                var doc = pipeline.Run(a, new Diagnostics());
                sentences += doc.Sentences.Length;
                events += doc.Events.Length;
            }
        return (sentences, events, sw.Elapsed);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
