using System.Data.Common;
using System.Diagnostics;
using Parley.Pipeline.Consolidation;

namespace Parley.Storage;

public abstract partial class RelationalEventStore
{
    /// <summary>
    /// The reads a story lookup makes (the band index, and the signature and story of a candidate),
    /// prepared on one connection: the batch's own, or a second one beside the writer.
    /// </summary>
    private protected sealed class StoryReads : IDisposable
    {
        // A band's first MaxBandRows articles in id order, as the i-th table of a query.
        private static string BandTable(string band, int i) =>
            $"(SELECT article_id FROM article_bands WHERE band={band} ORDER BY article_id LIMIT {StoryGroups.MaxBandRows}) AS b{i}";

        /// <summary>
        /// The ranked candidates, for a store that buffers no bands. The band index alone (a covering
        /// primary key): no article row is read to find candidates. At most MaxBandRows rows of each
        /// band are read, and the candidates sharing the most bands with the article are compared
        /// first: a true reprint shares many of its story-specific (rare) bands, an article that
        /// merely quotes a stock phrase shares one common band, so however common a band grows the
        /// reprint stays among the candidates compared.
        /// </summary>
        public static readonly string FindStoriesSql = $"""
            SELECT article_id FROM ({string.Join(" UNION ALL ", BatchStatements.BandParams.Select((b, i) => $"SELECT article_id FROM {BandTable(b, i)}"))}) AS c
            GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT {StoryGroups.MaxCandidates}
            """;

        // The stored rows of each band, tagged with the band's position, for a store that also buffers bands.
        private static readonly string BandRowsSql = string.Join(" UNION ALL ", BatchStatements.BandParams.Select((b, i) =>
            $"SELECT {i} AS i, article_id FROM {BandTable(b, i)}"));

        private StoryReads(Statement? findStories, Statement bandRows, Statement signature, Statement storyOf, IDisposable? scope)
        {
            FindStories = findStories;
            BandRows = bandRows;
            Signature = signature;
            StoryOf = storyOf;
            _scope = scope;
        }

        private readonly IDisposable? _scope;

        /// <summary>The ranked candidates of a store that buffers no bands (<see cref="FindStoriesSql"/>); null on a store that does.</summary>
        public Statement? FindStories { get; }

        /// <summary>The stored rows of each band, for a store that buffers bands.</summary>
        public Statement BandRows { get; }

        /// <summary>The signature of an article.</summary>
        public Statement Signature { get; }

        /// <summary>The story of an article.</summary>
        public Statement StoryOf { get; }

        /// <summary>
        /// Prepares the reads with <paramref name="prepare"/> (SQL and parameter names to a statement);
        /// <paramref name="scope"/> (a read transaction) ends with them.
        /// </summary>
        public static StoryReads Prepare(Func<string, string[], Statement> prepare, Statement? findStories, IDisposable? scope = null) =>
            new(findStories, prepare(BandRowsSql, BatchStatements.BandParams),
                prepare("SELECT minhash FROM articles WHERE id=@id", ["@id"]), prepare("SELECT story_id FROM articles WHERE id=@id", ["@id"]), scope);

        /// <summary>The stored story of <paramref name="articleId"/>, else null.</summary>
        public string? StoryOfArticle(string articleId) => StoryOf.Set("@id", articleId).Scalar() as string;

        public void Dispose()
        {
            FindStories?.Dispose();
            BandRows.Dispose();
            Signature.Dispose();
            StoryOf.Dispose();
            _scope?.Dispose();
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
    private bool IsFresh(BatchStatements w, IReadOnlyList<ProcessedCapture> batch)
    {
        var ids = new HashSet<string>(batch.Count, StringComparer.Ordinal);
        foreach (var pc in batch)
        {
            if (!ids.Add(pc.Capture.Id) || HasStoredArticles(w, pc.Capture.Id)) return false;
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
                store.Remember(id, sig);
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
            string? story = _stories.TryGetValue(articleId, out var set) ? set : reads.StoryOfArticle(articleId);
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
