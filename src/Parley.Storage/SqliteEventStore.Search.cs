using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

/// <summary>
/// The full-text index lives in a file of its own beside the database (<c>parley.db-search</c>),
/// and a thread of its own keeps it up to date after each committed batch, so its tokenizing and
/// segment merging (a fifth of the batch writer's time when it ran in the writer's transaction)
/// happen beside the writer instead of inside it: SQLite lets one connection write a file at a time,
/// and two files are two writers.
/// </summary>
/// <remarks>
/// <para>The file is derived: it can be deleted at any time and is rebuilt from the articles.
/// It records how far it has read (the last article rowid indexed, and the last entry of the
/// database's <c>search_removed</c> log it applied) in the same transaction as the rows it indexes,
/// so a kill at any moment leaves it consistent and the next run carries on from there.</para>
/// <para>Deleted or rewritten articles reach the index through <c>search_removed</c>, written by
/// triggers in the writer's own transaction: SQLite may reuse a deleted rowid, so a removed rowid
/// that exists again is indexed anew.</para>
/// <para>A text search first brings the index up to date with everything committed, so results
/// never lag the store; the ingest does the same before it reports (<see cref="Settle"/>).</para>
/// <para>The main connection attaches the file only while it searches: a write transaction
/// (<c>BEGIN IMMEDIATE</c>) would otherwise take the write lock of every attached file, the search
/// file's too, and the writer and the indexer would wait for each other.</para>
/// </remarks>
public sealed partial class SqliteEventStore
{
    private readonly Lock _searchGate = new();
    private readonly SemaphoreSlim _indexDue = new(0);
    private SqliteConnection? _searchRead, _searchWrite;
    private Thread? _indexer;
    private bool _searchAttached;

    /// <summary>Articles read from the database per indexing transaction.</summary>
    internal const int IndexChunk = 2048;

    /// <summary>The search file of the database at <paramref name="path"/>.</summary>
    public static string SearchPathOf(string path) => path + "-search";

    /// <summary>The search file of the database at <paramref name="path"/> with SQLite's log and shared-memory files.</summary>
    public static string[] SearchFilesOf(string path) => WithSidecars(SearchPathOf(path));

    /// <summary>Every file of the database at <paramref name="path"/>: the database and its search file, each with SQLite's log and shared-memory files.</summary>
    public static string[] FilesOf(string path) => [.. WithSidecars(path), .. SearchFilesOf(path)];

    private static string[] WithSidecars(string file) => [file, file + "-wal", file + "-shm"];

    private string SearchPath => SearchPathOf(_path);

    // At open: makes sure the search file belongs to this database (its link key and a watermark
    // the database can have reached), else starts it afresh; a file SQLite cannot read is replaced.
    private void OpenSearch()
    {
        bool behind;
        try
        {
            behind = PrepareSearchFile();
        }
        catch (SqliteException)
        {
            DetachSearch();
            foreach (var f in SearchFilesOf(_path)) File.Delete(f);
            behind = PrepareSearchFile();
        }
        finally
        {
            DetachSearch();
        }
        // A new, rebuilt or lagging index catches up in the background from the start.
        if (behind) SignalIndexer();
    }

    // Returns whether the index is behind the database (articles or removals it has not applied).
    private bool PrepareSearchFile()
    {
        AttachSearch();
        Exec("PRAGMA search.journal_mode=WAL;");
        bool current = Scalar("SELECT count(*) FROM search.sqlite_master WHERE name='search_state'") is long n && n > 0
            && Scalar("""
                SELECT s.link = l.key AND s.article_rowid <= coalesce((SELECT max(rowid) FROM main.articles), 0)
                FROM search.search_state s, main.search_link l
                """) is long ok && ok == 1;
        using var tx = _db.BeginTransaction();
        if (!current)
        {
            Exec("DROP TABLE IF EXISTS search.articles_fts;", tx);
            Exec("DROP TABLE IF EXISTS search.search_state;", tx);
            Exec("""
                CREATE VIRTUAL TABLE search.articles_fts USING fts5(headline, body, tokenize='porter unicode61 remove_diacritics 2');
                CREATE TABLE search.search_state (link TEXT NOT NULL, article_rowid INTEGER NOT NULL, removed_seq INTEGER NOT NULL);
                INSERT INTO search.search_state SELECT key, 0, (SELECT coalesce(max(seq), 0) FROM main.search_removed) FROM main.search_link;
                """, tx);
        }
        // The log entries the index has applied are no longer needed.
        Exec("DELETE FROM main.search_removed WHERE seq <= (SELECT removed_seq FROM search.search_state);", tx);
        bool behind = Count(
            "SELECT EXISTS (SELECT 1 FROM main.search_removed) OR (SELECT article_rowid FROM search.search_state) < coalesce((SELECT max(rowid) FROM main.articles), 0)",
            tx) == 1;
        tx.Commit();
        return behind;
    }

    private void AttachSearch()
    {
        if (_searchAttached) return;
        using var cmd = Command("ATTACH DATABASE @path AS search;");
        cmd.Parameters.AddWithValue("@path", SearchPath);
        cmd.ExecuteNonQuery();
        _searchAttached = true;
    }

    private void DetachSearch()
    {
        if (!_searchAttached) return;
        Exec("DETACH DATABASE search;");
        _searchAttached = false;
    }

    /// <inheritdoc/>
    protected override System.Data.Common.DbTransaction Begin()
    {
        DetachSearch();
        return base.Begin();
    }

    /// <inheritdoc/>
    /// <remarks>Called under the store's lock, so the search file stays attached until the query has run.</remarks>
    protected override string TextQuery(string text)
    {
        Settle();
        AttachSearch();
        return FtsQuery(text);
    }

    /// <inheritdoc/>
    /// <remarks>Indexes every committed article the search file does not have yet, on the calling thread.</remarks>
    public override void Settle()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        lock (_searchGate) IndexPending();
    }

    // After each committed batch (see BatchCommitted): the indexer thread catches up.
    private void SignalIndexer()
    {
        if (_indexer is null)
        {
            _indexer = new Thread(IndexLoop) { IsBackground = true, Name = "SQLite search index" };
            _indexer.Start();
        }
        _indexDue.Release();
    }

    private void IndexLoop()
    {
        while (true)
        {
            _indexDue.Wait();
            if (_stopping) return;
            // Signals that came while the last round ran: one round covers them all.
            while (_indexDue.CurrentCount > 0) _indexDue.Wait(0);
            try
            {
                lock (_searchGate) IndexPending();
            }
            catch (SqliteException)
            {
                // Busy or locked: the next batch, a search or the next open catches up.
            }
        }
    }

    // Under _searchGate: applies the removal log and indexes the new articles, a chunk per transaction.
    private void IndexPending()
    {
        _searchRead ??= OpenSecond(SqliteOpenMode.ReadOnly);
        var searchWrite = SearchWriter();
        while (true)
        {
            // The search file's write lock first: another process's store may index the same
            // database, and its state is read and advanced under that lock only.
            using var tx = searchWrite.BeginTransaction();
            long watermark, applied;
            using (var state = Write(tx, "SELECT article_rowid, removed_seq FROM search_state"))
            using (var r = state.ExecuteReader())
            {
                if (!r.Read()) return;
                (watermark, applied) = (r.GetInt64(0), r.GetInt64(1));
            }
            var removed = new HashSet<long>();
            var rows = new List<(long RowId, string Headline, string Body)>();
            long newWatermark = watermark, newApplied = applied;
            int fresh = 0;
            // One read transaction: the log and the articles as of one commit of the writer.
            using (var read = _searchRead.BeginTransaction(deferred: true))
            {
                using (var log = Read(read, "SELECT seq, article_rowid FROM search_removed WHERE seq > @v ORDER BY seq", applied))
                using (var r = log.ExecuteReader())
                    while (r.Read())
                    {
                        newApplied = r.GetInt64(0);
                        long rowid = r.GetInt64(1);
                        if (rowid <= watermark) removed.Add(rowid);
                    }
                foreach (long rowid in removed)
                {
                    using var again = Read(read, "SELECT rowid, coalesce(headline, ''), body FROM articles WHERE rowid = @v", rowid);
                    using var r = again.ExecuteReader();
                    if (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1), r.GetString(2)));
                }
                using (var next = Read(read, $"SELECT rowid, coalesce(headline, ''), body FROM articles WHERE rowid > @v ORDER BY rowid LIMIT {IndexChunk}", watermark))
                using (var r = next.ExecuteReader())
                    while (r.Read())
                    {
                        newWatermark = r.GetInt64(0);
                        rows.Add((newWatermark, r.GetString(1), r.GetString(2)));
                        fresh++;
                    }
                // SQLite gives a new row the largest rowid plus one, so rowids above the largest one
                // now (deleted, their removals applied above) can come back: the watermark stays
                // at or below it, and a row stored there later is new to the index.
                using (var max = Read(read, "SELECT coalesce(max(rowid), 0) FROM articles"))
                    newWatermark = Math.Min(newWatermark, Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture));
                read.Commit();
            }
            if (newApplied == applied && fresh == 0 && newWatermark == watermark) return;
            using (var delete = Write(tx, "DELETE FROM articles_fts WHERE rowid = @r", "@r"))
                foreach (long rowid in removed)
                {
                    delete.Parameters[0].Value = rowid;
                    delete.ExecuteNonQuery();
                }
            using (var insert = Write(tx, "INSERT INTO articles_fts(rowid, headline, body) VALUES (@r, @h, @b)", "@r", "@h", "@b"))
                foreach (var (rowid, headline, body) in rows)
                {
                    insert.Parameters[0].Value = rowid;
                    insert.Parameters[1].Value = headline;
                    insert.Parameters[2].Value = body;
                    insert.ExecuteNonQuery();
                }
            using (var done = Write(tx, "UPDATE search_state SET article_rowid = @w, removed_seq = @s", "@w", "@s"))
            {
                done.Parameters[0].Value = newWatermark;
                done.Parameters[1].Value = newApplied;
                done.ExecuteNonQuery();
            }
            tx.Commit();
            if (fresh < IndexChunk) return;
        }

        DbCommand Read(SqliteTransaction tx, string sql, long? value = null)
        {
            var cmd = Cmd(sql, tx);
            if (value is { } v) Add(cmd, "@v", v);
            return cmd;
        }

        DbCommand Write(SqliteTransaction tx, string sql, params string[] names)
        {
            var cmd = Cmd(sql, tx);
            foreach (var name in names) Add(cmd, name, null);
            cmd.Prepare();
            return cmd;
        }
    }

    /// <summary>Rowid of the last article the search file has indexed (tests).</summary>
    internal long SearchWatermark()
    {
        lock (_searchGate)
        {
            using var cmd = SearchWriter().CreateCommand();
            cmd.CommandText = "SELECT article_rowid FROM search_state";
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    // Under _searchGate: the connection that writes the search file, opened on first use.
    private SqliteConnection SearchWriter() => _searchWrite ??= OpenSecond(SearchPath, SqliteOpenMode.ReadWrite);

    private void StopIndexer()
    {
        if (_indexer is { } t)
        {
            _indexDue.Release();
            t.Join();
        }
        lock (_searchGate)
        {
            _searchRead?.Dispose();
            _searchWrite?.Dispose();
            _searchRead = _searchWrite = null;
        }
    }
}
