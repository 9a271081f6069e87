namespace Parley.Pipeline.Extraction;

/// <summary>What a line of a whole-page text dump is.</summary>
internal enum DumpLineKind
{
    /// <summary>Empty or whitespace.</summary>
    Blank,
    /// <summary>A bulleted menu or link-list item ("  • Diplomacy").</summary>
    Bullet,
    /// <summary>An indented line repeating the bullet before it (image-list labels).</summary>
    BulletEcho,
    /// <summary>A menu heading or widget word ("National", "search close", "news").</summary>
    MenuWord,
    /// <summary>A page-tool label with no content ("Mail", "Print Preview", "Font Size Up", "Slideshow ( 4 images )").</summary>
    Tool,
    /// <summary>A site banner that starts a page ("The Korea Times close"); <see cref="DumpLine.Value"/> is the outlet.</summary>
    SiteSignature,
    /// <summary>The page's own clock ("Mon, March 8, 2021 | 07:09"): never a publication date.</summary>
    Clock,
    /// <summary>"Posted : 2018-03-17 00:01"; the value is the time as printed.</summary>
    Posted,
    /// <summary>"Updated : 2018-03-21 12:03"; the value is the time as printed.</summary>
    Updated,
    /// <summary>"By Kim Rahn".</summary>
    Byline,
    /// <summary>Korea Herald "March 30, 2019 - 18:46 By Yonhap": a date then a byline.</summary>
    DateByline,
    /// <summary>Yonhap "All News 16:00 March 07, 2019": a section label then the publication time.</summary>
    WireHeader,
    /// <summary>An editor's note "(ATTN: ...)" or "(END)".</summary>
    Note,
    /// <summary>E-mail widget labels ("From", "Send to").</summary>
    MailWidget,
    /// <summary>Reuters "3 Min Read", which opens a Reuters article.</summary>
    ReadTime,
    /// <summary>"Headline koreatimes.co.kr - get the latest ..." description line: a headline and the site.</summary>
    SiteHeadline,
    /// <summary>A footer line ("Email...", "Article List", "Most Viewed", "Copyright", "Send Feedback").</summary>
    Footer,
    /// <summary>A teaser cut short with an ellipsis.</summary>
    Teaser,
    /// <summary>A photo caption (ends with a photo credit, or is printed twice in a row).</summary>
    Caption,
    /// <summary>A paragraph that opens with a wire dateline.</summary>
    Dateline,
    /// <summary>A paragraph of running text.</summary>
    Prose,
    /// <summary>A short line that is not a sentence: a headline, a section name, a subheading.</summary>
    Title,
}
