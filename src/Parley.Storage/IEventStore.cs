namespace Parley.Storage;

/// <summary>
/// Where captures, articles and events live. Writes are idempotent: storing the same capture
/// again changes nothing, and event ids derive from the event's key, so re-ingest keeps them.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>True when a capture with this id is stored and was processed.</summary>
    bool IsProcessed(string captureId);

    /// <summary>Stores the raw capture before any stage runs; false when it was already stored.</summary>
    bool AddCapture(Capture capture);

    /// <summary>
    /// Stores raw captures before any stage runs, in one transaction where the store has them
    /// (a commit per capture costs more than storing it); returns how many were new.
    /// </summary>
    int AddCaptures(IReadOnlyList<Capture> captures)
    {
        ArgumentNullException.ThrowIfNull(captures);
        int added = 0;
        foreach (var c in captures)
            if (AddCapture(c)) added++;
        return added;
    }

    /// <summary>Writes a batch of processed captures (articles, mentions, events) in one transaction.</summary>
    /// <remarks>
    /// <paramref name="inputRead"/>: the caller has read all of its input, so only the captures already
    /// in flight follow. A store may then put off upkeep that only keeps later batches cheap (SQLite:
    /// writing its buffered story bands to their index) for a later batch or a later run; the articles,
    /// events and stories it stores are the same either way.
    /// </remarks>
    void SaveBatch(IReadOnlyList<ProcessedCapture> batch, bool inputRead = false);

    /// <summary>Captures stored but not processed (or failed), for a resumed or repeated run.</summary>
    IEnumerable<Capture> PendingCaptures();

    /// <summary>
    /// Returns once the work a store does in the background after each batch (SQLite: its
    /// full-text index) has caught up with every committed batch; nothing to wait for by default.
    /// </summary>
    void Settle()
    {
    }

    /// <summary>Events matching <paramref name="query"/>, newest first, with their mentions.</summary>
    IReadOnlyList<Event> QueryEvents(EventQuery query);

    /// <summary>
    /// Every event matching <paramref name="query"/> (its offset and limit ignored), newest
    /// first, read page by page so that memory stays flat whatever the store holds.
    /// </summary>
    IEnumerable<Event> EnumerateEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Pages(this, query);

        static IEnumerable<Event> Pages(IEventStore store, EventQuery query)
        {
            const int page = 500;
            for (int offset = 0; ; offset += page)
            {
                var events = store.QueryEvents(query with { Offset = offset, Limit = page });
                foreach (var e in events) yield return e;
                if (events.Count < page) yield break;
            }
        }
    }

    /// <summary>One event with all its mentions, or null.</summary>
    Event? GetEvent(string id);

    /// <summary>One article, or null.</summary>
    Article? GetArticle(string id);

    /// <summary>What the store holds.</summary>
    StoreCounts Counts();
}
