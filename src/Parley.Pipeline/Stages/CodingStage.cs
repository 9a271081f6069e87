using System.Collections.Frozen;
using System.Collections.Immutable;
using Parley.Pipeline.Dictionaries;

namespace Parley.Pipeline.Stages;

/// <summary>
/// Codes events: finds verb and noun patterns, then the source (the clause's subject, a
/// coordinated pair, a possessor, or the speaker of a "said ... after talks with" clause) and
/// the target (the pattern's target slot), the modality (negated, hypothetical, intended),
/// the date (the sentence's own time expression, else the story's day, else the publication
/// day as a marked fallback), the place, and who is quoted as the origin of the report.
/// </summary>
public sealed partial class CodingStage : IStage
{
    private readonly DictionarySet _dict;
    private readonly CodingOptions _options;

    /// <summary>Creates the stage over <paramref name="dictionaries"/> with <paramref name="options"/> (defaults when null).</summary>
    public CodingStage(DictionarySet dictionaries, CodingOptions? options = null)
    {
        _dict = dictionaries;
        _options = options ?? CodingOptions.Default;
    }

    /// <inheritdoc/>
    public string Name => "coding";
    /// <inheritdoc/>
    public Layer Requires => Layer.Sentences | Layer.Times | Layer.Actors;
    /// <inheritdoc/>
    public Layer Provides => Layer.Events;

    private static readonly FrozenSet<string> ClauseWords = new[]
    {
        "that", "which", "who", "whom", "whose", "because", "if", "unless", "whether", "while", "when", "after",
        "before", "as", "but", "since", "although", "though", "where", "so", "whereas", "until",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Prepositions = new[]
    {
        "in", "at", "to", "with", "for", "from", "of", "on", "about", "toward", "towards", "over", "by", "against",
        "between", "among", "into", "through", "under", "via", "regarding", "amid", "despite", "without",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SpeechVerbs = new[]
    {
        "said", "says", "say", "told", "tells", "added", "stressed", "noted", "announced", "reported", "quoted",
        "stated", "explained", "claimed", "insisted", "confirmed", "according",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> HypotheticalWords = new[]
    {
        "would", "could", "might", "may", "should", "possibility", "possible", "possibly", "if", "unless", "whether",
        "likely", "unlikely", "perhaps", "maybe", "speculation", "rumors", "rumours", "hope", "hopes",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> IntentWords = new[]
    {
        "will", "shall", "plan", "plans", "planned", "planning", "intend", "intends", "expected", "scheduled", "slated",
        "set", "going", "seek", "seeks", "seeking", "upcoming", "to", "ahead", "propose", "proposed", "wants", "want",
        "pushing", "push", "arrange",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NegationWords = new[]
    {
        "not", "n't", "never", "no", "neither", "nor", "without", "refused", "refuses", "declined", "failed", "denied",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Document Run(Document doc, Diagnostics diagnostics, CancellationToken ct)
    {
        var events = ImmutableArray.CreateBuilder<EventMention>();
        var storyDay = TimeStage.StoryDay(doc.Times);
        int actorIndex = 0;
        var datedPairs = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            int firstActor = actorIndex;
            while (actorIndex < doc.Actors.Length && doc.Actors[actorIndex].Sentence == s) actorIndex++;
            if (actorIndex - firstActor < 1) continue;
            var ctx = new SentenceContext(doc, s, doc.Actors.AsSpan()[firstActor..actorIndex].ToArray(), storyDay, datedPairs);
            CodeSentence(ctx, events);
        }
        return doc with { Layers = doc.Layers | Layer.Events, Events = events.ToImmutable() };
    }
}
