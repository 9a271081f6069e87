namespace Parley;

/// <summary>A sentence of an article body, as a span into <see cref="Article.Body"/>.</summary>
/// <param name="Index">Position among the article's sentences.</param>
/// <param name="Span">Where it stands in the body.</param>
/// <param name="Paragraph">Index of the paragraph that holds it.</param>
public readonly record struct Sentence(int Index, TextSpan Span, int Paragraph);
