using System.Collections.Immutable;

namespace Parley.Pipeline.Extraction;

/// <summary>An article being assembled by an extractor; <see cref="Build"/> makes the immutable record.</summary>
internal sealed class ArticleDraft
{
    /// <summary>The headline.</summary>
    public string? Headline { get; set; }

    /// <summary>The section.</summary>
    public string? Section { get; set; }

    /// <summary>Author names.</summary>
    public List<string> Bylines { get; } = [];

    /// <summary>The outlet named by the site itself (a banner, a site description, page metadata): the strongest evidence.</summary>
    public string? SiteOutlet { get; set; }

    /// <summary>The outlet implied by the page layout (a Yonhap wire header).</summary>
    public string? LayoutOutlet { get; set; }

    /// <summary>The outlet named as the author ("By Yonhap").</summary>
    public string? BylineOutlet { get; set; }

    /// <summary>The publication time as printed.</summary>
    public string? PublishedText { get; set; }

    /// <summary>A publication time already parsed with its own offset (ISO metadata), or null to parse <see cref="PublishedText"/>.</summary>
    public DateTimeOffset? Published { get; set; }

    /// <summary>The publication time of an HTML page with the cascade step that found it.</summary>
    public PublicationDate? PublishedFound { get; set; }

    /// <summary>The update time as printed.</summary>
    public string? UpdatedText { get; set; }

    /// <summary>An update time already parsed, or null to parse <see cref="UpdatedText"/>.</summary>
    public DateTimeOffset? Updated { get; set; }

    /// <summary>The dateline.</summary>
    public Dateline? Dateline { get; set; }

    /// <summary>The canonical URL, when the page names one.</summary>
    public string? Url { get; set; }

    /// <summary>The body language.</summary>
    public string? Language { get; set; }

    /// <summary>Body paragraphs, in order.</summary>
    public List<string> Paragraphs { get; } = [];

    /// <summary>Captions, each once, in order.</summary>
    public List<string> Captions { get; } = [];

    /// <summary>True once a body paragraph has been added.</summary>
    public bool HasBody => Paragraphs.Count > 0;

    /// <summary>Adds a caption unless it is already there.</summary>
    public void AddCaption(string caption)
    {
        if (!Captions.Contains(caption, StringComparer.Ordinal))
        {
            Captions.Add(caption);
        }
    }

    /// <summary>Adds author names unless already there.</summary>
    public void AddBylines(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!Bylines.Contains(name, StringComparer.Ordinal))
            {
                Bylines.Add(name);
            }
        }
    }

    /// <summary>
    /// The outlet, by strength of evidence: the site's own name, then the page layout, then an
    /// outlet named as author, then the dateline's agency.
    /// </summary>
    public string? Outlet => SiteOutlet ?? LayoutOutlet ?? BylineOutlet ?? Dateline?.Agency;

    /// <summary>Makes the article.</summary>
    public Article Build(Capture capture, int index, string method)
    {
        var outlet = Outlet;
        var offset = Outlets.DefaultOffset(outlet);
        return new Article
        {
            Id = $"{capture.Id}-{index}",
            CaptureId = capture.Id,
            Index = index,
            Source = capture.Source,
            Url = Url ?? capture.Url,
            Headline = Headline,
            Bylines = [.. Bylines],
            Outlet = outlet,
            PublishedText = PublishedText,
            Published = Published ?? PublishedDateParser.Parse(PublishedText, offset),
            UpdatedText = UpdatedText,
            Updated = Updated ?? PublishedDateParser.Parse(UpdatedText, offset),
            Dateline = Dateline?.Text,
            Section = Section,
            Language = Language ?? "en",
            Body = string.Join("\n\n", Paragraphs),
            Captions = [.. Captions],
            Method = method,
        };
    }
}
