namespace Parley.Storage;

/// <summary>
/// Read-only analysis over stored events: series, networks, timelines and article search. Each
/// takes the same <see cref="EventQuery"/> filters as <see cref="IEventStore.QueryEvents"/>
/// (its <see cref="EventQuery.Limit"/> and <see cref="EventQuery.Offset"/> page only the
/// timeline), so every panel of an analyst's view shows one selection.
/// </summary>
public interface IEventAnalysis
{
    /// <summary>Events matching <paramref name="filter"/> in all, ignoring its paging.</summary>
    long CountEvents(EventQuery filter);

    /// <summary>
    /// The events matching <paramref name="filter"/> (for a dyad: <see cref="EventQuery.Dyad"/>)
    /// counted per <paramref name="bucket"/> by QuadClass, with Goldstein sum and mean and the
    /// count per 100 articles published in the bucket. Buckets run without gaps from the first
    /// dated event to the last, widened to the filter's From and To when given; undated events
    /// are left out; no matching event gives no buckets.
    /// </summary>
    IReadOnlyList<SeriesPoint> Series(EventQuery filter, SeriesBucket bucket);

    /// <summary>
    /// The directed network of the events matching <paramref name="filter"/>: an edge per
    /// (source, target) pair weighted by its event count and coloured by its mean Goldstein
    /// value; at most <paramref name="maxEdges"/> edges, heaviest first.
    /// </summary>
    ActorNetwork Network(EventQuery filter, NetworkLevel level, int maxEdges);

    /// <summary>The dated events matching <paramref name="filter"/> (an actor, a text query, ...), oldest first, paged by its limit and offset.</summary>
    IReadOnlyList<TimelineItem> Timeline(EventQuery filter);

    /// <summary>
    /// Articles whose headline or body contain every word of <paramref name="text"/>, best first.
    /// Each word is matched as a literal term, never as query syntax. SQLite (FTS5) matches the
    /// words themselves; PostgreSQL matches English word forms ("phone" finds "phones") and
    /// ignores stop words.
    /// </summary>
    ArticleSearch SearchArticles(string text, int limit, int offset);
}
