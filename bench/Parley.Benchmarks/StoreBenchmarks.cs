using BenchmarkDotNet.Attributes;
using Parley.Pipeline;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Extraction;
using Parley.Storage;

namespace Parley.Benchmarks;

/// <summary>
/// Writing to SQLite: storing a batch of 64 raw captures, and saving a batch of 64 processed
/// captures (articles, full-text index, events, mentions) in one transaction. Every invocation
/// writes new ids, so the store grows as it does during an ingest.
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private const int Batch = 64;
    private string _dir = "";
    private SqliteEventStore _store = null!;
    private ProcessedCapture[] _processed = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("parley-bench-").FullName;
        _store = new SqliteEventStore(Path.Combine(_dir, "bench.db"));
        var extractor = new ArticleExtractor();
        var pipeline = PipelineBuilder.Default(BenchInputs.Dictionaries);
        _processed = BenchInputs.Captures.Select(c =>
        {
            var articles = extractor.Extract(c, new Diagnostics());
            var mentions = articles.SelectMany(a => pipeline.Run(a, new Diagnostics()).Events);
            return new ProcessedCapture(c, articles, EventKeys.KeyAll(mentions, BenchInputs.Dictionaries.Cameo));
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    // Batch number `round` of the samples under new capture, article and event ids.
    private List<ProcessedCapture> Renamed(int round)
    {
        var batch = new List<ProcessedCapture>(Batch);
        for (int i = 0; i < Batch; i++)
        {
            var p = _processed[i % _processed.Length];
            string tag = $"-{round}-{i}";
            var capture = p.Capture with { Id = p.Capture.Id + tag };
            var articles = p.Articles.Select(a => a with { Id = a.Id + tag, CaptureId = capture.Id }).ToList();
            var mentions = p.Mentions.Select(k => k with
            {
                EventId = k.EventId + (round % 4 == 0 ? "" : tag),
                Mention = k.Mention with { ArticleId = k.Mention.ArticleId + tag },
            }).ToList();
            batch.Add(new ProcessedCapture(capture, articles, mentions));
        }
        return batch;
    }

    [Benchmark]
    public int StoreRaw() => _store.AddCaptures(Renamed(_round++).Select(p => p.Capture).ToList());

    [Benchmark]
    public int SaveBatch()
    {
        var batch = Renamed(_round++);
        _store.AddCaptures(batch.Select(p => p.Capture).ToList());
        _store.SaveBatch(batch);
        return batch.Count;
    }
}
