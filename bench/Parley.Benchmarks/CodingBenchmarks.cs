using BenchmarkDotNet.Attributes;
using Parley.Pipeline;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Text;

namespace Parley.Benchmarks;

/// <summary>Sentence splitting and the whole annotate-and-code pipeline over one news paragraph.</summary>
[MemoryDiagnoser]
public class CodingBenchmarks
{
    private const string Paragraph =
        "South Korean President Moon Jae-in and U.S. President Donald Trump agreed on Friday to cooperate closely, " +
        "the presidential office said. The two leaders talked over the phone for 30 minutes. " +
        "Moon urged North Korea to return to talks, and Trump criticized Pyongyang's missile tests. " +
        "Japan's foreign minister will visit Seoul next week for talks with her South Korean counterpart.";

    private Pipeline.Pipeline _pipeline = null!;
    private Article _article = null!;

    [Params(1, 20)] public int Paragraphs;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = PipelineBuilder.Default(DictionarySet.Default);
        _article = new Article
        {
            Id = "bench", CaptureId = "bench", Body = string.Join("\n\n", Enumerable.Repeat(Paragraph, Paragraphs)),
            Published = new DateTimeOffset(2018, 3, 17, 0, 0, 0, TimeSpan.FromHours(9)),
        };
    }

    [Benchmark]
    public int Split() => SentenceSplitter.Split(_article.Body).Count;

    [Benchmark]
    public int Code() => _pipeline.Run(_article, new Diagnostics()).Events.Length;
}
