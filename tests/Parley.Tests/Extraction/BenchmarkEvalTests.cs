using FluentAssertions;
using Parley.Pipeline.Extraction.Evaluation;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Extraction;

/// <summary>
/// Regression floors on the development halves of the public extraction and date benchmarks (read from
/// the shared folder beside the repository). A floor may rise; it may not drop silently.
/// </summary>
public class BenchmarkEvalTests
{
    private static string Extraction => Path.Combine(Repo.Shared, "evaldata", "extraction");

    private static string Dates => Path.Combine(Repo.Shared, "evaldata", "dates");

    [Fact]
    public void Eval_ExtractionBodyF1_AtLeastFloor()
    {
        var report = ExtractionEvaluation.Run(Extraction);
        report.Pages.Should().HaveCount(91);
        report.F1.Should().BeGreaterThanOrEqualTo(0.975);
        report.Pages.Should().OnlyContain(p => p.Prediction.Length > 0);
    }

    [Fact]
    public void Eval_PublicationDateF_AtLeastFloor()
    {
        var report = DateEvaluation.Run(Dates);
        report.Pages.Should().HaveCount(498);
        report.F.Should().BeGreaterThanOrEqualTo(0.965);
    }

    [Theory]
    [InlineData("one two three four five", "one two three four five", 1.0, 1.0)]
    [InlineData("one two three four five", "", 0.0, 0.0)]
    [InlineData("a b c d e f", "a b c d", 1.0, 1.0 / 3)]
    [InlineData("U.S. talks", "U S talks", 1.0, 1.0)]
    public void Score_PageCountsFollowTheMetric(string truth, string prediction, double precision, double recall)
    {
        var counts = ShingleScore.Page(truth, prediction);
        counts.Precision.Should().BeApproximately(precision, 1e-9);
        counts.Recall.Should().BeApproximately(recall, 1e-9);
    }

    [Fact]
    public void Score_EmptyPredictionLeftOutOfPrecision()
    {
        var pages = new[] { ShingleScore.Page("a b c d e", "a b c d e"), ShingleScore.Page("a b c d e", "") };
        var (p, r, _) = ShingleScore.Aggregate(pages);
        p.Should().Be(1.0);
        r.Should().Be(0.5);
    }
}
