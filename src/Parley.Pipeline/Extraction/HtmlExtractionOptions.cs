namespace Parley.Pipeline.Extraction;

/// <summary>Thresholds of the <see cref="HtmlExtractor"/> cascade, kept apart so that a benchmark can tune them.</summary>
public sealed record HtmlExtractionOptions
{
    /// <summary>The default options.</summary>
    public static HtmlExtractionOptions Default { get; } = new();

    /// <summary>
    /// Fewest body characters for a cascade step to win; a shorter result falls through to the
    /// next step. 250 characters is two short news paragraphs.
    /// </summary>
    public int MinBodyChars { get; init; } = 250;

    /// <summary>Shortest block of text kept as a paragraph, unless it ends like a sentence.</summary>
    public int MinParagraphChars { get; init; } = 30;

    /// <summary>
    /// Shortest block kept inside an element chosen as the story (list items, table rows and one-line
    /// paragraphs there belong to it); <see cref="MinParagraphChars"/> applies to the whole-page fallback.
    /// </summary>
    public int MinStoryLineChars { get; init; } = 2;

    /// <summary>A block whose link text is more than this share of its text is navigation, not body.</summary>
    public double MaxLinkDensity { get; init; } = 0.5;

    /// <summary>
    /// JSON-LD <c>articleBody</c> wins over a DOM body when the DOM body is shorter than this
    /// share of it (the DOM path then missed part of the story).
    /// </summary>
    public double JsonLdPreferenceRatio { get; init; } = 0.6;

    /// <summary>Deepest element nesting walked; deeper content is flattened and PAR203 reported.</summary>
    public int MaxDepth { get; init; } = 256;
}
