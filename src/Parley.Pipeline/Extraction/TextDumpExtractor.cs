using System.Collections.Immutable;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Extracts articles from whole-page text dumps (what "select all, copy" gives): classifies each
/// line (<see cref="DumpLineKind"/>: menus, page clock, tools, bylines, captions, footers, datelines,
/// running text, short title lines), then assembles one or more articles from them.
/// </summary>
/// <remarks>
/// The outlet is, by strength of evidence: the site's own banner or description line ("The Korea
/// Times close", "... koreatimes.co.kr - get the latest ..."), the page layout (a Yonhap wire
/// header), an outlet named as the author ("By Yonhap", which becomes the outlet and not a
/// byline), then the dateline's agency ("(Reuters)"). A Korea Herald page that republishes Yonhap
/// and does not show its own name therefore gets "Yonhap".
/// </remarks>
public sealed class TextDumpExtractor
{
    /// <summary>The <see cref="Article.Method"/> of articles from this extractor.</summary>
    public const string Method = "text-dump";

    /// <summary>Extracts the articles of a text dump.</summary>
    /// <param name="capture">The capture the text came from (for ids, source and URL).</param>
    /// <param name="text">The decoded text.</param>
    /// <param name="diagnostics">Receives PAR202 when no article is found.</param>
    /// <returns>The articles in page order; empty when none was found.</returns>
    public ImmutableArray<Article> Extract(Capture capture, string text, Diagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var lines = DumpLineClassifier.Classify(text.Split('\n'));
        var drafts = new TextDumpAssembler().Run(lines);
        if (drafts.Count == 0)
        {
            diagnostics.Report(DiagnosticCodes.NoArticle, Severity.Warning, capture.Source, 0,
                "No article text was found in the text dump: no line reads as running text.");
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<Article>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            builder.Add(drafts[i].Build(capture, i, Method));
        }

        return builder.MoveToImmutable();
    }
}
