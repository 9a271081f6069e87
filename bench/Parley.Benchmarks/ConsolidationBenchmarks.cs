using BenchmarkDotNet.Attributes;
using Parley.Pipeline;
using Parley.Pipeline.Consolidation;

namespace Parley.Benchmarks;

/// <summary>Keying the sample articles' event mentions to events (key, stable id, orientation).</summary>
[MemoryDiagnoser]
public class ConsolidationBenchmarks
{
    private EventMention[] _mentions = [];

    [GlobalSetup]
    public void Setup() =>
        _mentions = [.. BenchInputs.Documents(PipelineBuilderDefault()).SelectMany(d => d.Events)];

    private static PipelineBuilder PipelineBuilderDefault() =>
        new PipelineBuilder().UseSentences().UseTimes().UseActors(BenchInputs.Dictionaries).UseCoding(BenchInputs.Dictionaries);

    [Benchmark]
    public int KeyAll() => EventKeys.KeyAll(_mentions, BenchInputs.Dictionaries.Cameo).Count;
}
