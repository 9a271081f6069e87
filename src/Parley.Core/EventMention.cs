namespace Parley;

/// <summary>
/// One report of an event: a coded source–action–target triple found in one sentence of one
/// article, with the evidence that supports it.
/// </summary>
public sealed record EventMention
{
    /// <summary>The article the sentence belongs to.</summary>
    public required string ArticleId { get; init; }
    /// <summary>Index of the sentence in the article.</summary>
    public int SentenceIndex { get; init; }
    /// <summary>The sentence, as a span into the article body.</summary>
    public TextSpan Sentence { get; init; }
    /// <summary>The words that carry the event ("talked ... over the phone"), a span into the body.</summary>
    public TextSpan Evidence { get; init; }
    /// <summary>Who acted.</summary>
    public required ActorRef Source { get; init; }
    /// <summary>Who was acted upon.</summary>
    public required ActorRef Target { get; init; }
    /// <summary>CAMEO event code ("041").</summary>
    public required string Cameo { get; init; }
    /// <summary>When it happened; null when neither the text nor the page gives a day.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>How <see cref="Date"/> was found (see <see cref="DateBases"/>).</summary>
    public string DateBasis { get; init; } = DateBases.Publication;
    /// <summary>Where it happened, when stated ("Washington").</summary>
    public string? Location { get; init; }
    /// <summary>Whether it is said to have happened.</summary>
    public Modality Modality { get; init; }
    /// <summary>Who is quoted as reporting it ("Cheong Wa Dae"), kept apart from the actors.</summary>
    public string? Attribution { get; init; }
    /// <summary>Confidence in [0, 1] that the coding is right.</summary>
    public double Confidence { get; init; }
}
