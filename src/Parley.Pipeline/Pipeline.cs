using System.Collections.Immutable;
using System.Diagnostics;

namespace Parley.Pipeline;

/// <summary>A fixed sequence of stages, built by <see cref="PipelineBuilder"/>.</summary>
public sealed class Pipeline
{
    private readonly long[] _ticks;

    internal Pipeline(ImmutableArray<IStage> stages)
    {
        Stages = stages;
        _ticks = new long[stages.Length];
    }

    /// <summary>The stages in run order.</summary>
    public ImmutableArray<IStage> Stages { get; }

    /// <summary>
    /// Runs every stage on <paramref name="article"/>. A stage that throws yields a PAR301
    /// diagnostic and the document as it was before that stage, so a bad document never
    /// stops a batch.
    /// </summary>
    public Document Run(Article article, Diagnostics diagnostics, CancellationToken ct = default)
    {
        var doc = new Document(article);
        for (int i = 0; i < Stages.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            long start = Stopwatch.GetTimestamp();
            try
            {
                doc = Stages[i].Run(doc, diagnostics, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                diagnostics.Report(DiagnosticCodes.StageFailed, Severity.Error, article.Source, -1,
                    $"stage '{Stages[i].Name}' failed on article {article.Id}: {ex.GetType().Name}: {ex.Message}. The capture is stored; re-run with 'parley reprocess'.");
                return doc;
            }
            finally
            {
                Interlocked.Add(ref _ticks[i], Stopwatch.GetTimestamp() - start);
            }
        }
        return doc;
    }

    /// <summary>Time spent in each stage so far, for the throughput bench.</summary>
    public IEnumerable<(string Stage, TimeSpan Time)> Timings() =>
        Stages.Select((s, i) => (s.Name, Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[i]))));
}
