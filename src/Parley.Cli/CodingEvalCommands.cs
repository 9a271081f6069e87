using System.CommandLine;
using System.Globalization;
using Parley.Pipeline.Evaluation;

namespace Parley.Cli;

internal static partial class Commands
{
    private static Command EvalPlover()
    {
        var file = new Argument<string>("file") { Description = "PLOVER gold JSONL (text, date, source, event_plover_v2)" };
        var dicts = CliOptions.Dicts();
        var errors = new Option<bool>("--errors") { Description = "List every record coded wrongly" };
        var cmd = new Command("plover", "PLOVER event-type, source-country and target-country accuracy, with the confusion matrix") { file, dicts, errors };
        cmd.SetAction(p =>
        {
            if (!File.Exists(p.GetValue(file))) { Console.Error.WriteLine($"error PAR108: no file '{p.GetValue(file)}'"); return 2; }
            var r = PloverEvaluation.Run(p.GetValue(file)!, LoadDicts(p.GetValue(dicts)));
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"records: {r.Cases.Count} ({r.Skipped} unreadable)"));
            Console.WriteLine(string.Create(inv, $"event type accuracy (event_plover_v2): {r.TypeAccuracy:F3} ({r.Cases.Count(c => c.TypeCorrect)}/{r.Cases.Count})"));
            Console.WriteLine(string.Create(inv, $"source country accuracy: {r.SourceAccuracy:F3} ({r.Cases.Count(c => c.SourceCorrect == true)}/{r.SourceScored})"));
            Console.WriteLine(string.Create(inv, $"target country accuracy: {r.TargetAccuracy:F3} ({r.Cases.Count(c => c.TargetCorrect == true)}/{r.TargetScored})"));
            Console.WriteLine();
            Console.Write(r.ConfusionMatrix());
            if (p.GetValue(errors))
                foreach (var c in r.Cases.Where(c => !c.TypeCorrect || c.SourceCorrect == false))
                    Console.WriteLine($"{c.Id}\tgold {c.Gold} {string.Join('/', c.GoldSources)}\tcoded {c.Predicted} {c.PredictedSource}\ttarget {string.Join('/', c.GoldTargets)} -> {c.PredictedTarget}\t{c.Text}");
            return 0;
        });
        return cmd;
    }

    private static Command EvalActors()
    {
        var file = new Argument<string>("file") { Description = "Actor-resolution cases JSONL (calls, asserts)" };
        var dicts = CliOptions.Dicts();
        var errors = new Option<bool>("--errors") { Description = "List every failed case" };
        var cmd = new Command("actors", "Nationality (search_nat) and agent (agent_to_code) accuracy") { file, dicts, errors };
        cmd.SetAction(p =>
        {
            if (!File.Exists(p.GetValue(file))) { Console.Error.WriteLine($"error PAR108: no file '{p.GetValue(file)}'"); return 2; }
            var r = ActorEvaluation.Run(p.GetValue(file)!, LoadDicts(p.GetValue(dicts)));
            var inv = CultureInfo.InvariantCulture;
            foreach (var m in new[] { "search_nat", "agent_to_code" })
                Console.WriteLine(string.Create(inv, $"{m}: {r.Accuracy(m):F3} ({r.Cases.Count(c => c.Method == m && c.Passed)}/{r.Count(m)})"));
            int all = r.Cases.Count;
            Console.WriteLine(string.Create(inv, $"all: {(all == 0 ? 0 : r.Cases.Count(c => c.Passed) / (double)all):F3} ({r.Cases.Count(c => c.Passed)}/{all}); {r.Unscorable} calls not scorable (arguments not in the file, or Wikipedia-only asserts)"));
            if (p.GetValue(errors))
                foreach (var c in r.Cases.Where(c => !c.Passed))
                    Console.WriteLine($"{c.Test}\t{c.Method}({c.Input})\twant {c.Expected}\tgot {c.Got}");
            return 0;
        });
        return cmd;
    }
}
