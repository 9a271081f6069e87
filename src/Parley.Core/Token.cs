namespace Parley;

/// <summary>What a token looks like on the surface.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, possibly with inner hyphens, apostrophes or dots ("Kang", "U.S.", "Jae-in").</summary>
    Word,
    /// <summary>Digits, possibly with separators ("2018", "1,000", "16:56").</summary>
    Number,
    /// <summary>Anything else (",", "\"", "(").</summary>
    Punct,
}

/// <summary>A token of a sentence.</summary>
/// <param name="Span">Where it stands in the body.</param>
/// <param name="Kind">Surface class.</param>
/// <param name="Lower">The lower-cased text (a shared string for frequent words).</param>
public readonly record struct Token(TextSpan Span, TokenKind Kind, string Lower)
{
    /// <summary>True when the first character is an upper-case letter.</summary>
    public bool IsCapitalized(string text) => char.IsUpper(text[Span.Start]);
}
