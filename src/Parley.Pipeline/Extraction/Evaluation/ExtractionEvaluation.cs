using System.Diagnostics;
using System.Text.Json;

namespace Parley.Pipeline.Extraction.Evaluation;

/// <summary>
/// Runs the extractor over an article-body benchmark folder (<c>ground-truth.json</c> mapping ids to
/// <c>{articleBody, url}</c>, and <c>html/&lt;id&gt;.html.gz</c>) and scores the bodies with <see cref="ShingleScore"/>.
/// </summary>
public static class ExtractionEvaluation
{
    /// <summary>Extracts every page of <paramref name="folder"/> and scores the result.</summary>
    /// <param name="folder">The benchmark folder.</param>
    /// <param name="extractor">The extractor; the default one when null.</param>
    /// <returns>The predictions, per-page counts and the aggregate scores.</returns>
    public static ExtractionReport Run(string folder, ArticleExtractor? extractor = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        extractor ??= new ArticleExtractor();
        using var truthDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "ground-truth.json")));
        var pages = new List<ExtractionPage>();
        var diag = new Diagnostics();
        var watch = new Stopwatch();
        foreach (var entry in truthDoc.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var truth = entry.Value.TryGetProperty("articleBody", out var b) ? b.GetString() ?? "" : "";
            var url = entry.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            var file = Path.Combine(folder, "html", entry.Name + ".html.gz");
            var prediction = "";
            var method = "";
            if (File.Exists(file))
            {
                var capture = EvalPages.Load(file, url);
                watch.Start();
                var articles = extractor.Extract(capture, diag);
                watch.Stop();
                prediction = articles.IsEmpty ? "" : articles[0].Body;
                method = articles.IsEmpty ? "" : articles[0].Method;
            }

            var counts = ShingleScore.Page(truth, prediction);
            var exact = ShingleScore.Tokens(truth).SequenceEqual(ShingleScore.Tokens(prediction), StringComparer.Ordinal);
            pages.Add(new ExtractionPage(entry.Name, url, truth, prediction, method, counts, exact));
        }

        var (p, r, f1) = ShingleScore.Aggregate(pages.Select(x => x.Counts).ToList());
        var accuracy = pages.Count > 0 ? pages.Count(x => x.Exact) / (double)pages.Count : 0;
        return new ExtractionReport(pages, p, r, f1, accuracy, watch.Elapsed);
    }

    /// <summary>Writes the predictions as <c>{id: {"articleBody": text}}</c>, the file the benchmark's scorer reads.</summary>
    public static void WritePredictions(ExtractionReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        foreach (var page in report.Pages)
        {
            w.WriteStartObject(page.Id);
            w.WriteString("articleBody", page.Prediction);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}

/// <summary>One page of an extraction evaluation.</summary>
/// <param name="Id">The page id.</param>
/// <param name="Url">The page URL.</param>
/// <param name="Truth">The annotated body.</param>
/// <param name="Prediction">The extracted body ("" when none).</param>
/// <param name="Method">The extraction path that won (<see cref="Article.Method"/>).</param>
/// <param name="Counts">Shingle counts.</param>
/// <param name="Exact">True when the token sequences are equal.</param>
public sealed record ExtractionPage(string Id, string? Url, string Truth, string Prediction, string Method, PageCounts Counts, bool Exact);

/// <summary>The result of an extraction evaluation.</summary>
/// <param name="Pages">Per page, in id order.</param>
/// <param name="Precision">Macro precision.</param>
/// <param name="Recall">Macro recall.</param>
/// <param name="F1">Harmonic mean of the two.</param>
/// <param name="Accuracy">Share of exactly right pages.</param>
/// <param name="Elapsed">Time spent extracting (decompression and scoring excluded).</param>
public sealed record ExtractionReport(IReadOnlyList<ExtractionPage> Pages, double Precision, double Recall, double F1, double Accuracy, TimeSpan Elapsed);
