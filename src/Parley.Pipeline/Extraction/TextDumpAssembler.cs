namespace Parley.Pipeline.Extraction;

/// <summary>
/// Walks the classified lines of one text dump and assembles articles. One instance per dump:
/// it holds the walk's state.
/// </summary>
/// <remarks>
/// Three states: <c>Preamble</c> (before a body: short lines wait as headline candidates, metadata
/// lines fill in the article), <c>Body</c> (paragraphs), <c>Footer</c> (after a footer, menu or
/// list: everything is skipped until something opens a new article). What opens an article: a
/// metadata line (Posted, a dated byline, a wire header, a byline outside a body), "3 Min Read" (after a body;
/// before one it joins the metadata above it),
/// a dateline paragraph once the current article has a body, and running text in the preamble.
/// The headline is the last short line before the article opened, or a site-description line
/// ("Headline koreatimes.co.kr - get the latest ...") met after the body.
/// </remarks>
internal sealed class TextDumpAssembler
{
    /// <summary>Longest section name, in words ("Labor &amp; Environment").</summary>
    private const int MaxSectionWords = 4;

    private readonly List<ArticleDraft> _done = [];
    private readonly List<DumpLine> _pending = [];
    private readonly List<string> _pendingCaptions = [];
    private readonly HashSet<string> _menuItems = new(StringComparer.OrdinalIgnoreCase);
    private ArticleDraft? _current;
    private State _state = State.Preamble;
    private string? _pageOutlet;
    private int _clockLine = -1;

    private enum State
    {
        Preamble,
        Body,
        Footer,
    }

    /// <summary>Assembles the articles of <paramref name="lines"/>.</summary>
    public List<ArticleDraft> Run(DumpLine[] lines)
    {
        foreach (var line in lines)
        {
            Step(line);
        }

        Close();
        return _done;
    }

    private void Step(DumpLine line)
    {
        switch (line.Kind)
        {
            case DumpLineKind.Bullet:
                _menuItems.Add(line.Value ?? line.Text);
                EndOfBlock();
                break;
            case DumpLineKind.MenuWord:
                EndOfBlock();
                break;
            case DumpLineKind.Clock:
                _pending.Clear();
                _clockLine = line.Index;
                break;
            case DumpLineKind.SiteSignature:
                Close();
                _pageOutlet = line.Value;
                _pending.Clear();
                _state = State.Preamble;
                break;
            case DumpLineKind.Posted:
                var posted = Metadata(newArticle: true);
                posted.PublishedText ??= line.Value;
                posted.UpdatedText ??= line.Extra;
                break;
            case DumpLineKind.Updated:
                Metadata(newArticle: false).UpdatedText ??= line.Value;
                break;
            case DumpLineKind.DateByline:
                var dated = Metadata(newArticle: true);
                dated.PublishedText ??= line.Value;
                AddByline(dated, line.Extra!);
                break;
            case DumpLineKind.WireHeader:
                var wire = Metadata(newArticle: true);
                wire.PublishedText ??= line.Value;
                wire.LayoutOutlet ??= "Yonhap";
                break;
            case DumpLineKind.Byline:
                if (_state != State.Body)
                {
                    AddByline(Metadata(newArticle: false), line.Text["By".Length..]);
                }

                break;
            case DumpLineKind.ReadTime:
                ReadTime();
                break;
            case DumpLineKind.SiteHeadline:
                SiteHeadline(line);
                break;
            case DumpLineKind.Footer:
                Close();
                _pending.Clear();
                _state = State.Footer;
                break;
            case DumpLineKind.Teaser:
                if (_state == State.Body)
                {
                    Paragraph(line.Text);
                }
                else
                {
                    _pending.Clear();
                }

                break;
            case DumpLineKind.Caption:
                if (_current is not null)
                {
                    _current.AddCaption(line.Text);
                }
                else if (!_pendingCaptions.Contains(line.Text))
                {
                    _pendingCaptions.Add(line.Text);
                }

                break;
            case DumpLineKind.Dateline:
                Dateline(line);
                break;
            case DumpLineKind.Prose:
                Prose(line);
                break;
            case DumpLineKind.Title:
                _pending.Add(line);
                break;
        }
    }

    /// <summary>A list or menu ends the body it follows and drops the short lines before it.</summary>
    private void EndOfBlock()
    {
        if (_state == State.Body)
        {
            Close();
            _state = State.Footer;
        }

        _pending.Clear();
    }

    /// <summary>The article a metadata line belongs to; one that already has a body is finished first.</summary>
    private ArticleDraft Metadata(bool newArticle)
    {
        if (newArticle && _current is { HasBody: true })
        {
            Close();
        }

        if (_current is null)
        {
            _current = StartNew();
        }
        else if (_current.Headline is null && !_current.HasBody && _pending.Count > 0)
        {
            TakeHeadline(_current);
        }

        if (_state == State.Footer)
        {
            _state = State.Preamble;
        }

        return _current;
    }

    /// <summary>
    /// "3 Min Read" opens a new article after a body; before any body it follows the article's own date, headline and
    /// byline ("NOVEMBER 9, 2023 / 4:05 AM", headline, "By ...", "3 Min Read"), which stay with the article it opens.
    /// The headline is then the last short line waiting before it, not one met before the date (a section label).
    /// </summary>
    private void ReadTime()
    {
        if (_current is { HasBody: false } opened)
        {
            if (_pending.Count > 0)
            {
                var label = opened.Headline;
                opened.Headline = null;
                TakeHeadline(opened);
                if (label is not null && TextLines.WordCount(label) <= MaxSectionWords)
                {
                    opened.Section ??= label;
                }
            }
        }
        else
        {
            Close();
            _current = StartNew();
        }

        _state = State.Preamble;
    }

    private void SiteHeadline(DumpLine line)
    {
        var outlet = Outlets.FromHost(line.Extra);
        if (_current is { HasBody: true })
        {
            _current.Headline ??= line.Value;
            _current.SiteOutlet ??= outlet;
            Close();
            _pending.Clear();
            _state = State.Footer;
            return;
        }

        var draft = Metadata(newArticle: false);
        draft.Headline ??= line.Value;
        draft.SiteOutlet ??= outlet;
    }

    private void Dateline(DumpLine line)
    {
        var dateline = DatelineParser.Parse(line.Text)!;
        if (_current is not null && (_current.HasBody || _current.Dateline is not null))
        {
            Close();
        }

        var draft = Metadata(newArticle: false);
        draft.Dateline = dateline;
        _pending.Clear();
        _state = State.Body;
        Paragraph(dateline.Rest);
    }

    private void Prose(DumpLine line)
    {
        if (_state == State.Footer)
        {
            _pending.Clear();
            return;
        }

        if (_current is null)
        {
            _current = StartNew();
        }
        else if (_state == State.Body)
        {
            // Short lines between paragraphs are subheadings of this story.
            foreach (var sub in _pending)
            {
                Paragraph(sub.Text);
            }
        }
        else if (_current.Headline is null && !_current.HasBody && _pending.Count > 0)
        {
            TakeHeadline(_current);
        }

        _pending.Clear();
        _state = State.Body;
        Paragraph(line.Text);
    }

    private void Paragraph(string text)
    {
        if (_current is null || text.Length == 0 || text == _current.Headline)
        {
            return;
        }

        _current.Paragraphs.Add(text);
    }

    private ArticleDraft StartNew()
    {
        var draft = new ArticleDraft { SiteOutlet = _pageOutlet };
        TakeHeadline(draft);
        foreach (var caption in _pendingCaptions)
        {
            draft.AddCaption(caption);
        }

        _pendingCaptions.Clear();
        return draft;
    }

    /// <summary>The last waiting short line is the headline; the one before it, when it names a section, the section.</summary>
    private void TakeHeadline(ArticleDraft draft)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        draft.Headline ??= _pending[^1].Text;
        if (_pending.Count >= 2)
        {
            var section = _pending[^2];
            var afterClock = _clockLine >= 0 && section.Index > _clockLine && _pending[0].Index == section.Index;
            if (TextLines.WordCount(section.Text) <= MaxSectionWords && (_menuItems.Contains(section.Text) || afterClock))
            {
                draft.Section ??= section.Text;
            }
        }

        _pending.Clear();
    }

    private static void AddByline(ArticleDraft draft, string names)
    {
        if (!BylineParser.TryParseNames(names, out var people, out var outlet))
        {
            return;
        }

        draft.AddBylines(people);
        draft.BylineOutlet ??= outlet;
    }

    private void Close()
    {
        if (_current is { HasBody: true })
        {
            _done.Add(_current);
        }

        _current = null;
    }
}
