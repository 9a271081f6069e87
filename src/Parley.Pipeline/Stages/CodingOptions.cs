namespace Parley.Pipeline.Stages;

/// <summary>Settings of the <see cref="CodingStage"/>.</summary>
public sealed record CodingOptions
{
    /// <summary>The defaults: an event needs both a source and a target.</summary>
    public static CodingOptions Default { get; } = new();

    /// <summary>
    /// When true, an event whose pattern finds a source but no target is still coded, with an
    /// empty target (code ""). PLOVER allows such events (a protest, a mobilisation, a refusal
    /// with no named party); the store keeps only dyadic events, so ingest leaves this off and
    /// the PLOVER evaluation turns it on. Before an event is coded without a target, the rest of
    /// its clause is searched for one ("promised to continue military aid to war-torn
    /// Mozambique", "demonstrated in Serbia").
    /// </summary>
    public bool AllowMissingTarget { get; init; }

    /// <summary>
    /// When true, an actor known only by its sector ("rebels", "President Ahmed Ben Bella" with
    /// no country known) may be a party to an event. Off by default: the store keeps events
    /// between country or organisation actors; the PLOVER evaluation, which scores event types,
    /// turns it on.
    /// </summary>
    public bool AllowSectorOnlyActors { get; init; }
}
