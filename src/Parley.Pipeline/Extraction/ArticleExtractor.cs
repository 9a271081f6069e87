using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// The extraction stage's entry point: decodes a capture (<see cref="TextDecoder"/>) and hands it
/// to <see cref="HtmlExtractor"/> or <see cref="TextDumpExtractor"/> by format. Stateless and
/// thread-safe: one instance can serve every capture of a run.
/// </summary>
public sealed partial class ArticleExtractor
{
    private readonly HtmlExtractor _html;
    private readonly TextDumpExtractor _text = new();

    /// <summary>Creates an extractor with <paramref name="options"/>, or the defaults.</summary>
    public ArticleExtractor(ExtractionOptions? options = null)
    {
        Options = options ?? ExtractionOptions.Default;
        _html = new HtmlExtractor(Options.Html);
    }

    /// <summary>The options in force.</summary>
    public ExtractionOptions Options { get; }

    /// <summary>Extracts the articles of <paramref name="capture"/>.</summary>
    /// <param name="capture">The capture.</param>
    /// <param name="diagnostics">Receives PAR201 when bytes could not be decoded, PAR202 when no article was found.</param>
    /// <returns>The articles in page order (a text dump can hold several); empty when none was found.</returns>
    public ImmutableArray<Article> Extract(Capture capture, Diagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(diagnostics);

        using var decoded = TextDecoder.DecodeChars(capture.Content, capture.Charset, capture.Format == CaptureFormat.Html);
        if (decoded.Replacements > 0)
        {
            diagnostics.Report(DiagnosticCodes.DecodingReplaced, Severity.Warning, capture.Source, 0,
                $"{decoded.Replacements} byte sequence(s) are not valid {decoded.Encoding.WebName} ({decoded.Basis}); " +
                "they were replaced with U+FFFD. Declare the right charset to read them.");
        }

        if (decoded.Basis == DecodingBasis.Utf8OverDeclared)
        {
            diagnostics.Report(DiagnosticCodes.WrongCharset, Severity.Warning, capture.Source, 0,
                $"The declared charset ('{capture.Charset ?? TextDecoder.FindMetaCharset(capture.Content)}') does not fit the bytes, which are valid UTF-8; they were read as UTF-8.");
        }

        var isHtml = capture.Format == CaptureFormat.Html
            || (Options.SniffHtmlInText && HtmlStart().IsMatch(decoded.Span[..Math.Min(decoded.Span.Length, 1024)]));
        return isHtml
            ? _html.Extract(capture, decoded.Span, diagnostics)
            : _text.Extract(capture, decoded.Span.ToString(), diagnostics);
    }

    /// <summary>The publication time of an HTML capture and where it was found (see <see cref="PublicationDateFinder"/>), or null when it gives none.</summary>
    public PublicationDate? PublicationDate(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        using var decoded = TextDecoder.DecodeChars(capture.Content, capture.Charset, capture.Format == CaptureFormat.Html);
        return _html.FindPublicationDate(capture, decoded.Span);
    }

    [GeneratedRegex(@"^\s*(?:<!--.*?-->\s*)*<(?:!DOCTYPE\s+html|html)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlStart();
}
