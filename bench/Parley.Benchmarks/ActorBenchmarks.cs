using BenchmarkDotNet.Attributes;
using Parley.Pipeline;
using Parley.Pipeline.Stages;

namespace Parley.Benchmarks;

/// <summary>Time expressions and actor lookup (dictionary phrases, titles, coreference) over every sample article.</summary>
[MemoryDiagnoser]
public class ActorBenchmarks
{
    private readonly TimeStage _times = new();
    private ActorStage _actors = null!;
    private Document[] _tokenized = [];
    private Document[] _timed = [];

    [GlobalSetup]
    public void Setup()
    {
        _actors = new ActorStage(BenchInputs.Dictionaries);
        _tokenized = [.. BenchInputs.Documents(new PipelineBuilder().UseSentences())];
        _timed = [.. BenchInputs.Documents(new PipelineBuilder().UseSentences().UseTimes())];
    }

    [Benchmark]
    public int Times()
    {
        int n = 0;
        foreach (var d in _tokenized) n += _times.Run(d, new Diagnostics(), default).Times.Length;
        return n;
    }

    [Benchmark]
    public int Actors()
    {
        int n = 0;
        foreach (var d in _timed) n += _actors.Run(d, new Diagnostics(), default).Actors.Length;
        return n;
    }
}
