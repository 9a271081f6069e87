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

    /// <summary>The raw capture, already stored.</summary>
    public Capture Capture { get; } = capture;

    /// <summary>Completes when a worker has processed the capture.</summary>
    public Task<ProcessedCapture> Done => _done.Task;

    /// <summary>Hands the worker's result to the writer.</summary>
    public void Complete(ProcessedCapture result) => _done.TrySetResult(result);
}
