using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;

namespace Parley.Api;

/// <summary>Runs uploads through the ingest service one at a time: SQLite has one writer.</summary>
internal sealed class IngestGate(IEventStore store, ApiOptions options)
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Lazy<IngestService> _service = new(() => new IngestService(store, options.Dictionaries ?? DictionarySet.Default));

    /// <summary>Ingests the captures in <paramref name="body"/> (sniffed: gzip, WARC, JSONL, HTML or a text dump).</summary>
    public async Task<(IngestResult Result, IReadOnlyCollection<Diagnostic> Diagnostics)> IngestAsync(byte[] body, string source, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            return await Task.Run(() =>
            {
                var diag = new Diagnostics();
                using var stream = new MemoryStream(body, writable: false);
                var captures = new CaptureReader().ReadStream(stream, source, diag, ct).ToList();
                var result = _service.Value.Ingest(captures, diag, ct);
                return (result, diag.Items);
            }, ct);
        }
        finally
        {
            _one.Release();
        }
    }
}
