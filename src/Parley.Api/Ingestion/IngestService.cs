using System.Diagnostics;
using Parley.Pipeline;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Storage;

namespace Parley.Api.Ingestion;

/// <summary>
/// Runs the whole path for a set of inputs: read captures, store each raw capture first,
/// extract articles, annotate and code them, key mentions to events, and write each batch of
/// captures in one transaction. A capture already processed is skipped, so re-ingest adds
/// nothing; one that fails is kept with its error and re-run on the next ingest.
/// </summary>
public sealed class IngestService
{
    private readonly IEventStore _store;
    private readonly DictionarySet _dict;
    private readonly Pipeline.Pipeline _pipeline;
    private readonly ArticleExtractor _extractor = new();

    /// <summary>Captures written per transaction.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Creates the service over a store and dictionaries.</summary>
    public IngestService(IEventStore store, DictionarySet dictionaries)
    {
        _store = store;
        _dict = dictionaries;
        _pipeline = PipelineBuilder.Default(dictionaries);
    }

    /// <summary>The pipeline used, for its per-stage timings.</summary>
    public Pipeline.Pipeline Pipeline => _pipeline;

    /// <summary>Ingests every capture under <paramref name="paths"/>.</summary>
    public IngestResult Ingest(IEnumerable<string> paths, Diagnostics diagnostics, CancellationToken ct = default) =>
        Ingest(new CaptureReader().Read(paths, diagnostics, ct), diagnostics, ct);

    /// <summary>Ingests <paramref name="captures"/> (plus any stored earlier but not yet processed).</summary>
    public IngestResult Ingest(IEnumerable<Capture> captures, Diagnostics diagnostics, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        int total = 0, added = 0, skipped = 0, articles = 0, mentions = 0, failed = 0;
        var batch = new List<ProcessedCapture>(BatchSize);
        void Flush()
        {
            if (batch.Count == 0) return;
            _store.SaveBatch(batch);
            batch.Clear();
        }
        foreach (var capture in captures.Concat(_store.PendingCaptures()))
        {
            ct.ThrowIfCancellationRequested();
            total++;
            if (_store.IsProcessed(capture.Id) || batch.Any(b => b.Capture.Id == capture.Id))
            {
                skipped++;
                continue;
            }
            if (_store.AddCapture(capture)) added++;
            var processed = Process(capture, diagnostics, ct);
            articles += processed.Articles.Count;
            mentions += processed.Mentions.Count;
            if (processed.Error is not null) failed++;
            batch.Add(processed);
            if (batch.Count >= BatchSize) Flush();
        }
        Flush();
        return new IngestResult(total, added, skipped, articles, mentions, failed, clock.Elapsed);
    }

    /// <summary>Extracts, annotates and codes one capture; never throws for bad content.</summary>
    public ProcessedCapture Process(Capture capture, Diagnostics diagnostics, CancellationToken ct = default)
    {
        try
        {
            var articles = _extractor.Extract(capture, diagnostics);
            var mentions = new List<EventMention>();
            foreach (var article in articles)
                mentions.AddRange(_pipeline.Run(article, diagnostics, ct).Events);
            return new ProcessedCapture(capture, articles, EventKeys.KeyAll(mentions, _dict.Cameo));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Report(DiagnosticCodes.StageFailed, Severity.Error, capture.Source, -1,
                $"processing failed: {ex.GetType().Name}: {ex.Message}. The capture is stored and will be retried on the next ingest.");
            return new ProcessedCapture(capture, [], [], ex.Message);
        }
    }
}
