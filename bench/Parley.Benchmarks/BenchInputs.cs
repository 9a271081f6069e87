using System.Collections.Immutable;
using Parley.Pipeline;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;

namespace Parley.Benchmarks;

/// <summary>
/// Inputs for the stage benchmarks, made once from the project's own sample captures: the
/// captures, their articles, and their documents after each pipeline stage.
/// </summary>
public static class BenchInputs
{
    private static readonly Lazy<ImmutableArray<Capture>> LazyCaptures = new(() =>
        [.. new CaptureReader().Read([Path.Combine(RepoRoot(), "samples")], new Diagnostics())]);

    private static readonly Lazy<ImmutableArray<Article>> LazyArticles = new(() =>
    {
        var extractor = new ArticleExtractor();
        return [.. Captures.SelectMany(c => extractor.Extract(c, new Diagnostics()))];
    });

    /// <summary>The sample captures (text dumps, HTML, JSONL records).</summary>
    public static ImmutableArray<Capture> Captures => LazyCaptures.Value;

    /// <summary>The articles extracted from <see cref="Captures"/>.</summary>
    public static ImmutableArray<Article> Articles => LazyArticles.Value;

    /// <summary>Each article run through the stages of <paramref name="builder"/>.</summary>
    public static ImmutableArray<Document> Documents(PipelineBuilder builder)
    {
        var pipeline = builder.Build();
        return [.. Articles.Select(a => pipeline.Run(a, new Diagnostics()))];
    }

    /// <summary>The shipped dictionaries.</summary>
    public static DictionarySet Dictionaries => DictionarySet.Default;

    private static string RepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Parley.slnx"))) return d.FullName;
        throw new InvalidOperationException("Parley.slnx not found above the working directory; run from the repository");
    }
}
