using System.Diagnostics;
using Parley.Pipeline;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Storage;

namespace Parley.Api.Ingestion;

/// <summary>
/// Runs the whole path for a set of inputs: read captures and store each raw capture first,
/// then extract, annotate, code and key them on <see cref="Workers"/> threads, and write the
/// results from one writer, a batch of captures per transaction. Bounded queues between the
/// three give back-pressure, so memory holds only the captures in flight, never the corpus.
/// </summary>
/// <remarks>
/// <para>The writer commits in the order captures were read, so the store ends the same
/// (articles, events, ids, counts) whatever the number of workers.</para>
/// <para>A capture already processed is skipped, so re-ingest adds nothing; one that fails is
/// kept with its error and re-run on the next ingest, as is one a killed run stored but did not
/// finish.</para>
/// </remarks>
public sealed class IngestService
{
    private readonly IEventStore _store;
    private readonly DictionarySet _dict;
    private readonly Pipeline.Pipeline _pipeline;
    private readonly ArticleExtractor _extractor = new();

    /// <summary>Creates the service over a store and dictionaries.</summary>
    public IngestService(IEventStore store, DictionarySet dictionaries)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(dictionaries);
        _store = store;
        _dict = dictionaries;
        _pipeline = PipelineBuilder.Default(dictionaries);
    }

    /// <summary>
    /// Captures written per transaction. 2,048: a batch rewrites every index page its rows land on
    /// (random keys) and pays the commit once, so a larger batch shares both among more captures. At
    /// 100,000 stored captures a batch of 1,024 already lands on most pages of the mention and event
    /// indexes, and the WAL took about 45 page writes per capture; 2,048 took the bench's one-core
    /// ingest from about 880 to about 1,050 captures per second there (see the README's Performance section).
    /// </summary>
    /// <remarks>
    /// The default is the lower of two measured choices. 4,096 wrote a store of 100,000 captures 11 to
    /// 30% faster on two cores (the single writer is what limits them there; one core and a store of
    /// 10,000 gained nothing) and raised the bench's peak resident memory by some 45 MB: more
    /// captures in flight and larger batches in the writer. <c>parley ingest --batch-size</c> sets it.
    /// </remarks>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The default of <see cref="BatchSize"/>.</summary>
    public const int DefaultBatchSize = 2048;

    /// <summary>Threads that extract, annotate and code; all cores by default.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Captures allowed between reading and writing, besides the batch the writer holds; the reader
    /// waits when this many are in flight. Zero picks <c>BatchSize + 16 × Workers</c>: a whole
    /// batch ready when the writer commits one, and some slack for the workers.
    /// </summary>
    /// <remarks>
    /// Twice a batch before: where the writer is the slower side (a large store) the queue stays
    /// full, and the processed captures it holds, which live long enough to reach the collector's
    /// oldest generation, raised its peak. One batch and the slack took the bench's one-core peak
    /// resident memory from 288-317 to 269-300 MB at 100,000 captures and from 233-251 to 226-233
    /// at 10,000 (pairs of runs), captures per second unchanged.
    /// </remarks>
    public int QueueCapacity { get; init; }

    /// <summary>Whether the writer asks for a full collection after each full batch it commits; on by default.</summary>
    /// <remarks>
    /// A batch's processed captures live while the batch fills, through many young collections, so
    /// they die in the oldest generation, all at once when the batch commits. The collector finds
    /// them only at its next full collection, which its budget puts off the longer the more the heap
    /// held at the last one; so the heap of a long ingest settled higher than a short one's. Collected
    /// right after each commit, when most of what the heap holds has just died (the bench, pairs of
    /// runs): peak resident memory on one core 199-201 MB at 10,000 captures and 225-227 at 100,000,
    /// against 214-235 and 259-264; on two cores 228-231 and 268-269, against 241-257 and 287-292.
    /// The collections it asks for (one every 2,048 captures) replace about half of those the collector
    /// made by itself, and add up to a second of pauses in 100,000 captures (1 to 2% of the run).
    /// </remarks>
    public bool CollectAfterBatch { get; init; } = true;

    /// <summary>The pipeline used, for its per-stage timings.</summary>
    public Pipeline.Pipeline Pipeline => _pipeline;

    internal IEventStore Store => _store;

    /// <summary>Ingests every capture under <paramref name="paths"/>.</summary>
    public IngestResult Ingest(IEnumerable<string> paths, Diagnostics diagnostics, CancellationToken ct = default) =>
        Ingest(new CaptureReader().Read(paths, diagnostics, ct), diagnostics, ct);

    /// <summary>Ingests <paramref name="captures"/> (after any stored earlier but not yet processed).</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> fires; every batch committed before stays.</exception>
    public IngestResult Ingest(IEnumerable<Capture> captures, Diagnostics diagnostics, CancellationToken ct = default) =>
        IngestAsync(captures, diagnostics, ct).GetAwaiter().GetResult();

    /// <inheritdoc cref="Ingest(IEnumerable{Capture}, Diagnostics, CancellationToken)"/>
    public Task<IngestResult> IngestAsync(IEnumerable<Capture> captures, Diagnostics diagnostics, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (Workers < 1) throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "at least one worker is needed");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "a batch holds at least one capture");
        int capacity = QueueCapacity > 0 ? QueueCapacity : BatchSize + 16 * Workers;
        return new IngestRun(this, diagnostics, capacity, ct).RunAsync(captures);
    }

    /// <summary>Extracts, annotates and codes one capture; never throws for bad content.</summary>
    public ProcessedCapture Process(Capture capture, Diagnostics diagnostics, CancellationToken ct = default) =>
        Process(capture, diagnostics, null, ct);

    internal ProcessedCapture Process(Capture capture, Diagnostics diagnostics, StageClock? clock, CancellationToken ct)
    {
        try
        {
            long t = Stopwatch.GetTimestamp();
            var articles = _extractor.Extract(capture, diagnostics);
            clock?.Stop(StageClock.Extract, t);
            var mentions = new List<EventMention>();
            foreach (var article in articles)
                mentions.AddRange(_pipeline.Run(article, diagnostics, ct).Events);
            t = Stopwatch.GetTimestamp();
            var keyed = EventKeys.KeyAll(mentions, _dict.Cameo);
            var processed = new ProcessedCapture(capture, articles, keyed);
            // Story signatures and group keys are computed here, on the workers, not by the single writer.
            processed = processed with { Rows = CaptureRows.Of(processed) };
            clock?.Stop(StageClock.Key, t);
            return processed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Report(DiagnosticCodes.StageFailed, Severity.Error, capture.Source, -1,
                $"processing failed: {ex.GetType().Name}: {ex.Message}. The capture is stored and will be retried on the next ingest.");
            return new ProcessedCapture(capture, [], [], ex.Message);
        }
    }
}
