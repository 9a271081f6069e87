namespace Parley.Pipeline.Extraction.Evaluation;

/// <summary>One page's share of true positive, false positive and false negative shingles (summing to 1, or all 0).</summary>
/// <param name="Tp">Shingles in both.</param>
/// <param name="Fp">Shingles predicted but not in the truth.</param>
/// <param name="Fn">Shingles in the truth but not predicted.</param>
public readonly record struct PageCounts(double Tp, double Fp, double Fn)
{
    /// <summary>Page precision: 1 when nothing is wrong or missing, 0 when nothing is right or predicted.</summary>
    public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : Tp / (Tp + Fp);

    /// <summary>Page recall: 1 when nothing is wrong or missing, 0 when nothing is right or expected.</summary>
    public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : Tp / (Tp + Fn);

    /// <summary>Page F1.</summary>
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
}
