using BenchmarkDotNet.Attributes;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Extraction.Evaluation;

namespace Parley.Benchmarks;

/// <summary>HTML extraction of one benchmark page and publication-date finding on it, by page size.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly ArticleExtractor _extractor = new();
    private Capture _capture = null!;

    /// <summary>Smallest, median or largest page of the extraction benchmark.</summary>
    [Params("small", "median", "large")] public string Size = "";

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "..", "shared", "evaldata", "extraction", "html"));
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null && !Directory.Exists(dir); d = d.Parent)
        {
            dir = Path.Combine(d.FullName, "..", "shared", "evaldata", "extraction", "html");
        }

        var files = Directory.GetFiles(dir, "*.html.gz").OrderBy(f => new FileInfo(f).Length).ToArray();
        var file = Size switch { "small" => files[0], "large" => files[^1], _ => files[files.Length / 2] };
        _capture = EvalPages.Load(file, null);
    }

    [Benchmark]
    public int Extract() => _extractor.Extract(_capture, new Diagnostics()).Length;

    [Benchmark]
    public bool PublicationDate() => _extractor.PublicationDate(_capture) is not null;
}
