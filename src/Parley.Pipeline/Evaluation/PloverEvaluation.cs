using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Stages;

namespace Parley.Pipeline.Evaluation;

/// <summary>One scored record of a PLOVER gold file.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Gold">Gold PLOVER type (<c>event_plover_v2</c>).</param>
/// <param name="Predicted">The coded PLOVER type, or "(none)" when nothing was coded.</param>
/// <param name="GoldSources">Gold source country codes; empty when the record has no source.</param>
/// <param name="PredictedSource">The coded source's country code, or "" when none was found.</param>
/// <param name="GoldTargets">Gold target country codes; empty when the record names no target.</param>
/// <param name="PredictedTarget">The coded target's country code, or "" when the event has none.</param>
public sealed record PloverCase(string Id, string Text, string Gold, string Predicted, IReadOnlyList<string> GoldSources, string PredictedSource,
    IReadOnlyList<string> GoldTargets, string PredictedTarget)
{
    /// <summary>True when the target country is one of the gold targets; null when the record has no gold target.</summary>
    public bool? TargetCorrect => GoldTargets.Count == 0 ? null : GoldTargets.Contains(PredictedTarget);

    /// <summary>True when the event type matches.</summary>
    public bool TypeCorrect => Gold == Predicted;

    /// <summary>True when the source country is one of the gold sources; null when the record has no gold source.</summary>
    public bool? SourceCorrect => GoldSources.Count == 0 ? null : GoldSources.Contains(PredictedSource);
}

/// <summary>The result of <see cref="PloverEvaluation.Run"/>.</summary>
/// <param name="Cases">Every scored record.</param>
/// <param name="Skipped">Lines that could not be read.</param>
public sealed record PloverReport(IReadOnlyList<PloverCase> Cases, int Skipped)
{
    /// <summary>Share of records whose coded PLOVER type equals the gold type.</summary>
    public double TypeAccuracy => Cases.Count == 0 ? 0 : Cases.Count(c => c.TypeCorrect) / (double)Cases.Count;

    /// <summary>Share of records with a gold source whose coded source country is among the gold sources.</summary>
    public double SourceAccuracy
    {
        get
        {
            var scored = Cases.Where(c => c.SourceCorrect is not null).ToList();
            return scored.Count == 0 ? 0 : scored.Count(c => c.SourceCorrect == true) / (double)scored.Count;
        }
    }

    /// <summary>Share of records with a gold target whose coded target country is among the gold targets.</summary>
    public double TargetAccuracy => TargetScored == 0 ? 0 : Cases.Count(c => c.TargetCorrect == true) / (double)TargetScored;

    /// <summary>Number of records with a gold target.</summary>
    public int TargetScored => Cases.Count(c => c.TargetCorrect is not null);

    /// <summary>Number of records with a gold source.</summary>
    public int SourceScored => Cases.Count(c => c.SourceCorrect is not null);

    /// <summary>The confusion matrix as text: gold types down, coded types across.</summary>
    public string ConfusionMatrix()
    {
        var gold = Cases.Select(c => c.Gold).Distinct().Order(StringComparer.Ordinal).ToList();
        var cols = gold.Concat(Cases.Select(c => c.Predicted)).Distinct().Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{"gold \\ coded",-12}");
        foreach (var c in cols) sb.Append(CultureInfo.InvariantCulture, $" {Abbrev(c),5}");
        sb.AppendLine();
        foreach (var g in gold)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{g,-12}");
            foreach (var c in cols)
            {
                int n = Cases.Count(x => x.Gold == g && x.Predicted == c);
                sb.Append(CultureInfo.InvariantCulture, $" {(n == 0 ? "." : n.ToString(CultureInfo.InvariantCulture)),5}");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Abbrev(string type) => type == "(none)" ? "none" : type.Length <= 5 ? type : type[..5];
}

/// <summary>
/// Scores the coder on a PLOVER gold file (one JSON object a line: <c>text</c>, <c>date</c>,
/// <c>source</c> [{code}], <c>event_plover_v2</c>). Each sentence is coded alone, dated by its
/// record, with every modality kept (PLOVER codes intended and threatened acts) source-only events allowed (PLOVER needs no target),
/// and actors known only by sector allowed ("rebels"). The sentence's event is the first coded event in the
/// sentence (the main clause's verb comes before purpose clauses: "staged protests to demand"),
/// the most confident on ties; its PLOVER type is compared with
/// <c>event_plover_v2</c> and its source's country with the gold sources. When nothing is coded,
/// the type is "(none)" (wrong) and the source is the sentence's first actor.
/// </summary>
public static class PloverEvaluation
{
    /// <summary>Codes and scores every record of <paramref name="path"/>.</summary>
    public static PloverReport Run(string path, DictionarySet dictionaries)
    {
        var pipeline = new PipelineBuilder().UseSentences().UseTimes().UseActors(dictionaries)
            .Use(new CodingStage(dictionaries, new CodingOptions { AllowMissingTarget = true, AllowSectorOnlyActors = true })).Build();
        var cases = new List<PloverCase>();
        int skipped = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            string id, text, gold;
            DateOnly? date;
            List<string> sources, targets;
            try
            {
                using var json = JsonDocument.Parse(line);
                var r = json.RootElement;
                id = r.GetProperty("id").GetString() ?? "";
                text = r.GetProperty("text").GetString() ?? "";
                gold = r.GetProperty("event_plover_v2").GetString() ?? "";
                date = r.TryGetProperty("date", out var d) && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
                sources = Codes(r, "source");
                targets = Codes(r, "target");
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                skipped++;
                continue;
            }
            var doc = pipeline.Run(Article(id, text, date), new Diagnostics());
            var best = doc.Events.OrderBy(e => e.Evidence.Start).ThenByDescending(e => e.Confidence).FirstOrDefault();
            string predicted = best is null ? "(none)" : dictionaries.Cameo.Get(best.Cameo).Plover is { Length: > 0 } pl ? pl : "(none)";
            string source = best is not null ? best.Source.CountryCode : doc.Actors.Length > 0 ? doc.Actors[0].Actor.CountryCode : "";
            string target = best?.Target.CountryCode ?? "";
            cases.Add(new PloverCase(id, text, gold, predicted, sources, source, targets, target));
        }
        return new PloverReport(cases, skipped);
    }

    // The country codes of a gold actor list ("source": [{"code": "USA"}]); a missing or empty field is none.
    private static List<string> Codes(JsonElement record, string field)
    {
        var codes = new List<string>();
        if (record.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array)
            foreach (var a in list.EnumerateArray())
                if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                    && c.GetString() is { Length: > 0 } code)
                    codes.Add(code);
        return codes;
    }

    /// <summary>An article holding one sentence, published on <paramref name="date"/>.</summary>
    internal static Article Article(string id, string text, DateOnly? date) => new()
    {
        Id = id,
        CaptureId = id,
        Source = "eval",
        Body = text,
        Published = date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
    };
}
