using System.Text.RegularExpressions;

namespace Parley.Pipeline.Extraction.Evaluation;

/// <summary>
/// The article-body metric of the public article-extraction benchmark: token 4-gram shingles
/// compared as multisets per page, each page weighing the same, precision and recall
/// macro-averaged and combined into F1.
/// </summary>
/// <remarks>
/// Tokens are the matches of <c>\w+</c>, case kept. A text of one to three tokens gives one
/// shingle of all of them. Per page TP, FP and FN are divided by their sum; a page whose
/// prediction is empty is left out of precision and only costs recall.
/// </remarks>
public static partial class ShingleScore
{
    /// <summary>Shingle length.</summary>
    private const int N = 4;

    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        foreach (var m in Word().EnumerateMatches(text))
        {
            tokens.Add(text.Substring(m.Index, m.Length));
        }

        return tokens;
    }

    /// <summary>One page's TP, FP and FN, each divided by their sum (all zero when the sum is zero).</summary>
    public static PageCounts Page(string? truth, string? prediction)
    {
        var t = Shingles(Tokens(truth));
        var p = Shingles(Tokens(prediction));
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, x) in t)
        {
            var y = p.GetValueOrDefault(key);
            tp += Math.Min(x, y);
            fn += Math.Max(0, x - y);
        }

        foreach (var (key, y) in p)
        {
            fp += Math.Max(0, y - t.GetValueOrDefault(key));
        }

        var sum = tp + fp + fn;
        return sum > 0 ? new PageCounts(tp / sum, fp / sum, fn / sum) : new PageCounts(0, 0, 0);
    }

    /// <summary>Macro precision, recall and their harmonic mean over <paramref name="pages"/>.</summary>
    public static (double Precision, double Recall, double F1) Aggregate(IReadOnlyList<PageCounts> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        double pSum = 0, rSum = 0;
        int pN = 0, rN = 0;
        foreach (var c in pages)
        {
            if (c.Tp + c.Fp > 0)
            {
                pSum += c.Precision;
                pN++;
            }

            if (c.Tp + c.Fn > 0)
            {
                rSum += c.Recall;
                rN++;
            }
        }

        var precision = pN > 0 ? pSum / pN : 0;
        var recall = rN > 0 ? rSum / rN : 0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return (precision, recall, f1);
    }

    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return counts;
        }

        if (tokens.Count < N)
        {
            counts[string.Join('\u0001', tokens)] = 1;
            return counts;
        }

        for (var i = 0; i + N <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
