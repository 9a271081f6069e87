namespace Parley.Pipeline.Extraction;

/// <summary>Choices for <see cref="ArticleExtractor"/>.</summary>
public sealed record ExtractionOptions
{
    /// <summary>The default options.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>Thresholds of the HTML cascade.</summary>
    public HtmlExtractionOptions Html { get; init; } = HtmlExtractionOptions.Default;

    /// <summary>
    /// When true, a capture labelled as text whose content starts like an HTML document
    /// ("&lt;!DOCTYPE html", "&lt;html") is extracted as HTML.
    /// </summary>
    public bool SniffHtmlInText { get; init; } = true;
}
