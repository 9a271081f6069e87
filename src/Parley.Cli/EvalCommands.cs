using System.CommandLine;
using System.Globalization;
using Parley.Pipeline.Extraction.Evaluation;

namespace Parley.Cli;

/// <summary>The <c>eval</c> command: scores extraction on benchmark folders.</summary>
internal static partial class Commands
{
    private static Command Eval()
    {
        var cmd = new Command("eval", "Score Parley on evaluation data: article bodies, publication dates, PLOVER coding, actor resolution") { EvalExtraction(), EvalDates(), EvalPlover(), EvalActors() };
        return cmd;
    }

    private static Command EvalExtraction()
    {
        var folder = new Argument<string>("folder") { Description = "Folder with ground-truth.json and html/<id>.html.gz" };
        var output = new Option<string?>("--out") { Description = "Write the predictions file ({id: {\"articleBody\": text}}) the benchmark's score.py reads" };
        var verbose = new Option<bool>("--pages") { Description = "Print each page's precision, recall and F1, worst first" };
        var cmd = new Command("extraction", "Extract the body of every benchmark page and print shingle precision, recall and F1") { folder, output, verbose };
        cmd.SetAction(p =>
        {
            var dir = p.GetValue(folder)!;
            if (!File.Exists(Path.Combine(dir, "ground-truth.json"))) { Console.Error.WriteLine($"error PAR108: no ground-truth.json in '{dir}'"); return 2; }
            var report = ExtractionEvaluation.Run(dir);
            if (p.GetValue(output) is { } path)
            {
                using var stream = File.Create(path);
                ExtractionEvaluation.WritePredictions(report, stream);
            }
            if (p.GetValue(verbose))
                foreach (var page in report.Pages.OrderBy(x => x.Counts.F1))
                    Console.WriteLine(FormattableString.Invariant($"{page.Counts.Precision:F3} {page.Counts.Recall:F3} {page.Counts.F1:F3} {page.Method,-10} {page.Id[..12]} {page.Url}"));
            Console.WriteLine(FormattableString.Invariant(
                $"pages {report.Pages.Count}  F1 {report.F1:F4}  precision {report.Precision:F4}  recall {report.Recall:F4}  accuracy {report.Accuracy:F3}  empty {report.Pages.Count(x => x.Prediction.Length == 0)}  {report.Pages.Count / report.Elapsed.TotalSeconds:F0} pages/s"));
            return 0;
        });
        return cmd;
    }

    private static Command EvalDates()
    {
        var folder = new Argument<string>("folder") { Description = "Folder with eval_*.json and html/<file>.gz" };
        var verbose = new Option<bool>("--pages") { Description = "Print every wrong or missing page" };
        var cmd = new Command("dates", "Find the publication day of every benchmark page and print precision, recall and F") { folder, verbose };
        cmd.SetAction(p =>
        {
            var dir = p.GetValue(folder)!;
            if (Directory.GetFiles(dir, "eval_*.json").Length == 0) { Console.Error.WriteLine($"error PAR108: no eval_*.json in '{dir}'"); return 2; }
            var report = DateEvaluation.Run(dir);
            if (p.GetValue(verbose))
                foreach (var page in report.Pages.Where(x => x.Predicted != x.Gold))
                    Console.WriteLine(FormattableString.Invariant($"{page.Set} gold {page.Gold:yyyy-MM-dd} got {page.Predicted?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} {page.Basis} [{page.Text}] {page.Url}"));
            Console.WriteLine(FormattableString.Invariant(
                $"pages {report.Pages.Count}  F {report.F:F4}  precision {report.Precision:F4}  recall {report.Recall:F4}  (TP {report.Tp}, FP {report.Fp}, FN {report.Fn}; {report.Unannotated} without a gold date left out)  {report.Pages.Count / report.Elapsed.TotalSeconds:F0} pages/s"));
            return 0;
        });
        return cmd;
    }
}
