using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Parley.Storage;

namespace Parley.Api.Ingestion;

/// <summary>
/// One ingest run: a reader that stores raw captures and queues them, <c>N</c> workers that
/// process them, and one writer that commits results in read order, a batch per transaction.
/// </summary>
/// <remarks>
/// Two bounded channels carry the same items: <c>_work</c> to whichever worker is free, and
/// <c>_order</c> to the writer in read order. When the writer falls behind, <c>_order</c> fills
/// and the reader waits, so at most <c>capacity</c> captures plus two batches (one being stored
/// raw, one being written) are in memory.
/// Duplicates are found without remembering the corpus: a capture is skipped when it is in
/// flight (read in this run, not yet committed), committed as processed, or failed in this run;
/// the writer removes an id from the in-flight set only after its batch is committed.
/// </remarks>
internal sealed class IngestRun
{
    private readonly IngestService _service;
    private readonly IEventStore _store;
    private readonly Diagnostics _diagnostics;
    private readonly CancellationTokenSource _cts;
    private readonly CancellationToken _callerToken;
    private readonly Channel<WorkItem> _work;
    private readonly Channel<WorkItem> _order;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _failedHere = new(StringComparer.Ordinal);
    private readonly StageClock _clock = new();
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <summary>
    /// Captures in the first batch, on both sides (raw captures stored, results written); with more than
    /// one worker each next batch holds twice as many as the one before, up to
    /// <see cref="IngestService.BatchSize"/>; with one, the next are whole batches.
    /// </summary>
    /// <remarks>
    /// The writer's first batch costs twice a later one (its code is compiled, its caches filled); a
    /// small one pays that while the workers are still busy with the next captures. With a whole batch
    /// second, the writer then sat idle until the workers had finished it (0.2 to 0.3 s of a 3.5 s
    /// two-core ingest of 10,000 captures) and from there on was the thread the run waited for; batches
    /// that double (64, 128, 256, ...) keep it busy from its first commit. Two cores, 10,000 captures,
    /// eight rounds alternated: median 3.44 s against 3.54, faster in six of the eight pairs.
    /// </remarks>
    internal const int FirstBatch = 64;

    private int _batches, _rawBatches;

    /// <summary>
    /// Set once the reader has queued the last capture. From then on the writer, with more than one
    /// worker, writes the captures done so far (at least <see cref="FirstBatch"/>) whenever the next is
    /// not done yet, instead of waiting for a whole batch: the last batch was otherwise written alone
    /// after the workers had finished it, while the writer had waited for it idle (a flush log of a
    /// two-core ingest of 10,000 captures: the last whole batch written from 3.28 to 3.51 s, the
    /// workers done at 3.76, the last 1,872 captures written from 3.76 to 4.11). One worker has no core
    /// to spare for it. Every batch tells the store whether it is set (the store may then put off
    /// upkeep, see <see cref="IEventStore.SaveBatch"/>).
    /// </summary>
    private bool _readAll;

    // Captures in the batch after `done` batches: FirstBatch doubled `done` times, at most the batch
    // size. One worker has nothing running beside the writer's small batches, so it goes from the first
    // straight to whole ones (doubling cost it 1 to 3% at 10,000 captures, four pairs of runs).
    private int BatchLimit(int done) =>
        done == 0 || _service.Workers > 1 ? (int)Math.Min((long)FirstBatch << Math.Min(done, 32), _service.BatchSize) : _service.BatchSize;
    private int _total, _added, _skipped, _articles, _mentions, _failed;

    public IngestRun(IngestService service, Diagnostics diagnostics, int capacity, CancellationToken ct)
    {
        _service = service;
        _store = service.Store;
        _diagnostics = diagnostics;
        _callerToken = ct;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _work = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(capacity) { SingleWriter = true, SingleReader = service.Workers == 1 });
        _order = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(capacity) { SingleWriter = true, SingleReader = true });
    }

    public async Task<IngestResult> RunAsync(IEnumerable<Capture> captures)
    {
        var before = _service.Pipeline.Timings().ToList();
        var loops = new List<Task> { Start("Parley reader", () => Read(captures)), Start("Parley writer", Write) };
        // The workers give way to the writer (ThreadNice): they run ahead of it only on what it leaves of the cores.
        for (int i = 0; i < _service.Workers; i++) loops.Add(Start("Parley worker", Work, lower: true));
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch
        {
            // Report the failure that stopped the run, not the cancellations it caused.
            var cause = loops.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (cause is not null) ExceptionDispatchInfo.Throw(cause);
            _callerToken.ThrowIfCancellationRequested();
            throw;
        }
        finally
        {
            _cts.Dispose();
        }
        return new IngestResult(_total, _added, _skipped, _articles, _mentions, _failed, Stopwatch.GetElapsedTime(_start))
        {
            Workers = _service.Workers,
            Stages = StageTimes(before),
        };
    }

    private List<StageTime> StageTimes(List<(string Stage, TimeSpan Time)> before)
    {
        var stages = new List<StageTime>
        {
            new("read", _clock[StageClock.Read]),
            new("store raw", _clock[StageClock.StoreRaw]),
            new("extract", _clock[StageClock.Extract]),
        };
        var after = _service.Pipeline.Timings().ToList();
        for (int i = 0; i < after.Count; i++)
            stages.Add(new(after[i].Stage, after[i].Time - before[i].Time));
        stages.Add(new("key events", _clock[StageClock.Key]));
        stages.Add(new("write", _clock[StageClock.Write]));
        return stages;
    }

    // Runs a loop on a thread of its own; when it fails, the others are cancelled so none waits forever.
    // The loops block (on the store, on a queue, on CPU work) for the whole run: on the thread pool
    // they held its threads, and a worker or the writer could wait hundreds of milliseconds for the
    // pool to add one before its next step ran. lower: the thread runs at a lower priority.
    private Task Start(string name, Action loop, bool lower = false)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                if (lower) ThreadNice.Lower();
                loop();
                done.SetResult();
            }
            catch (Exception ex)
            {
                _cts.Cancel();
                if (ex is OperationCanceledException oce) done.SetCanceled(oce.CancellationToken);
                else done.SetException(ex);
            }
        }) { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    // Blocks until a queue operation that did not complete at once has.
    private static T Block<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    private static void Block(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully) pending.AsTask().GetAwaiter().GetResult();
    }

    private void Read(IEnumerable<Capture> captures)
    {
        var ct = _cts.Token;
        try
        {
            // Captures a killed or failed run left behind go first: the store lists them before
            // this run adds any, so what it re-runs does not depend on timing.
            AdmitAll(_store.PendingCaptures(), ct);
            AdmitAll(captures, ct);
            Volatile.Write(ref _readAll, true);
        }
        finally
        {
            _work.Writer.TryComplete();
            _order.Writer.TryComplete();
        }
    }

    private void AdmitAll(IEnumerable<Capture> captures, CancellationToken ct)
    {
        // Raw captures are stored a batch per transaction, and only then queued: every capture
        // is in the store before any stage runs on it.
        var raw = new List<Capture>(_service.BatchSize);
        using var e = captures.GetEnumerator();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            long t = Stopwatch.GetTimestamp();
            bool more = e.MoveNext();
            _clock.Stop(StageClock.Read, t);
            if (!more) break;
            var capture = e.Current;
            _total++;
            // In-flight first, then the store: an id leaves the in-flight set only after its
            // batch is committed, so one of the two checks always sees it.
            if (_inFlight.ContainsKey(capture.Id) || _failedHere.ContainsKey(capture.Id) || _store.IsProcessed(capture.Id))
            {
                _skipped++;
                continue;
            }
            _inFlight[capture.Id] = 0;
            raw.Add(capture);
            // The first few go to the workers at once, and the next batches grow as the writer's do (FirstBatch).
            if (raw.Count >= BatchLimit(_rawBatches)) StoreAndQueue(raw, ct);
        }
        StoreAndQueue(raw, ct);
    }

    private void StoreAndQueue(List<Capture> raw, CancellationToken ct)
    {
        if (raw.Count == 0) return;
        long t = Stopwatch.GetTimestamp();
        _added += _store.AddCaptures(raw);
        _rawBatches++;
        _clock.Stop(StageClock.StoreRaw, t);
        foreach (var capture in raw)
        {
            var item = new WorkItem(capture);
            if (!_order.Writer.TryWrite(item)) Block(_order.Writer.WriteAsync(item, ct));
            if (!_work.Writer.TryWrite(item)) Block(_work.Writer.WriteAsync(item, ct));
        }
        raw.Clear();
    }

    private void Work()
    {
        var ct = _cts.Token;
        var work = _work.Reader;
        while (Block(work.WaitToReadAsync(ct)))
            while (work.TryRead(out var item))
                item.Complete(_service.Process(item.Capture!, _diagnostics, _clock, ct));
    }

    private void Write()
    {
        var ct = _cts.Token;
        var order = _order.Reader;
        var batch = new List<ProcessedCapture>(_service.BatchSize);
        int limit = BatchLimit(0);
        while (Block(order.WaitToReadAsync(ct)))
            while (order.TryRead(out var item))
            {
                // Once every capture is read, what is done is written rather than waited on (_readAll).
                if (_service.Workers > 1 && batch.Count >= FirstBatch && !item.Done.IsCompleted && Volatile.Read(ref _readAll))
                {
                    Flush(batch);
                    limit = BatchLimit(_batches);
                }

                item.Done.Wait(ct);
                var processed = item.Done.Result;
                _articles += processed.Articles.Count;
                _mentions += processed.Mentions.Count;
                if (processed.Error is not null) _failed++;
                batch.Add(processed);
                if (batch.Count < limit) continue;
                Flush(batch);
                limit = BatchLimit(_batches);
            }
        Flush(batch);
        // The run is done when what the store does after each batch (its search index) is done too.
        long t = Stopwatch.GetTimestamp();
        _store.Settle();
        _clock.Stop(StageClock.Write, t);
    }

    private void Flush(List<ProcessedCapture> batch)
    {
        if (batch.Count == 0) return;
        bool full = batch.Count >= _service.BatchSize;
        long t = Stopwatch.GetTimestamp();
        _store.SaveBatch(batch, inputRead: Volatile.Read(ref _readAll));
        _batches++;
        _clock.Stop(StageClock.Write, t);
        foreach (var pc in batch)
        {
            if (pc.Error is not null) _failedHere[pc.Capture.Id] = 0;
            _inFlight.TryRemove(pc.Capture.Id, out _);
        }
        batch.Clear();
        // The batch's captures have just died, old (IngestService.CollectAfterBatch).
        if (full && _service.CollectAfterBatch) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
    }
}
