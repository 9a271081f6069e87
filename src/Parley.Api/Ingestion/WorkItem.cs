using Parley.Storage;

namespace Parley.Api.Ingestion;

/// <summary>
/// One capture on its way through an ingest run. Workers complete it in any order; the writer
/// takes items in the order they were read, so the store sees the same sequence of writes
/// whatever the number of workers.
/// </summary>
internal sealed class WorkItem(Capture capture)
{
    private readonly TaskCompletionSource<ProcessedCapture> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The raw capture, already stored; null once processed (see <see cref="Complete"/>).</summary>
    public Capture? Capture { get; private set; } = capture;

    /// <summary>Completes when a worker has processed the capture.</summary>
    public Task<ProcessedCapture> Done => _done.Task;

    /// <summary>
    /// Hands the worker's result to the writer, and lets go of the raw bytes: they are stored
    /// already, and the writer needs only the capture's id. Up to a batch of processed captures
    /// waits for the writer beside the one it writes, long enough for the collector to move them to
    /// its oldest generation, where the raw bytes would only have raised the peak before each full
    /// collection.
    /// </summary>
    public void Complete(ProcessedCapture result)
    {
        Capture = null;
        _done.TrySetResult(result.Capture.Content.Length == 0 ? result : result with { Capture = result.Capture with { Content = [] } });
    }
}
