using System.Collections.Concurrent;

namespace Parley;

/// <summary>
/// Collects diagnostics from every stage of a run. Thread-safe; stages add, the caller reads
/// at the end. An optional sink sees each diagnostic as it arrives (the CLI prints them).
/// </summary>
public sealed class Diagnostics
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private readonly Action<Diagnostic>? _sink;

    /// <summary>Creates a collector, optionally forwarding each diagnostic to <paramref name="sink"/>.</summary>
    public Diagnostics(Action<Diagnostic>? sink = null) => _sink = sink;

    /// <summary>Everything reported so far, in arrival order.</summary>
    public IReadOnlyCollection<Diagnostic> Items => _items;

    /// <summary>Number of error-level diagnostics reported.</summary>
    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    /// <summary>Records a diagnostic.</summary>
    public void Report(Diagnostic diagnostic)
    {
        _items.Enqueue(diagnostic);
        _sink?.Invoke(diagnostic);
    }

    /// <summary>Records a diagnostic built from its parts.</summary>
    public void Report(string code, Severity severity, string source, long position, string message) =>
        Report(new Diagnostic(code, severity, source, position, message));
}
