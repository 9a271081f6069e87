using BenchmarkDotNet.Attributes;
using Parley.Pipeline.Extraction;

namespace Parley.Benchmarks;

/// <summary>Decoding and article extraction of every sample capture, by format.</summary>
[MemoryDiagnoser]
public class SampleExtractionBenchmarks
{
    private readonly ArticleExtractor _extractor = new();
    private Capture[] _captures = [];

    [Params(CaptureFormat.Text, CaptureFormat.Html)] public CaptureFormat Format;

    [GlobalSetup]
    public void Setup() => _captures = BenchInputs.Captures.Where(c => c.Format == Format).ToArray();

    [Benchmark]
    public int Extract()
    {
        int n = 0;
        foreach (var c in _captures) n += _extractor.Extract(c, new Diagnostics()).Length;
        return n;
    }
}
