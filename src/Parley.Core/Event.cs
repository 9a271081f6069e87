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
    /// <summary>How many mentions (sentences) report it.</summary>
    public int NumMentions { get; init; }
    /// <summary>How many distinct articles report it.</summary>
    public int NumArticles { get; init; }
    /// <summary>How many distinct sources (site or outlet) report it.</summary>
    public int NumSources { get; init; }
    /// <summary>Publication time of the earliest article that reports it, when known.</summary>
    public DateTimeOffset? FirstSeen { get; init; }
    /// <summary>Publication time of the latest article that reports it, when known.</summary>
    public DateTimeOffset? LastSeen { get; init; }
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
    /// <summary>The evidence text (the span <see cref="Start"/>..<see cref="End"/> of the sentence), or "" when the span does not fit it.</summary>
    public string Evidence => Start >= 0 && Start <= End && End <= Sentence.Length ? Sentence[Start..End] : "";
    /// <summary>Who is quoted as the origin of the report.</summary>
    public string? Attribution { get; init; }
    /// <summary>The source the article counts for (its site, else its outlet).</summary>
    public string? SourceKey { get; init; }
    /// <summary>The story group of the article: wire copies, updated versions and reprints share it.</summary>
    public string? StoryId { get; init; }
    /// <summary>Index of the sentence in the article.</summary>
    public int SentenceIndex { get; init; }
    /// <summary>Offset of the sentence in the article body.</summary>
    public int SentenceOffset { get; init; }
    /// <summary>The CAMEO code this mention was coded with (the event's code may be more specific).</summary>
    public string? Cameo { get; init; }
    /// <summary>How this mention's date was found.</summary>
    public string? DateBasis { get; init; }
    /// <summary>Confidence in [0, 1] of this mention's coding.</summary>
    public double Confidence { get; init; }
}
