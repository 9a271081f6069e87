using System.Data.Common;
using System.Diagnostics;
using Parley.Pipeline.Consolidation;

namespace Parley.Storage;

public abstract partial class RelationalEventStore
{
    /// <summary>The reads a story lookup makes: the band index, and the signature and story of a candidate.</summary>
    /// <param name="FindStories">The ranked candidates of a store that buffers no bands.</param>
    /// <param name="BandRows">The stored rows of each band, for a store that buffers bands.</param>
    /// <param name="Signature">The signature of an article.</param>
    /// <param name="StoryOf">The story of an article.</param>
    /// <param name="Scope">What ends with the reads (a read transaction beside the writer), if anything.</param>
    private protected sealed record StoryReads(Statement? FindStories, Statement BandRows, Statement Signature, Statement StoryOf, IDisposable? Scope = null) : IDisposable
    {
        /// <summary>Ends the reads of a second connection; the batch's own statements are the batch's to dispose.</summary>
        public void Dispose()
        {
            if (Scope is null) return;
            BandRows.Dispose();
            Signature.Dispose();
            StoryOf.Dispose();
            Scope.Dispose();
        }
    }

    /// <summary>
    /// Reads of the last commit on a second connection, for the story lookups of a batch run beside
    /// the writer (<see cref="BesideStories"/>); null when the store has none. Called in the batch's
    /// transaction, after it has taken the write lock, so that no other writer commits in between.
    /// </summary>
    private protected virtual StoryReads? BeginBesideReads() => null;

    // True when no capture of the batch has articles stored (nothing to replace) and none is in it twice:
    // then the batch's stories may be looked up beside the writer, against the last commit.
    private static bool IsFresh(BatchStatements w, IReadOnlyList<ProcessedCapture> batch)
    {
        var ids = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        foreach (var pc in batch)
        {
            if (!ids.Add(pc.Capture.Id)) return false;
            w.HasArticles.Set("@c", pc.Capture.Id);
            if (w.HasArticles.Command.ExecuteScalar() is not null) return false;
        }
        return true;
    }

    // The batch's articles that have a story signature, in the order the writer stores them.
    private static List<(string Id, string Own, ulong[] Sig, long[] Bands)> StoryArticles(IReadOnlyList<ProcessedCapture> batch)
    {
        var list = new List<(string, string, ulong[], long[])>();
        foreach (var pc in batch)
        {
            var rows = pc.Rows ?? CaptureRows.Of(pc);
            for (int i = 0; i < pc.Articles.Count; i++)
                if (rows.Articles[i].Signature is { } sig) list.Add((pc.Articles[i].Id, rows.Articles[i].OwnStory, sig, rows.Articles[i].Bands!));
        }
        return list;
    }

    /// <summary>
    /// The story lookups of one batch, made on a second thread and a second connection while the
    /// writer stores the batch's articles and mentions and re-clusters its events (which need no
    /// story): at 100,000 captures the lookups were a third of the writer's time, and the writer is
    /// the one part of an ingest that more cores do not share.
    /// </summary>
    /// <remarks>
    /// <para>The lookups give the stories the writer would have given, article by article in the
    /// same order. They read the last commit, which is what the batch's transaction saw before it
    /// wrote anything: the batch replaces no stored article (<see cref="IsFresh"/>) and the band index
    /// is written only after the lookups end. What the batch itself changes they keep here: the
    /// signature and story of each of its articles, and each story renamed into another, so a
    /// stored article's story is read from the commit and then followed through the renames.</para>
    /// <para>The stories set are written by the writer afterwards, in the order it would have written
    /// them (<see cref="Apply"/>): the same statements, so the same rows.</para>
    /// </remarks>
    private sealed class BesideStories(RelationalEventStore store, BandBuffer buffer)
    {
        private readonly Dictionary<string, ulong[]> _signatures = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _stories = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);
        private readonly List<(string Old, string New, bool Rename)> _writes = [];

        /// <summary>Time the lookups took on their thread.</summary>
        public TimeSpan Elapsed { get; private set; }

        /// <summary>Looks up the stories of <paramref name="articles"/> in order, and buffers their bands.</summary>
        public void Run(StoryReads reads, List<(string Id, string Own, ulong[] Sig, long[] Bands)> articles)
        {
            long start = Stopwatch.GetTimestamp();
            foreach (var (id, own, sig, bands) in articles)
            {
                var labels = store.StoryLabels(reads, own, sig, bands, this);
                buffer.Add(id, bands);
                store._signatures.Add(id, sig);
                _signatures[id] = sig;
                string joined = labels.Min!;
                foreach (var label in labels)
                    if (label != joined)
                    {
                        _writes.Add((label, joined, true));
                        _renamed[label] = joined;
                    }
                if (joined != own) _writes.Add((id, joined, false));
                _stories[id] = joined;
            }
            Elapsed = Stopwatch.GetElapsedTime(start);
        }

        /// <summary>The signature of an article of this batch, else null.</summary>
        public ulong[]? SignatureOf(string articleId) => _signatures.GetValueOrDefault(articleId);

        /// <summary>The story an article has now: set by this batch, or read from the commit, then followed through this batch's renames.</summary>
        public string? StoryOf(StoryReads reads, string articleId)
        {
            string? story = _stories.TryGetValue(articleId, out var set) ? set : reads.StoryOf.Set("@id", articleId).Command.ExecuteScalar() as string;
            while (story is not null && _renamed.TryGetValue(story, out var next)) story = next;
            return story;
        }

        /// <summary>Writes the stories set, in the batch's transaction, in the order they were set.</summary>
        public void Apply(BatchStatements w)
        {
            foreach (var (old, story, rename) in _writes)
                if (rename) w.Relabel.Set("@new", story).Set("@old", old).Run();
                else w.SetStory.Set("@story", story).Set("@id", old).Run();
        }
    }
}
