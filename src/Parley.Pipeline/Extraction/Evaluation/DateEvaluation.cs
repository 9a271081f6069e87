using System.Diagnostics;
using System.Text.Json;

namespace Parley.Pipeline.Extraction.Evaluation;

/// <summary>
/// Runs publication-date detection over a date benchmark folder (<c>eval_*.json</c> files mapping
/// URLs to <c>{file, date}</c>, pages in <c>html/&lt;file&gt;.gz</c>). One predicted day or none per page:
/// equal to gold is a true positive, different a false positive, none a false negative.
/// </summary>
public static partial class DateEvaluation
{
    /// <summary>Predicts a day for every page of <paramref name="folder"/> and scores the result.</summary>
    /// <param name="folder">The benchmark folder.</param>
    /// <param name="extractor">The extractor; the default one when null.</param>
    /// <returns>Per-page predictions and micro-averaged precision, recall and F.</returns>
    public static DateReport Run(string folder, ArticleExtractor? extractor = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        extractor ??= new ArticleExtractor();
        var pages = new List<DatePage>();
        var watch = new Stopwatch();
        var unannotated = 0;
        foreach (var set in Directory.GetFiles(folder, "eval_*.json").Order(StringComparer.Ordinal))
        {
            // Python's json writes a missing date as the bare token NaN, which is not JSON.
            using var doc = JsonDocument.Parse(NaN().Replace(File.ReadAllText(set), "null"));
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Value.GetProperty("date").GetString() is not { } goldText)
                {
                    unannotated++;
                    continue;
                }

                var gold = DateOnly.Parse(goldText, System.Globalization.CultureInfo.InvariantCulture);
                var file = Path.Combine(folder, "html", entry.Value.GetProperty("file").GetString() + ".gz");
                PublicationDate? predicted = null;
                if (File.Exists(file))
                {
                    var capture = EvalPages.Load(file, entry.Name);
                    watch.Start();
                    predicted = extractor.PublicationDate(capture);
                    watch.Stop();
                }

                pages.Add(new DatePage(Path.GetFileNameWithoutExtension(set), entry.Name, gold,
                    predicted is { } p ? DateOnly.FromDateTime(p.Value.DateTime) : null, predicted?.Basis, predicted?.Text));
            }
        }

        var tp = pages.Count(p => p.Predicted == p.Gold);
        var fp = pages.Count(p => p.Predicted is not null && p.Predicted != p.Gold);
        var fn = pages.Count(p => p.Predicted is null);
        var precision = tp + fp > 0 ? tp / (double)(tp + fp) : 0;
        var recall = tp + fn > 0 ? tp / (double)(tp + fn) : 0;
        var f = 2 * tp + fp + fn > 0 ? 2.0 * tp / (2 * tp + fp + fn) : 0;
        return new DateReport(pages, tp, fp, fn, precision, recall, f, unannotated, watch.Elapsed);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=:\s*)NaN(?=\s*[,}])")]
    private static partial System.Text.RegularExpressions.Regex NaN();
}

/// <summary>One page of a date evaluation.</summary>
/// <param name="Set">The evaluation file it came from.</param>
/// <param name="Url">The page URL.</param>
/// <param name="Gold">The annotated day.</param>
/// <param name="Predicted">The predicted day, or null.</param>
/// <param name="Basis">Where the prediction came from (see <see cref="PublicationDate.Basis"/>).</param>
/// <param name="Text">The text the prediction was read from.</param>
public sealed record DatePage(string Set, string Url, DateOnly Gold, DateOnly? Predicted, string? Basis, string? Text);

/// <summary>The result of a date evaluation.</summary>
/// <param name="Pages">Per page.</param>
/// <param name="Tp">Right days.</param>
/// <param name="Fp">Wrong days.</param>
/// <param name="Fn">Pages with no day.</param>
/// <param name="Precision">TP / (TP + FP).</param>
/// <param name="Recall">TP / (TP + FN).</param>
/// <param name="F">2TP / (2TP + FP + FN).</param>
/// <param name="Unannotated">Pages whose gold date is missing (NaN in the file); left out of the score.</param>
/// <param name="Elapsed">Time spent predicting (decompression excluded).</param>
public sealed record DateReport(IReadOnlyList<DatePage> Pages, int Tp, int Fp, int Fn, double Precision, double Recall, double F, int Unannotated, TimeSpan Elapsed);
