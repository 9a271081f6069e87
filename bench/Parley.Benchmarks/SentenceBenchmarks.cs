using BenchmarkDotNet.Attributes;
using Parley.Pipeline.Stages;
using Parley.Pipeline.Text;

namespace Parley.Benchmarks;

/// <summary>Sentence splitting and tokenizing of every sample article body.</summary>
[MemoryDiagnoser]
public class SentenceBenchmarks
{
    private readonly SentenceStage _stage = new();
    private Document[] _docs = [];

    [GlobalSetup]
    public void Setup() => _docs = BenchInputs.Articles.Select(a => new Document(a)).ToArray();

    [Benchmark]
    public int Split()
    {
        int n = 0;
        foreach (var d in _docs) n += SentenceSplitter.Split(d.Text).Count;
        return n;
    }

    [Benchmark]
    public int SplitAndTokenize()
    {
        int n = 0;
        foreach (var d in _docs) n += _stage.Run(d, new Diagnostics(), default).Tokens.Length;
        return n;
    }
}
