using System.Collections.Immutable;

namespace Parley;

/// <summary>A real-world event with every report of it.</summary>
public sealed record Event
{
    /// <summary>Stable id, derived from the event's key so re-ingest keeps it.</summary>
    public required string Id { get; init; }
    /// <summary>The day it happened.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>How the date was found (the most direct basis among the mentions).</summary>
    public required string DateBasis { get; init; }
    /// <summary>Who acted.</summary>
    public required ActorRef Source { get; init; }
    /// <summary>Who was acted upon.</summary>
    public required ActorRef Target { get; init; }
    /// <summary>The CAMEO code with its standard attributes.</summary>
    public required CameoCode Code { get; init; }
    /// <summary>Where it happened, when stated.</summary>
    public string? Location { get; init; }
    /// <summary>Whether it is said to have happened.</summary>
    public Modality Modality { get; init; }
    /// <summary>Confidence in [0, 1].</summary>
    public double Confidence { get; init; }
    /// <summary>The reports, with their evidence.</summary>
    public ImmutableArray<EventMentionView> Mentions { get; init; } = [];
}

/// <summary>A mention as shown with its event: the article's metadata and the evidence text.</summary>
public sealed record EventMentionView
{
    /// <summary>The article id.</summary>
    public required string ArticleId { get; init; }
    /// <summary>The article headline.</summary>
    public string? Headline { get; init; }
    /// <summary>The outlet.</summary>
    public string? Outlet { get; init; }
    /// <summary>The article's URL.</summary>
    public string? Url { get; init; }
    /// <summary>Publication time as an ISO string.</summary>
    public string? Published { get; init; }
    /// <summary>The sentence text.</summary>
    public required string Sentence { get; init; }
    /// <summary>Start of the evidence, relative to the sentence.</summary>
    public int Start { get; init; }
    /// <summary>End of the evidence (exclusive), relative to the sentence.</summary>
    public int End { get; init; }
    /// <summary>Who is quoted as the origin of the report.</summary>
    public string? Attribution { get; init; }
}
