using System.Collections.Immutable;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Stages;

namespace Parley.Pipeline;

/// <summary>Assembles a <see cref="Pipeline"/>, checking that each stage's inputs are provided.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    /// <summary>Appends a stage.</summary>
    public PipelineBuilder Use(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <summary>Sentences and tokens.</summary>
    public PipelineBuilder UseSentences() => Use(new SentenceStage());

    /// <summary>Temporal expressions.</summary>
    public PipelineBuilder UseTimes() => Use(new TimeStage());

    /// <summary>Actor mentions from <paramref name="dictionaries"/>.</summary>
    public PipelineBuilder UseActors(DictionarySet dictionaries) => Use(new ActorStage(dictionaries));

    /// <summary>Event coding with <paramref name="dictionaries"/>.</summary>
    public PipelineBuilder UseCoding(DictionarySet dictionaries) => Use(new CodingStage(dictionaries));

    /// <summary>The standard pipeline: sentences, times, actors, coding.</summary>
    public static Pipeline Default(DictionarySet dictionaries) =>
        new PipelineBuilder().UseSentences().UseTimes().UseActors(dictionaries).UseCoding(dictionaries).Build();

    /// <summary>Builds the pipeline; throws when a stage requires a layer no earlier stage provides.</summary>
    public Pipeline Build()
    {
        var have = Layer.None;
        foreach (var s in _stages)
        {
            if ((s.Requires & ~have) != 0)
                throw new InvalidOperationException(
                    $"PAR901: stage '{s.Name}' requires {s.Requires & ~have}, which no earlier stage provides; add that stage before it.");
            have |= s.Provides;
        }
        return new Pipeline(_stages.ToImmutableArray());
    }
}
