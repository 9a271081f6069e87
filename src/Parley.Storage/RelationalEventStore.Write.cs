using System.Data.Common;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Parley.Pipeline.Consolidation;

namespace Parley.Storage;

public abstract partial class RelationalEventStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// <para>In one transaction: the captures' earlier articles and mentions (from a failed or
    /// repeated run) are replaced, each article joins its story group, the mentions are
    /// stored as they were coded, and then every event near them is recomputed from the
    /// stored mentions (<see cref="Consolidate"/>). The work is proportional to the batch and
    /// to the mentions that share its actors and days, never to the size of the store.</para>
    /// <para>With <paramref name="inputRead"/>, a full story-band buffer is not written to the band index
    /// (see <see cref="BandBuffer.BeforeCommit"/>): the last batches of a run are written while the
    /// workers have nothing left to do, so on several cores the run waits for them alone.</para>
    /// </remarks>
    public void SaveBatch(IReadOnlyList<ProcessedCapture> batch, bool inputRead = false)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Raw captures waiting to be stored go first. They hold the lock a few milliseconds, a batch
        // a hundred, and the workers have nothing to do until they are stored: without this the
        // writer, which releases the lock and takes it again at once, can keep the reader waiting
        // through several batches while the workers run dry.
        for (var spin = new SpinWait(); Volatile.Read(ref _capturesWaiting) > 0;) spin.SpinOnce();
        var given = batch;
        lock (_gate)
        {
            var p = Profile;
            long t = System.Diagnostics.Stopwatch.GetTimestamp();
            using var tx = Begin();
            var buffer = BufferedBands;
            BesideStories? beside = null;
            StoryReads? reads = null;
            Task? lookups = null;
            List<(long Band, string Id)>? flushed = null;
            try
            {
                buffer?.Begin(tx);
                if (SeeOthersWrites(tx) && !_groupSpansTooMany) _groupSpans ??= LoadGroupSpans(tx);
                batch = FenceBatch(tx, batch);
                var changes = new Changes();
                using var w = new BatchStatements(this, tx);
                t = p.Lap(WriteProfile.Fence, t);
                // A batch that replaces nothing looks its articles' stories up on a second thread while
                // this one writes the rest of the batch (see BesideStories).
                if (buffer is not null && IsFresh(w, batch) && BeginBesideReads() is { } besideReads)
                {
                    reads = besideReads;
                    beside = new BesideStories(this, buffer);
                    var articles = StoryArticles(batch);
                    lookups = Task.Factory.StartNew(() => beside.Run(besideReads, articles), CancellationToken.None,
                        TaskCreationOptions.LongRunning, TaskScheduler.Default);
                }
                t = p.Lap(WriteProfile.Forget, t);
                foreach (var pc in batch)
                {
                    var rows = pc.Rows ?? CaptureRows.Of(pc);
                    if (beside is null) ForgetCapture(tx, w, pc.Capture.Id, changes);
                    // From here on the capture has articles in this transaction: the same capture again in the batch must find them.
                    _storedHere.Remove(pc.Capture.Id);
                    t = p.Lap(WriteProfile.Forget, t);
                    for (int i = 0; i < pc.Articles.Count; i++)
                    {
                        InsertArticle(tx, w, pc.Articles[i], rows.Articles[i]);
                        changes.Articles[pc.Articles[i].Id] = (rows.Articles[i].SourceKey, ParseIso(Iso(pc.Articles[i].Published)),
                            w.MentionRows ? InsertedRow(w.Article) : 0);
                        t = p.Lap(WriteProfile.Articles, t);
                        if (beside is null && rows.Articles[i].Signature is { } sig) JoinStory(w, pc.Articles[i].Id, rows.Articles[i].OwnStory, sig, rows.Articles[i].Bands!, t);
                        t = System.Diagnostics.Stopwatch.GetTimestamp();
                    }
                    for (int i = 0; i < pc.Mentions.Count; i++)
                        if (!rows.Mentions[i].Duplicate) changes.Add(pc.Mentions[i], rows.Mentions[i]);
                    t = p.Lap(WriteProfile.Mentions, t);
                    w.Status.Set("@status", pc.Error is null ? "processed" : "failed").Set("@error", pc.Error).Set("@c", pc.Capture.Id).Run();
                    t = p.Lap(WriteProfile.Status, t);
                }
                // Another writer (a PostgreSQL worker) may touch these groups: lock them before the first re-clustering read.
                LockGroups(tx, changes.Groups());
                Consolidate(w, changes, _groupSpans, p, ref t);
                if (lookups is not null)
                {
                    // The lookups' writes, in the order the writer would have made them itself.
                    lookups.GetAwaiter().GetResult();
                    lookups = null;
                    t = p.Lap(WriteProfile.Story, t);
                    p.Add(WriteProfile.StoryBeside, beside!.Elapsed);
                    beside.Apply(w);
                    t = p.Lap(WriteProfile.StoryWrite, t);
                }
                if (buffer?.BeforeCommit(tx, changes.DeletedArticles, inputRead) == true)
                {
                    // Written in key order: each page of the band index is rewritten once for thousands of articles.
                    using var insert = PrepareBatch("INSERT INTO article_bands(band, article_id) VALUES (@band, @article) ON CONFLICT DO NOTHING", tx, "@band", "@article");
                    flushed = buffer.SortedRows();
                    foreach (var (band, id) in flushed) insert.Set("@band", band).Set("@article", id).Run();
                    buffer.Flushed(tx);
                }
                t = p.Lap(WriteProfile.StoryWrite, t);
                tx.Commit();
            }
            catch
            {
                // The lookups share the band buffer and the caches: they end before either is undone.
                if (lookups is not null)
                    try { lookups.Wait(); }
                    catch (AggregateException) { /* the batch fails anyway; its own error is the one reported */ }
                buffer?.RolledBack();
                _commonBands.Clear();
                throw;
            }
            finally
            {
                reads?.Dispose();
                // Written (or to be written again): either way no longer a capture without articles for certain.
                foreach (var pc in given) _storedHere.Remove(pc.Capture.Id);
            }
            if (buffer?.Committed() == true) _commonBands.Merge(flushed!);
            BatchCommitted();
            p.Lap(WriteProfile.Commit, t);
        }
    }

    /// <summary>Called after each batch's commit, under the store's lock; nothing by default.</summary>
    private protected virtual void BatchCommitted()
    {
    }

    /// <summary>
    /// Story bands kept in memory between batches and written to the band index in key order
    /// (<see cref="BandBuffer"/>); null when each article's bands are written with it.
    /// </summary>
    private protected virtual BandBuffer? BufferedBands => null;

    // Removes what an earlier run derived from the capture, noting the groups and events it touched.
    private void ForgetCapture(DbTransaction tx, BatchStatements w, string captureId, Changes changes)
    {
        // A capture seen for the first time has nothing to forget: one lookup instead of five statements.
        if (!HasStoredArticles(w, captureId)) return;
        w.OldMentions.Set("@c", captureId);
        foreach (var r in w.OldMentions.Rows())
        {
            changes.Events.Add(r.GetString(0));
            changes.Stored.Add(r.GetString(0));
            changes.Note(r.GetString(1), ParseDay(Str(r, 2)), r.GetString(3));
        }
        // Signatures are immutable per article id, but a capture re-processed by a newer extractor may change its
        // articles: forget every cached signature (a rare path: re-runs of failed or interrupted captures).
        _signatures.Clear();
        _sketches.Clear();
        w.DeleteMentions.Set("@c", captureId).Run();
        // Each band row by its primary key, from the stored signature: the band index needs no second index by article.
        var stored = new List<(string Id, byte[]? Sig)>();
        w.CaptureSignatures.Set("@c", captureId);
        foreach (var r in w.CaptureSignatures.Rows()) stored.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetBytes(1)));
        changes.DeletedArticles |= stored.Count > 0;
        if (stored.Count > 0) _commonBands.Clear();
        foreach (var (id, bytes) in stored)
        {
            BufferedBands?.Remove(id);
            if (MinHash.FromBytes(bytes) is { } sig)
                foreach (long band in MinHash.Bands(sig))
                    w.DeleteBand.Set("@band", band).Set("@article", id).Run();
        }
        UnindexCapture(tx, captureId);
        w.DeleteArticles.Set("@c", captureId).Run();
    }

    private bool HasStoredArticles(BatchStatements w, string captureId) =>
        !_storedHere.Contains(captureId) && w.HasArticles.Set("@c", captureId).Scalar() is not null;

    private void InsertArticle(DbTransaction tx, BatchStatements w, Article a, ArticleRow row)
    {
        string story = row.OwnStory;
        w.Article
            .Set("@id", a.Id).Set("@capture", a.CaptureId).Set("@idx", a.Index).Set("@source", a.Source).Set("@url", a.Url)
            .Set("@headline", a.Headline).Set("@bylines", string.Join('|', a.Bylines)).Set("@outlet", a.Outlet)
            .Set("@ptext", a.PublishedText).Set("@published", Iso(a.Published)).Set("@utext", a.UpdatedText).Set("@updated", Iso(a.Updated))
            .Set("@dateline", a.Dateline).Set("@section", a.Section).Set("@language", a.Language).Set("@body", a.Body)
            .Set("@captions", string.Join('\n', a.Captions)).Set("@method", a.Method)
            .Set("@source_key", row.SourceKey).Set("@story", story).Set("@minhash", row.SignatureBytes)
            .Run();
        IndexArticle(tx, a.Id);
    }

    // Union of story groups with every stored near-duplicate: the group keeps the smallest id
    // of those it joins, so the grouping does not depend on the order articles arrive in.
    // The candidates come from the band index alone; their signatures from the store's cache
    // (read from the articles table only on a miss), and the story id is read only for the
    // few that are near-duplicates, instead of two row reads for every candidate.
    // started: when the lookup began, for the write profile.
    private void JoinStory(BatchStatements w, string articleId, string ownStory, ulong[] sig, long[] bands, long started)
    {
        var labels = StoryLabels(w.Reads, ownStory, sig, bands, null);
        Profile.Lap(WriteProfile.Story, started);
        long t = System.Diagnostics.Stopwatch.GetTimestamp();
        if (BufferedBands is { } buffer) buffer.Add(articleId, bands);
        else
        {
            for (int i = 0; i < bands.Length; i++) w.Bands.Set(BatchStatements.BandParams[i], bands[i]);
            w.Bands.Set("@article", articleId).Run();
        }
        Remember(articleId, sig);
        string joined = labels.Min!;
        foreach (var label in labels)
            if (label != joined) w.Relabel.Set("@new", joined).Set("@old", label).Run();
        if (joined != ownStory) w.SetStory.Set("@story", joined).Set("@id", articleId).Run();
        Profile.Lap(WriteProfile.StoryWrite, t);
    }

    // The story labels an article joins: its own and those of its near-duplicates, stored or buffered.
    // beside: the batch's own lookups on a second connection, which see the batch's earlier articles
    // and renamed stories through it rather than through the writer's transaction.
    private SortedSet<string> StoryLabels(StoryReads r, string ownStory, ulong[] sig, long[] bands, BesideStories? beside)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal) { ownStory };
        var sketch = SketchCache.Of(sig);
        foreach (var candidate in StoryCandidates(r, bands))
            if (!_sketches.RulesOut(candidate, sketch) && (beside?.SignatureOf(candidate) ?? SignatureOf(r, candidate)) is { } other && MinHash.Similarity(sig, other) >= MinHash.StoryThreshold
                && (beside is null ? r.StoryOfArticle(candidate) : beside.StoryOf(r, candidate)) is string story)
                labels.Add(story);
        return labels;
    }

    // The stored articles sharing a band with the new one, those sharing the most first, at most
    // MaxCandidates; of each band only its first MaxBandRows articles in id order are read.
    private List<string> StoryCandidates(StoryReads w, long[] bands)
    {
        // The reader is closed before any other statement runs: PostgreSQL runs one command at a time per connection.
        var candidates = new List<string>();
        if (BufferedBands is not { } buffer)
        {
            for (int i = 0; i < bands.Length; i++) w.FindStories!.Set(BatchStatements.BandParams[i], bands[i]);
            foreach (var r in w.FindStories!.Rows()) candidates.Add(r.GetString(0));
            return candidates;
        }
        // The same ranking as FindStories, over the stored rows of each band and the buffered ones.
        // Stored rows come in id order (cached ones too); the few buffered ones are sorted and merged in.
        var stored = new string[bands.Length][];
        if (_freshBands.Length < bands.Length) _freshBands = new List<string>[bands.Length];
        var fresh = _freshBands;
        for (int i = 0; i < bands.Length; i++)
        {
            // A common band's stored rows come from the cache, and a band no article may have is not
            // looked up: their parameters are bound to a band that never exists.
            bool cached = _commonBands.TryGet(bands[i], out stored[i]!);
            if (!cached && !buffer.MayHave(bands[i])) stored[i] = [];
            (fresh[i] ??= []).Clear();
            w.BandRows.Set(BatchStatements.BandParams[i], stored[i] is not null ? -1L : bands[i]);
        }
        // Each row is a band's position and one of its stored articles.
        foreach (var r in w.BandRows.Rows()) fresh[r.GetInt32(0)].Add(r.GetString(1));
        for (int i = 0; i < bands.Length; i++)
        {
            if (stored[i] is not null) continue;
            stored[i] = [.. fresh[i]];
            // SQLite orders by UTF-8 bytes, .NET ordinal by UTF-16 units: they differ only past U+FFFF.
            if (!IsOrdered(stored[i])) Array.Sort(stored[i], StringComparer.Ordinal);
            _commonBands.Add(bands[i], stored[i]);
            fresh[i].Clear();
        }
        buffer.AddTo(bands, fresh);
        var shared = _sharedBands;
        shared.Clear();
        for (int i = 0; i < bands.Length; i++)
        {
            var more = fresh[i];
            if (more.Count > 1) more.Sort(StringComparer.Ordinal);
            string[] first = stored[i];
            int a = 0, b = 0, taken = 0;
            string? previous = null;
            // The first MaxBandRows distinct ids of both lists in id order.
            while (taken < StoryGroups.MaxBandRows && (a < first.Length || b < more.Count))
            {
                string id = b >= more.Count || (a < first.Length && string.CompareOrdinal(first[a], more[b]) <= 0) ? first[a++] : more[b++];
                if (id == previous) continue;
                previous = id;
                taken++;
                CollectionsMarshal.GetValueRefOrAddDefault(shared, id, out _)++;
            }
        }
        // Most shared bands first, then id order: a total order, so sorting in place gives what a stable sort would.
        int n = shared.Count;
        if (_ranked.Length < n) _ranked = new KeyValuePair<string, int>[Math.Max(n, 2 * _ranked.Length)];
        ((ICollection<KeyValuePair<string, int>>)shared).CopyTo(_ranked, 0);
        Array.Sort(_ranked, 0, n, RankOrder.Instance);
        for (int i = 0; i < n && i < StoryGroups.MaxCandidates; i++) candidates.Add(_ranked[i].Key);
        Array.Clear(_ranked, 0, n);
        for (int i = 0; i < bands.Length; i++) fresh[i].Clear();
        return candidates;
    }

    // The lists of each band's ids, the candidates' counts of shared bands and their ranking, kept
    // from one article to the next: in a large store an article's bands hold up to MaxBandRows stored
    // ids each, thousands of candidates together, and new ones for each article were more than half of
    // what the story lookups allocated (the bench, two cores, 100,000 captures: 2,987 MB against 1,132
    // with all three kept, 1,381 with the dictionary and the ranking only; 9,942 MB in all against
    // 8,093). Used by one thread at a time: the writer's, or the lookups' beside it when the writer
    // makes none itself (BesideStories), which end before the batch does.
    private List<string>[] _freshBands = [];
    private readonly Dictionary<string, int> _sharedBands = new(StringComparer.Ordinal);
    private KeyValuePair<string, int>[] _ranked = [];

    // Most shared bands first, then ids in ordinal order.
    private sealed class RankOrder : IComparer<KeyValuePair<string, int>>
    {
        public static readonly RankOrder Instance = new();

        public int Compare(KeyValuePair<string, int> x, KeyValuePair<string, int> y) =>
            x.Value != y.Value ? y.Value.CompareTo(x.Value) : string.CompareOrdinal(x.Key, y.Key);
    }

    private static bool IsOrdered(string[] ids)
    {
        for (int i = 1; i < ids.Length; i++)
            if (string.CompareOrdinal(ids[i - 1], ids[i]) > 0) return false;
        return true;
    }

    // The stored rows of common bands, so that the story lookup reads them once (CommonBands).
    private readonly CommonBands _commonBands = new();

    private ulong[]? SignatureOf(StoryReads w, string articleId)
    {
        if (_signatures.TryGet(articleId, out var sig)) return sig;
        sig = MinHash.FromBytes(w.Signature.Set("@id", articleId).Scalar() as byte[]);
        if (sig is not null) Remember(articleId, sig);
        return sig;
    }

    // An article's signature, known from the batch or read from its row, for later lookups: in full and as a sketch.
    private void Remember(string articleId, ulong[] sig)
    {
        _signatures.Add(articleId, sig);
        _sketches.Add(articleId, sig);
    }

    private static void InsertMention(BatchStatements w, NewMention n, Changes changes, GroupSpans? spans)
    {
        var m = n.Row.Oriented;
        if (m.Date is { } day) spans?.Add(n.Row.Group, day);
        var c = n.Keyed.Code;
        w.Mention
            .Set("@event", n.EventId).Set("@article", m.ArticleId).Set("@sentence", m.SentenceIndex).Set("@sstart", m.Sentence.Start).Set("@send", m.Sentence.End)
            .Set("@estart", m.Evidence.Start).Set("@eend", m.Evidence.End).Set("@group", n.Row.Group).Set("@date", n.Row.Day).Set("@basis", m.DateBasis)
            .Set("@stext", m.Source.Text).Set("@sname", m.Source.Name).Set("@scode", m.Source.Code)
            .Set("@ttext", m.Target.Text).Set("@tname", m.Target.Name).Set("@tcode", m.Target.Code)
            .Set("@cameo", m.Cameo).Set("@cname", c.Name).Set("@goldstein", c.Goldstein).Set("@quad", (int)c.Quad)
            .Set("@plover", c.Plover).Set("@pmode", c.PloverMode).Set("@location", m.Location)
            .Set("@modality", n.Row.Modality).Set("@attribution", m.Attribution).Set("@confidence", m.Confidence);
        if (w.MentionRows) w.Mention.Set("@arow", changes.Articles[m.ArticleId].Row);
        w.Mention.Run();
    }

    /// <summary>One of a batch's mentions on its way to the store: its event id is set by <see cref="Consolidate"/>.</summary>
    private sealed class NewMention(KeyedMention keyed, MentionRow row, long tempRow)
    {
        public KeyedMention Keyed { get; } = keyed;
        public MentionRow Row { get; } = row;
        public long TempRow { get; } = tempRow;
        public string? EventId { get; set; }

        /// <summary>The mention as <see cref="RecomputeEvent"/> would read it back once stored.</summary>
        public StoredMention AsStored((string SourceKey, DateTimeOffset? Published, long Row) article)
        {
            var m = Row.Oriented;
            var c = Keyed.Code;
            return new StoredMention(m.Date, m.DateBasis, new ActorRef(m.Source.Text, m.Source.Name, m.Source.Code),
                new ActorRef(m.Target.Text, m.Target.Name, m.Target.Code),
                new CameoCode(m.Cameo, c.Name ?? "", c.Goldstein, c.Quad, c.Plover ?? "", c.PloverMode ?? ""),
                m.Location, Row.Modality, m.Confidence, m.ArticleId, m.SentenceIndex, article.SourceKey, article.Published, Row.Group);
        }

        public ClusterMention ForClusterer() => new(TempRow, Row.Group, Row.Oriented.Date, Row.Oriented.DateBasis, Row.Oriented.Cameo,
            Row.Oriented.Location, Row.Oriented.ArticleId, Row.Oriented.Source.Code, Row.Oriented.Target.Code);
    }

    private readonly SignatureCache _signatures = new();

    // Sketches of the signatures of many more articles, to turn candidates away unread (SketchCache).
    private readonly SketchCache _sketches = new();

    /// <summary>Where this store's batch writes have spent their time.</summary>
    public WriteProfile Profile { get; } = new();

    /// <summary>What a batch changed: the groups and days to re-cluster, and the events to recompute.</summary>
    private sealed class Changes
    {
        public readonly Dictionary<string, SortedSet<DateOnly>> Days = new(StringComparer.Ordinal);
        public readonly Dictionary<string, SortedSet<string>> Undated = new(StringComparer.Ordinal);
        public readonly HashSet<string> Events = new(StringComparer.Ordinal);

        /// <summary>True when the batch deleted a stored article (a capture processed again).</summary>
        public bool DeletedArticles;

        /// <summary>The batch's mentions, in the order they are inserted, not yet stored.</summary>
        public readonly List<NewMention> New = [];

        /// <summary>Events that had a stored mention before this batch (read back from the store when recomputed).</summary>
        public readonly HashSet<string> Stored = new(StringComparer.Ordinal);

        /// <summary>What the events of the batch's mentions need of their articles: source key and stored publication time.</summary>
        public readonly Dictionary<string, (string SourceKey, DateTimeOffset? Published, long Row)> Articles = new(StringComparer.Ordinal);

        /// <summary>The batch's mentions by group.</summary>
        public readonly Dictionary<string, List<NewMention>> NewByGroup = new(StringComparer.Ordinal);

        /// <summary>Adds one of the batch's mentions: clustered with the stored ones, then inserted with its event id.</summary>
        public void Add(KeyedMention keyed, MentionRow row)
        {
            // Rows not yet stored get negative ids, unique within the batch, for the clusterer.
            var n = new NewMention(keyed, row, -1 - New.Count);
            New.Add(n);
            if (!NewByGroup.TryGetValue(row.Group, out var list)) NewByGroup[row.Group] = list = [];
            list.Add(n);
            Note(row.Group, row.Oriented.Date, row.Oriented.ArticleId);
        }

        /// <summary>
        /// The event groups the batch touches, each once: the only groups consolidation reads or
        /// rewrites, each apart from the others, so in no particular order (a sorted set of a
        /// batch's 5,000 groups was a tenth of its re-clustering time; a store that locks them
        /// orders its locks itself).
        /// </summary>
        public IEnumerable<string> Groups() => Days.Keys.Concat(Undated.Keys.Where(g => !Days.ContainsKey(g)));

        public void Note(string group, DateOnly? date, string articleId)
        {
            if (date is { } d)
            {
                if (!Days.TryGetValue(group, out var set)) Days[group] = set = [];
                set.Add(d);
            }
            else
            {
                if (!Undated.TryGetValue(group, out var set)) Undated[group] = set = new(StringComparer.Ordinal);
                set.Add(articleId);
            }
        }
    }

    /// <summary>The statements a batch runs for every capture, prepared once.</summary>
    private sealed class BatchStatements : IDisposable
    {
        public readonly Statement HasArticles, OldMentions, DeleteMentions, CaptureSignatures, DeleteBand, DeleteArticles, Article, Bands, Relabel, SetStory, Mention, Status,
            LoadDays, LoadUndated, SetEvent, EventMentions, UpsertEvent, DeleteEvent;

        /// <summary>The parameters of the band reads and writes, one per MinHash band.</summary>
        public static readonly string[] BandParams = Enumerable.Range(0, MinHash.Size / MinHash.BandRows).Select(i => "@b" + i).ToArray();

        /// <summary>The story lookup's reads, in the batch's transaction.</summary>
        public readonly StoryReads Reads;

        /// <summary>Whether a mention insert takes its article's rowid (<c>@arow</c>).</summary>
        public readonly bool MentionRows;

        public BatchStatements(RelationalEventStore s, DbTransaction tx)
        {
            HasArticles = s.PrepareBatch($"SELECT 1 FROM articles a WHERE {s.CaptureArticles("a")} LIMIT 1", tx, "@c");
            OldMentions = s.PrepareBatch($"SELECT m.event_id, m.group_key, m.date, m.article_id FROM articles a JOIN mentions m ON {s.MentionOfArticle} WHERE {s.CaptureArticles("a")}", tx, "@c");
            DeleteMentions = s.PrepareBatch(
                $"DELETE FROM mentions WHERE {s.MentionArticleColumn} IN (SELECT a.{s.ArticleKeyColumn} FROM articles a WHERE {s.CaptureArticles("a")})", tx, "@c");
            CaptureSignatures = s.PrepareBatch($"SELECT a.id, a.minhash FROM articles a WHERE {s.CaptureArticles("a")}", tx, "@c");
            DeleteBand = s.PrepareBatch("DELETE FROM article_bands WHERE band=@band AND article_id=@article", tx, "@band", "@article");
            DeleteArticles = s.PrepareBatch($"DELETE FROM articles WHERE {s.CaptureArticles("articles")}", tx, "@c");
            Article = s.PrepareBatch("""
                INSERT INTO articles(id, capture_id, idx, source, url, headline, bylines, outlet, published_text, published,
                    updated_text, updated, dateline, section, language, body, captions, method, source_key, story_id, minhash)
                VALUES (@id, @capture, @idx, @source, @url, @headline, @bylines, @outlet, @ptext, @published,
                    @utext, @updated, @dateline, @section, @language, @body, @captions, @method, @source_key, @story, @minhash)
                """, tx, "@id", "@capture", "@idx", "@source", "@url", "@headline", "@bylines", "@outlet", "@ptext", "@published",
                "@utext", "@updated", "@dateline", "@section", "@language", "@body", "@captions", "@method", "@source_key", "@story", "@minhash");
            Reads = StoryReads.Prepare((sql, names) => s.PrepareBatch(sql, tx, names), s.PrepareBatch(StoryReads.FindStoriesSql, tx, BandParams));
            // All bands of an article in one statement; a band repeated within an article is stored once.
            Bands = s.PrepareBatch($"INSERT INTO article_bands(band, article_id) VALUES {string.Join(", ", BandParams.Select(b => $"({b}, @article)"))} ON CONFLICT DO NOTHING",
                tx, [.. BandParams, "@article"]);
            Relabel = s.PrepareBatch("UPDATE articles SET story_id=@new WHERE story_id=@old", tx, "@new", "@old");
            SetStory = s.PrepareBatch("UPDATE articles SET story_id=@story WHERE id=@id", tx, "@story", "@id");
            MentionRows = s.MentionsCarryRow;
            string[] mentionParams = ["@event", "@article", "@sentence", "@sstart", "@send", "@estart", "@eend", "@group", "@date", "@basis", "@stext", "@sname", "@scode",
                "@ttext", "@tname", "@tcode", "@cameo", "@cname", "@goldstein", "@quad", "@plover", "@pmode", "@location", "@modality", "@attribution", "@confidence"];
            Mention = s.PrepareBatch($"""
                INSERT INTO mentions(event_id, article_id, sentence_index, sentence_start, sentence_end, evidence_start, evidence_end,
                    group_key, date, date_basis, source_text, source_name, source_code, target_text, target_name, target_code,
                    cameo, cameo_name, goldstein, quad_class, plover, plover_mode, location, modality, attribution, confidence{(MentionRows ? ", " + s.MentionArticleColumn : "")})
                VALUES (@event, @article, @sentence, @sstart, @send, @estart, @eend, @group, @date, @basis, @stext, @sname, @scode,
                    @ttext, @tname, @tcode, @cameo, @cname, @goldstein, @quad, @plover, @pmode, @location, @modality, @attribution, @confidence{(MentionRows ? ", @arow" : "")})
                """, tx, MentionRows ? [.. mentionParams, "@arow"] : mentionParams);
            Status = s.PrepareBatch("UPDATE captures SET status=@status, error=@error WHERE id=@c", tx, "@status", "@error", "@c");
            LoadDays = s.PrepareBatch(LoadColumns + " WHERE group_key=@g AND date >= @lo AND date <= @hi", tx, "@g", "@lo", "@hi");
            LoadUndated = s.PrepareBatch(LoadColumns + " WHERE group_key=@g AND date IS NULL AND article_id=@a", tx, "@g", "@a");
            SetEvent = s.PrepareBatch("UPDATE mentions SET event_id=@e WHERE id=@id", tx, "@e", "@id");
            EventMentions = s.PrepareBatch(EventMentionsSql, tx, "@id");
            UpsertEvent = s.PrepareBatch(UpsertEventSql, tx, UpsertEventParams);
            DeleteEvent = s.PrepareBatch("DELETE FROM events WHERE id=@id", tx, "@id");
        }

        public void Dispose()
        {
            foreach (var st in new[] { HasArticles, OldMentions, DeleteMentions, CaptureSignatures, DeleteBand, DeleteArticles, Article, Bands, Relabel, SetStory, Mention, Status,
                LoadDays, LoadUndated, SetEvent, EventMentions, UpsertEvent, DeleteEvent })
                st.Dispose();
            Reads.Dispose();
        }
    }
}

/// <summary>Story groups and sources of articles.</summary>
public static class StoryGroups
{
    /// <summary>Most stored candidates compared with a new article: bounds the work per article.</summary>
    public const int MaxCandidates = 64;

    /// <summary>
    /// Most rows of one band read in a story lookup: bounds the work per article however common a
    /// band (a stock phrase) becomes as the store grows; the 100,000-capture bench corpus has bands
    /// of over 4,000 articles.
    /// </summary>
    public const int MaxBandRows = 256;

    /// <summary>The story id an article has alone: "st" and 16 hex digits of its id's SHA-256.</summary>
    public static string OwnStory(string articleId) =>
        "st" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(articleId)).AsSpan(0, 8));

    /// <summary>
    /// What an article counts as a source for: the host of its URL without "www.", else its
    /// outlet, else its file. A wire story reprinted by two sites counts for two sources.
    /// </summary>
    public static string SourceKey(Article a) =>
        a.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0
            ? (u.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.Host[4..] : u.Host).ToLowerInvariant()
            : a.Outlet is { Length: > 0 } o ? o : a.Source;
}

/// <summary>
/// The values a capture's rows need beyond what it carries (story signatures and bands, group
/// keys, stored day strings), computed where the capture was processed so that the single
/// writer only binds and steps statements.
/// </summary>
public sealed class CaptureRows
{
    private CaptureRows(ArticleRow[] articles, MentionRow[] mentions)
    {
        Articles = articles;
        Mentions = mentions;
    }

    internal ArticleRow[] Articles { get; }

    internal MentionRow[] Mentions { get; }

    /// <summary>Computes the rows of <paramref name="pc"/>; pure, so any thread may call it.</summary>
    public static CaptureRows Of(ProcessedCapture pc)
    {
        ArgumentNullException.ThrowIfNull(pc);
        var articles = new ArticleRow[pc.Articles.Count];
        for (int i = 0; i < articles.Length; i++)
        {
            var a = pc.Articles[i];
            var sig = MinHash.Signature(a.Body);
            articles[i] = new ArticleRow(StoryGroups.OwnStory(a.Id), StoryGroups.SourceKey(a), sig,
                sig is null ? null : MinHash.ToBytes(sig), sig is null ? null : MinHash.Bands(sig));
        }
        var mentions = new MentionRow[pc.Mentions.Count];
        // A mention the coder reported twice (same article, sentence, group, code and evidence start) is stored once, the first.
        var seen = new HashSet<(string, int, string, string, int)>();
        for (int i = 0; i < mentions.Length; i++)
        {
            var m = EventKeys.Orient(pc.Mentions[i].Mention);
            string group = EventKeys.GroupKey(m);
            mentions[i] = new MentionRow(m, group, m.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                m.Modality.ToString().ToLowerInvariant(), !seen.Add((m.ArticleId, m.SentenceIndex, group, m.Cameo, m.Evidence.Start)));
        }
        return new CaptureRows(articles, mentions);
    }
}

internal sealed record ArticleRow(string OwnStory, string SourceKey, ulong[]? Signature, byte[]? SignatureBytes, long[]? Bands);

internal sealed record MentionRow(EventMention Oriented, string Group, string? Day, string Modality, bool Duplicate);
