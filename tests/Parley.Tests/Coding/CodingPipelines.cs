using Parley.Pipeline;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Stages;

namespace Parley.Tests.Coding;

/// <summary>
/// The two codings the rule tests run a sentence through: PLOVER-style (a missing target and a
/// sector-only actor allowed, as the PLOVER evaluation codes) and dyadic (as ingest codes).
/// </summary>
internal static class CodingPipelines
{
    public static readonly Pipeline.Pipeline Plover = new PipelineBuilder().UseSentences().UseTimes().UseActors(DictionarySet.Default)
        .Use(new CodingStage(DictionarySet.Default, new CodingOptions { AllowMissingTarget = true, AllowSectorOnlyActors = true })).Build();

    public static readonly Pipeline.Pipeline Dyadic = new PipelineBuilder().UseSentences().UseTimes().UseActors(DictionarySet.Default)
        .Use(new CodingStage(DictionarySet.Default)).Build();

    /// <summary>Runs <paramref name="text"/> as the body of an article published on <paramref name="date"/>.</summary>
    public static Document Run(Pipeline.Pipeline pipeline, string text, string date) => pipeline.Run(new Article
    {
        Id = "t", CaptureId = "t", Source = "test", Body = text,
        Published = new DateTimeOffset(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    }, new Diagnostics());

    /// <summary>The coded events as (source code, target code, CAMEO code).</summary>
    public static List<(string Source, string Target, string Cameo)> Code(Pipeline.Pipeline pipeline, string text, string date) =>
        Run(pipeline, text, date).Events.Select(e => (e.Source.Code, e.Target.Code, e.Cameo)).ToList();
}
