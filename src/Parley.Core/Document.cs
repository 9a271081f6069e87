using System.Collections.Immutable;

namespace Parley;

/// <summary>Which layers of analysis a <see cref="Document"/> carries.</summary>
[Flags]
public enum Layer
{
    /// <summary>Nothing beyond the article.</summary>
    None = 0,
    /// <summary>Sentences and their tokens.</summary>
    Sentences = 1,
    /// <summary>Actor mentions.</summary>
    Actors = 2,
    /// <summary>Resolved temporal expressions.</summary>
    Times = 4,
    /// <summary>Coded event mentions.</summary>
    Events = 8,
}

/// <summary>
/// An article and what the stages found in it. Immutable: each stage returns a copy
/// (<c>doc with { ... }</c>) with its layer filled in.
/// </summary>
public sealed record Document(Article Article)
{
    /// <summary>The body text every span points into.</summary>
    public string Text => Article.Body;
    /// <summary>Layers present.</summary>
    public Layer Layers { get; init; }
    /// <summary>Sentences in order.</summary>
    public ImmutableArray<Sentence> Sentences { get; init; } = [];
    /// <summary>Tokens of the whole body in order; <see cref="SentenceTokenStarts"/> indexes them.</summary>
    public ImmutableArray<Token> Tokens { get; init; } = [];
    /// <summary>For sentence i, the index of its first token; one extra entry at the end.</summary>
    public ImmutableArray<int> SentenceTokenStarts { get; init; } = [];
    /// <summary>Actor mentions in text order.</summary>
    public ImmutableArray<ActorMention> Actors { get; init; } = [];
    /// <summary>Temporal expressions in text order.</summary>
    public ImmutableArray<TimeExpression> Times { get; init; } = [];
    /// <summary>Coded event mentions.</summary>
    public ImmutableArray<EventMention> Events { get; init; } = [];

    /// <summary>The tokens of sentence <paramref name="sentence"/>.</summary>
    public ReadOnlySpan<Token> TokensOf(int sentence) =>
        Tokens.AsSpan()[SentenceTokenStarts[sentence]..SentenceTokenStarts[sentence + 1]];
}
