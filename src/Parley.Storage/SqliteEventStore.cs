using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

/// <summary>
/// The default store: one SQLite file in WAL mode, versioned schema, one transaction per
/// batch, FTS5 over headlines and bodies. Safe against a kill at any moment: a batch is
/// either wholly in the file or not at all.
/// </summary>
public sealed partial class SqliteEventStore : RelationalEventStore
{
    private readonly SqliteConnection _db;

    // SQLite counts every allocation it makes under a process-wide mutex unless told not to; the
    // store never reads those counts, and the batch writer spent about 5% of its time on them.
    // The setting only takes when made before the process's first connection; later it is refused
    // (SQLITE_MISUSE) and everything works as before.
    static SqliteEventStore()
    {
        SQLitePCL.Batteries_V2.Init();
        SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    /// <summary>Opens (creating when needed) the database at <paramref name="path"/> and migrates it.</summary>
    public SqliteEventStore(string path)
        : this(Open(path), BandBuffer.DefaultCapacity)
    {
    }

    /// <summary>As <see cref="SqliteEventStore(string)"/>, flushing story bands every <paramref name="bandBufferRows"/> rows (tests).</summary>
    internal SqliteEventStore(string path, int bandBufferRows)
        : this(Open(path), bandBufferRows)
    {
    }

    private SqliteEventStore(SqliteConnection db, int bandBufferRows)
        : base(db)
    {
        _db = db;
        _path = db.DataSource;
        _bands = new BandBuffer(bandBufferRows);
        // A new file gets 8 KB pages (SQLite's default is 4 KB; an existing file keeps its own): a batch
        // rewrites most pages of the random-key indexes, and in the larger pages the same rows take half
        // the writes, reads and checkpoint copies. The bench's one-core ingest of 100,000 captures ran
        // 3 and 14% faster (two pairs of runs, each build on either core).
        Exec("PRAGMA page_size=8192;");
        Exec("PRAGMA journal_mode=WAL;");
        Exec("PRAGMA synchronous=NORMAL;");
        // The references between tables (a mention's article, an article's capture) are kept by the single
        // writer, which stores a capture before its articles and an article before its mentions, and
        // checked by IntegrityCheck, not enforced on each write (SQLite as bundled here enforces them on a
        // new connection). Enforced, every mention insert looked its article up and every article insert
        // its capture: the writer alone spent 8 to 10 µs per capture more on articles and mentions at
        // 10,000 captures (five alternated pairs), some 30 more at 100,000; and deleting an article (a
        // capture processed again) scanned every stored mention for one that refers to it, as no index
        // leads from an article to its mentions by id (migration 9): 48 ms an article at 100,000.
        Exec("PRAGMA foreign_keys=OFF;");
        Exec("PRAGMA busy_timeout=10000;");
        // A bounded page cache (32 MB) keeps the hot index pages of a growing file in memory.
        Exec("PRAGMA cache_size=-32768;");
        // A batch dirties thousands of pages (random index keys): with the default checkpoint at
        // 1,000 WAL pages nearly every commit also checkpointed (copy + fsync).
        // The batch writer checkpoints on its own thread instead (see BatchCommitted); this connection
        // checkpoints only when the WAL has grown past 65,536 pages (512 MB on disk) regardless.
        // The log starts again from its beginning only when a transaction begins after a checkpoint
        // has copied all of it, and a batch begins as soon as the last one commits, while the
        // background checkpoint is still copying; so the log grows past a few batches, and at 16,384
        // pages the raw-capture and batch commits made the copy and its two fsyncs themselves, holding
        // the store's lock (about 19 times in the bench's 100,000 captures on two cores, the reader
        // and writer together 3 to 4 s in fsync). At 65,536 they do so a few times a run: two cores,
        // 100,000 captures, the raw captures held the lock 2.7-3.0 s against 5.3, the writer waited
        // for it 2.2-2.7 s against 5.1, and alternated runs made 2,413, 2,051, 2,511, 2,074 captures/s
        // against 2,230, 1,835, 2,289, 2,161 (32,768: in between); one core unchanged.
        Exec("PRAGMA wal_autocheckpoint=65536;");
        // Sorts and DISTINCT sets of the story lookup and re-clustering stay in memory, never in temp files.
        Exec("PRAGMA temp_store=MEMORY;");
        Migrate();
        OpenSearch();
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false };
        var db = new SqliteConnection(builder.ToString());
        db.Open();
        return db;
    }

    /// <summary>Schema version after migration.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);

    /// <summary>
    /// "ok" for a sound file: <c>PRAGMA integrity_check</c> finds nothing, and no row refers to a
    /// missing one (<c>PRAGMA foreign_key_check</c>: a mention without its article, an article without
    /// its capture); otherwise what is wrong, the first ten rows at most.
    /// </summary>
    public string IntegrityCheck()
    {
        lock (_gate)
        {
            string file = Convert.ToString(Scalar("PRAGMA integrity_check;"), CultureInfo.InvariantCulture) ?? "";
            if (file != "ok") return file;
            var missing = new List<string>();
            using var cmd = Cmd("PRAGMA foreign_key_check;");
            using var r = cmd.ExecuteReader();
            while (r.Read() && missing.Count < 10)
                missing.Add(FormattableString.Invariant($"{r.GetString(0)} row {(r.IsDBNull(1) ? "?" : r.GetInt64(1))} refers to a missing row of {r.GetString(2)}"));
            return missing.Count == 0 ? "ok" : string.Join("; ", missing);
        }
    }

    private readonly BandBuffer _bands;

    /// <summary>Story band rows held in memory, not yet in the band index.</summary>
    internal int BufferedBandRows => _bands.Rows;

    /// <summary>False when no stored or buffered article has the story band (tests).</summary>
    internal bool MayHaveBand(long band) => _bands.MayHave(band);

    /// <inheritdoc/>
    private protected override BandBuffer? BufferedBands => _bands;

    private SqliteConnection? _storyReads;

    /// <summary>Whether a batch may look its stories up beside the writer; off, it looks them up in its transaction (tests).</summary>
    internal bool StoriesBeside { get; init; } = true;

    /// <inheritdoc/>
    /// <remarks>
    /// A read-only connection of the store's own, opened on first use: in WAL mode it reads the
    /// last commit while the writer's transaction is open. Its page cache is 4 MB: SQLite drops it
    /// when a commit has changed the file, so once per batch, and most pages a batch's lookups read
    /// are article rows for candidates' signatures, at random in a table of hundreds of MB, which no
    /// cache of this size holds twice. At 100,000 captures 16 MB raised the bench's peak resident
    /// memory by 12-15 MB on one core and 20 MB on two, for no measurable gain in speed (two cores:
    /// 1,619 and 1,703 captures/s against 1,636 and 1,575, lookups 39-43 s either way); at 10,000
    /// it made no difference.
    /// </remarks>
    private protected override StoryReads? BeginBesideReads()
    {
        if (!StoriesBeside) return null;
        if (_storyReads is null)
        {
            _storyReads = OpenSecond(SqliteOpenMode.ReadOnly);
            using var cache = _storyReads.CreateCommand();
            cache.CommandText = "PRAGMA cache_size=-4096;";
            cache.ExecuteNonQuery();
        }
        var tx = _storyReads.BeginTransaction(deferred: true);
        // SQLite's own calls, not ADO.NET's: a batch makes a dozen of these reads per article, and ADO.NET
        // bound every parameter by name again and made a reader for each.
        return StoryReads.Prepare((sql, names) => PrepareRaw(_storyReads, sql, names), null, tx);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// SQLite's <c>data_version</c>: unchanged by this connection's own commits, changed by any other
    /// connection's (another process ingesting into the same file). The store's own second
    /// connections only read, check-point, or write the search file, which is another database.
    /// </remarks>
    private protected override long? OthersWrites(DbTransaction tx) =>
        Convert.ToInt64(Scalar("PRAGMA data_version;", tx), CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    protected override string CaptureSequence => "rowid";

    /// <inheritdoc/>
    /// <remarks>
    /// In the terms of the index <c>captures_pending</c> (migration 10), whose one key is this
    /// condition and which holds only the captures that meet it, in rowid order: the pending
    /// captures are read by seeking in it, not by reading every capture's row, content and all.
    /// </remarks>
    protected override string Unprocessed => "(status <> 'processed') = 1 AND status <> 'processed'";

    /// <inheritdoc/>
    protected override void IndexArticle(DbTransaction tx, string articleId)
    {
        // The search file's indexer reads the row once the batch has committed (SqliteEventStore.Search.cs).
    }

    /// <inheritdoc/>
    protected override void UnindexCapture(DbTransaction tx, string captureId)
    {
        // The delete trigger of migration 8 logs each row's rowid for the search file's indexer.
    }

    /// <inheritdoc/>
    protected override string TextCondition(string parameter) => $"a.rowid IN (SELECT rowid FROM search.articles_fts WHERE articles_fts MATCH {parameter})";

    /// <inheritdoc/>
    protected override string BucketExpr(string dayExpr, SeriesBucket bucket) => bucket switch
    {
        // 'weekday 0' moves to the coming Sunday (or stays on one); six days back is that week's Monday.
        SeriesBucket.Week => $"date({dayExpr}, 'weekday 0', '-6 days')",
        SeriesBucket.Month => $"substr({dayExpr}, 1, 7) || '-01'",
        _ => dayExpr,
    };

    /// <inheritdoc/>
    protected override (string From, string Snippet, string Score) ArticleSearchSql(string parameter) =>
        ($"search.articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH {parameter}",
         $"snippet(articles_fts, -1, '{HitOpen}', '{HitClose}', '…', 24)",
         // bm25() is lower for better matches; negated so that a higher score is better.
         "-bm25(articles_fts)");

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !IsDisposed)
        {
            StopBackground();
            lock (_gate)
            {
                try { Exec("PRAGMA wal_checkpoint(PASSIVE);"); }
                catch (SqliteException) { /* best effort: WAL is replayed on next open */ }
            }
        }
        base.Dispose(disposing);
    }

    private void Migrate()
    {
        int version = SchemaVersion;
        for (int v = version; v < SqliteSchema.Migrations.Length; v++)
        {
            using var tx = _db.BeginTransaction();
            Exec(SqliteSchema.Migrations[v], tx);
            Exec($"PRAGMA user_version={v + 1};", tx);
            tx.Commit();
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private void Exec(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        cmd.ExecuteNonQuery();
    }

    // Each word becomes a quoted FTS5 string, so user text can never be read as query syntax.
    // Characters the tokenizer drops anyway (punctuation, quotes) become spaces inside the quotes,
    // so "U.S." is the phrase "U S" and still matches; a word of punctuation only is left out.
    private static string FtsQuery(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()).Trim())
            .Where(w => w.Length > 0)
            .Take(32)
            .Select(w => "\"" + w + "\""));
}
