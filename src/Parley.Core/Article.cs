using System.Collections.Immutable;

namespace Parley;

/// <summary>
/// A news article extracted from a capture: metadata as the page printed it, and a body
/// that holds the story only (no menus, related links, captions or footers).
/// </summary>
public sealed record Article
{
    /// <summary>Stable id: the capture id and the article's index within it ("3f2a…-0").</summary>
    public required string Id { get; init; }
    /// <summary>The capture this article came from.</summary>
    public required string CaptureId { get; init; }
    /// <summary>Position of this article in its capture (a capture can hold several).</summary>
    public int Index { get; init; }
    /// <summary>The capture's source (file path or record locator).</summary>
    public string Source { get; init; } = "";
    /// <summary>Canonical or captured URL, when known.</summary>
    public string? Url { get; init; }
    /// <summary>The headline, with wire prefixes like "(LEAD)" kept.</summary>
    public string? Headline { get; init; }
    /// <summary>Author names, without "By".</summary>
    public ImmutableArray<string> Bylines { get; init; } = [];
    /// <summary>The publishing outlet ("The Korea Times", "Yonhap", "Reuters").</summary>
    public string? Outlet { get; init; }
    /// <summary>Publication time as printed on the page ("2018-03-17 00:01").</summary>
    public string? PublishedText { get; init; }
    /// <summary>Publication time parsed, with the offset when the page gives or implies one.</summary>
    public DateTimeOffset? Published { get; init; }
    /// <summary>Update time as printed.</summary>
    public string? UpdatedText { get; init; }
    /// <summary>Update time parsed.</summary>
    public DateTimeOffset? Updated { get; init; }
    /// <summary>The dateline ("SEOUL/WASHINGTON, March 7 (Yonhap)").</summary>
    public string? Dateline { get; init; }
    /// <summary>The page's section ("Diplomacy").</summary>
    public string? Section { get; init; }
    /// <summary>ISO 639-1 language code of the body.</summary>
    public string Language { get; init; } = "en";
    /// <summary>The story text: paragraphs separated by a blank line.</summary>
    public required string Body { get; init; }
    /// <summary>Photo captions, kept apart from the body, each once.</summary>
    public ImmutableArray<string> Captions { get; init; } = [];
    /// <summary>Which extraction path produced the article (for diagnostics and evaluation).</summary>
    public string Method { get; init; } = "";
    /// <summary>Best available date to resolve relative dates against.</summary>
    public DateOnly? ReferenceDate => Published is { } p ? DateOnly.FromDateTime(p.DateTime) : null;
}
