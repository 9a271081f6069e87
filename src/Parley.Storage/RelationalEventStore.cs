using System.Data.Common;
using System.Globalization;

namespace Parley.Storage;

/// <summary>
/// What the SQLite and PostgreSQL stores share: one connection, one transaction per batch,
/// mentions as the truth and events recomputed from them, captures streamed in pages. The
/// SQL here is the common dialect of both (named <c>@</c> parameters, <c>ON CONFLICT</c>
/// upserts); each store supplies its schema and its full-text search.
/// </summary>
public abstract partial class RelationalEventStore : IEventStore
{
    /// <summary>Captures read per page by <see cref="PendingCaptures"/>: bounded memory whatever the backlog.</summary>
    public const int CapturePage = 128;

    /// <summary>Serialises use of the one connection (ingest writer, API readers).</summary>
    protected readonly Lock _gate = new();

    private readonly DbConnection _conn;
    private bool _disposed;

    /// <summary>Wraps an open connection whose schema is current.</summary>
    protected RelationalEventStore(DbConnection connection) => _conn = connection;

    /// <summary>The captures column that grows with insertion order ("rowid" in SQLite).</summary>
    protected abstract string CaptureSequence { get; }

    /// <summary>The case-insensitive LIKE operator of the dialect.</summary>
    protected virtual string ILike => "LIKE";

    /// <summary>Adds an article (already inserted) to the full-text index.</summary>
    protected abstract void IndexArticle(DbTransaction tx, string articleId);

    /// <summary>Removes a capture's articles (still present) from the full-text index.</summary>
    protected abstract void UnindexCapture(DbTransaction tx, string captureId);

    /// <summary>A condition on the article alias <c>a</c> that is true when it contains the words of <paramref name="parameter"/>.</summary>
    protected abstract string TextCondition(string parameter);

    /// <summary>
    /// The value bound to the <see cref="TextCondition"/> parameter for user text: every word a
    /// literal term, never query syntax; empty when the text holds no searchable word. Called
    /// under the store's lock, just before a query that uses <see cref="TextCondition"/>.
    /// </summary>
    protected abstract string TextQuery(string text);

    /// <summary>
    /// A condition on <c>captures</c> that a capture must meet to be pending for a plain ingest
    /// (empty: every unprocessed capture is); a job queue keeps its captures for its workers.
    /// </summary>
    protected virtual string PendingCondition => "";

    /// <summary>The condition a capture not yet processed (stored or failed) meets, as the store's indexes can find it.</summary>
    protected virtual string Unprocessed => "status <> 'processed'";

    /// <summary>
    /// The condition that selects the articles of the capture <c>@c</c>, the articles table named
    /// <paramref name="articles"/>; by default its <c>capture_id</c>.
    /// </summary>
    private protected virtual string CaptureArticles(string articles) => $"{articles}.capture_id=@c";

    /// <summary>The articles column a mention's <see cref="MentionArticleColumn"/> holds: by default the article id.</summary>
    private protected virtual string ArticleKeyColumn => "id";

    /// <summary>
    /// The mentions column that finds an article's mentions through an index, equal to the article's
    /// <see cref="ArticleKeyColumn"/>: by default <c>article_id</c>. When it is another column, the
    /// batch writer sets it from <see cref="InsertedRow"/> of the article's insert as <c>@arow</c>.
    /// </summary>
    private protected virtual string MentionArticleColumn => "article_id";

    /// <summary>The rowid of the row the statement last inserted, where <see cref="MentionArticleColumn"/> needs it.</summary>
    private protected virtual long InsertedRow(Statement insert) => throw new NotSupportedException();

    // An article (alias a) and its mentions (alias m).
    private string MentionOfArticle => $"m.{MentionArticleColumn} = a.{ArticleKeyColumn}";

    // Whether mentions carry their article's rowid as well as its id.
    private bool MentionsCarryRow => MentionArticleColumn != "article_id";

    /// <summary>
    /// Called first in a batch's transaction: returns the captures to write. A store whose
    /// batches are claimed from a job queue keeps only those whose lease is still the writer's
    /// and records their jobs' outcome in the same transaction; by default the whole batch.
    /// </summary>
    protected virtual IReadOnlyList<ProcessedCapture> FenceBatch(DbTransaction tx, IReadOnlyList<ProcessedCapture> batch) => batch;

    /// <summary>
    /// Called before a batch re-clusters its event groups: a store shared by concurrent writers
    /// takes a transaction lock on each group key here, so that two batches never re-cluster one
    /// group at once; nothing by default (one writer per store).
    /// </summary>
    protected virtual void LockGroups(DbTransaction tx, IEnumerable<string> groupKeys)
    {
    }

    // Asked once per capture read: prepared once per store instead of once per call.
    private DbCommand? _isProcessed;

    /// <inheritdoc/>
    public virtual bool IsProcessed(string captureId)
    {
        lock (_gate)
        {
            if (_isProcessed is null)
            {
                _isProcessed = Cmd("SELECT status FROM captures WHERE id=@id");
                Add(_isProcessed, "@id", null);
            }
            _isProcessed.Parameters[0].Value = captureId;
            return _isProcessed.ExecuteScalar() is string s && s == "processed";
        }
    }

    /// <inheritdoc/>
    public bool AddCapture(Capture c)
    {
        ArgumentNullException.ThrowIfNull(c);
        lock (_gate)
            return InsertCapture(c, null);
    }

    // Raw stores waiting for the lock: a batch write lets them go first (see SaveBatch).
    private int _capturesWaiting;

    /// <inheritdoc/>
    public int AddCaptures(IReadOnlyList<Capture> captures)
    {
        ArgumentNullException.ThrowIfNull(captures);
        Interlocked.Increment(ref _capturesWaiting);
        lock (_gate)
        {
            Interlocked.Decrement(ref _capturesWaiting);
            using var tx = Begin();
            bool track = SeeOthersWrites(tx);
            using var insert = PrepareBatch(InsertCaptureSql, tx, InsertCaptureParams);
            var added = new List<string>();
            foreach (var c in captures)
                if (BindCapture(insert, c).Run() == 1) added.Add(c.Id);
            tx.Commit();
            if (track) _storedHere.UnionWith(added);
            return added.Count;
        }
    }

    // Captures this store inserted itself and has written no batch for since: a capture row just made
    // has no articles (an article's capture must exist), so the batch writer need not look for any to
    // replace. Valid only while no other connection has written (SeeOthersWrites); at most the
    // captures in flight, as each batch removes its own.
    private readonly HashSet<string> _storedHere = new(StringComparer.Ordinal);
    private long? _writesSeen;

    /// <summary>
    /// A number that changes when another connection commits to the store (SQLite's
    /// <c>data_version</c>), read in <paramref name="tx"/>; null when the store cannot tell, and then
    /// every capture's stored articles are looked for.
    /// </summary>
    private protected virtual long? OthersWrites(DbTransaction tx) => null;

    // True when the captures in _storedHere are still known to have no articles (and _groupSpans to
    // hold every stored mention); forgets both otherwise.
    private bool SeeOthersWrites(DbTransaction tx)
    {
        long? seen = OthersWrites(tx);
        if (seen is null || seen != _writesSeen)
        {
            _storedHere.Clear();
            _groupSpans = null;
        }
        _writesSeen = seen;
        return seen is not null;
    }

    // The groups and spans of days of the stored mentions, to skip re-clustering reads that would find
    // nothing (GroupSpans); built from the store at a batch, kept up to date by the batch writer, and
    // null whenever another connection may have written mentions it does not hold.
    private GroupSpans? _groupSpans;

    // Every stored dated mention's group and day, read once per store (or after another connection wrote);
    // null for a store with more than GroupSpansLimit of them, where the filter would rule little out
    // for the time its reading takes (then this store does not try again).
    private GroupSpans? LoadGroupSpans(DbTransaction tx)
    {
        var spans = new GroupSpans();
        int n = 0;
        using var all = PrepareBatch("SELECT group_key, date FROM mentions WHERE date IS NOT NULL", tx);
        foreach (var r in all.Rows())
        {
            if (++n > GroupSpansLimit)
            {
                _groupSpansTooMany = true;
                return null;
            }
            if (ParseDay(r.GetString(1)) is { } day) spans.Add(r.GetString(0), day);
        }
        return spans;
    }

    private bool _groupSpansTooMany;

    /// <summary>The most stored mentions read into the re-clustering filter (<see cref="GroupSpans.MostPairs"/>; tests set fewer).</summary>
    internal int GroupSpansLimit { get; init; } = GroupSpans.MostPairs;

    private bool InsertCapture(Capture c, DbTransaction? tx)
    {
        using var insert = new Statement(Cmd(InsertCaptureSql, tx), InsertCaptureParams);
        return BindCapture(insert, c).Run() == 1;
    }

    private const string InsertCaptureSql = """
        INSERT INTO captures(id, source, url, format, content, fetched_at, charset, added_at)
        VALUES (@id, @source, @url, @format, @content, @fetched, @charset, @added)
        ON CONFLICT(id) DO NOTHING
        """;

    private static readonly string[] InsertCaptureParams = ["@id", "@source", "@url", "@format", "@content", "@fetched", "@charset", "@added"];

    private static Statement BindCapture(Statement insert, Capture c) => insert
        .Set("@id", c.Id).Set("@source", c.Source).Set("@url", c.Url).Set("@format", c.Format.ToString().ToLowerInvariant())
        .Set("@content", c.Content).Set("@fetched", c.FetchedAt?.ToString("o", CultureInfo.InvariantCulture)).Set("@charset", c.Charset)
        .Set("@added", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    /// <remarks>
    /// The set is fixed when this method is called (captures stored later are not returned) and
    /// read in pages of <see cref="CapturePage"/>, so a backlog of any size needs little memory.
    /// </remarks>
    public IEnumerable<Capture> PendingCaptures()
    {
        long last;
        lock (_gate)
            last = Scalar($"SELECT max({CaptureSequence}) FROM captures") is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
        return Pages(last);
    }

    /// <summary>One page of the pending captures: those after <c>@after</c> up to <c>@last</c> in store order.</summary>
    internal string PendingPageSql => $"""
        SELECT {CaptureSequence}, {CaptureColumns} FROM captures
        WHERE {Unprocessed} AND {CaptureSequence} > @after AND {CaptureSequence} <= @last {PendingCondition}
        ORDER BY {CaptureSequence} LIMIT {CapturePage}
        """;

    /// <summary>The count of failed captures, as <see cref="Counts"/> reads it.</summary>
    internal string FailedCountSql => $"SELECT count(*) FROM captures WHERE {Unprocessed} AND status='failed'";

    private IEnumerable<Capture> Pages(long last)
    {
        long after = long.MinValue;
        while (true)
        {
            var page = new List<(long Seq, Capture Capture)>(CapturePage);
            lock (_gate)
            {
                using var cmd = Cmd(PendingPageSql);
                Add(cmd, "@after", after);
                Add(cmd, "@last", last);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    page.Add((r.GetInt64(0), ReadCapture(r, 1)));
            }
            foreach (var (_, capture) in page) yield return capture;
            if (page.Count < CapturePage) yield break;
            after = page[^1].Seq;
        }
    }

    /// <summary>The capture columns <see cref="ReadCapture"/> reads, in order.</summary>
    private protected const string CaptureColumns = "id, source, url, format, content, fetched_at, charset";

    /// <summary>A stored capture from the <see cref="CaptureColumns"/> that start at column <paramref name="first"/>.</summary>
    private protected static Capture ReadCapture(DbDataReader r, int first) =>
        new(r.GetString(first), r.GetString(first + 1), Str(r, first + 2),
            r.GetString(first + 3) == "html" ? CaptureFormat.Html : CaptureFormat.Text, (byte[])r[first + 4],
            Str(r, first + 5) is { } fetched ? DateTimeOffset.Parse(fetched, CultureInfo.InvariantCulture) : null,
            Str(r, first + 6));

    /// <inheritdoc/>
    public StoreCounts Counts()
    {
        lock (_gate)
            return new StoreCounts(
                Count("SELECT count(*) FROM captures"),
                Count("SELECT count(*) FROM articles"),
                Count("SELECT count(*) FROM events"),
                Count("SELECT count(*) FROM mentions"),
                Count(FailedCountSql));
    }

    /// <summary>Number of story groups among the stored articles.</summary>
    public long StoryCount()
    {
        lock (_gate) return Count("SELECT count(DISTINCT story_id) FROM articles");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>True once the store is disposed.</summary>
    protected bool IsDisposed => _disposed;

    /// <summary>Closes the connection; a second call does nothing.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _isProcessed?.Dispose();
            _conn.Dispose();
        }
    }

    /// <summary>A command in <paramref name="tx"/> on its connection, else on the store's connection.</summary>
    protected DbCommand Cmd(string sql, DbTransaction? tx = null)
    {
        var cmd = (tx?.Connection ?? _conn).CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    /// <summary>Runs <paramref name="sql"/>.</summary>
    protected int Run(string sql, DbTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        using var cmd = Cmd(sql, tx);
        foreach (var (n, v) in args) Add(cmd, n, v);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null.</summary>
    protected object? Scalar(string sql, DbTransaction? tx = null, params (string Name, object? Value)[] args)
    {
        using var cmd = Cmd(sql, tx);
        foreach (var (n, v) in args) Add(cmd, n, v);
        return cmd.ExecuteScalar();
    }

    /// <summary>A count query's result.</summary>
    protected long Count(string sql, DbTransaction? tx = null) => Convert.ToInt64(Scalar(sql, tx), CultureInfo.InvariantCulture);

    /// <summary>Begins a transaction on the store's connection.</summary>
    protected virtual DbTransaction Begin() => _conn.BeginTransaction();

    /// <inheritdoc/>
    public virtual void Settle()
    {
    }

    /// <summary>Binds a parameter; null binds SQL NULL.</summary>
    protected internal static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>A command to run many times with new values for its named parameters.</summary>
    protected Statement Prepare(string sql, DbTransaction tx, params string[] names) => new(Cmd(sql, tx), names);

    /// <summary>
    /// A statement run many times in one transaction, to write (<see cref="Statement.Run"/>) or to read
    /// (<see cref="Statement.Rows"/>, <see cref="Statement.Scalar"/>): a store may run it on a path
    /// faster than its ADO.NET command, which then has none (<see cref="Statement.Command"/>).
    /// </summary>
    protected virtual Statement PrepareBatch(string sql, DbTransaction tx, params string[] names) => Prepare(sql, tx, names);

    /// <summary>The current row of a statement being read: its columns by position.</summary>
    protected interface IRow
    {
        /// <summary>True when the column is NULL.</summary>
        bool IsDBNull(int column);

        /// <summary>An integer column.</summary>
        long GetInt64(int column);

        /// <summary>An integer column that fits 32 bits.</summary>
        int GetInt32(int column);

        /// <summary>A real column.</summary>
        double GetDouble(int column);

        /// <summary>A text column.</summary>
        string GetString(int column);

        /// <summary>A blob column.</summary>
        byte[] GetBytes(int column);
    }

    // A row of an ADO.NET reader.
    private sealed class ReaderRow(DbDataReader r) : IRow
    {
        public bool IsDBNull(int column) => r.IsDBNull(column);

        public long GetInt64(int column) => r.GetInt64(column);

        public int GetInt32(int column) => r.GetInt32(column);

        public double GetDouble(int column) => r.GetDouble(column);

        public string GetString(int column) => r.GetString(column);

        public byte[] GetBytes(int column) => (byte[])r[column];
    }

    /// <summary>A reusable command and its parameters by name.</summary>
    protected class Statement : IDisposable
    {
        private readonly Dictionary<string, DbParameter> _params = new(StringComparer.Ordinal);
        private readonly DbCommand? _command;

        internal Statement(DbCommand cmd, string[] names)
        {
            _command = cmd;
            foreach (var n in names)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = n;
                p.Value = DBNull.Value;
                cmd.Parameters.Add(p);
                _params[n] = p;
            }
        }

        /// <summary>For a store's own statement (<see cref="PrepareBatch"/>), which has no ADO.NET command.</summary>
        protected Statement()
        {
        }

        /// <summary>The command, to read with.</summary>
        public DbCommand Command => _command ?? throw new InvalidOperationException("a store's own statement has no ADO.NET command");

        /// <summary>Sets a parameter; null sets SQL NULL.</summary>
        public virtual Statement Set(string name, object? value)
        {
            _params[name].Value = value ?? DBNull.Value;
            return this;
        }

        /// <summary>Sets a text parameter; null sets SQL NULL.</summary>
        /// <remarks>The typed setters let a store bind without boxing; by default they set the value as an object.</remarks>
        public virtual Statement Set(string name, string? value) => Set(name, (object?)value);

        /// <summary>Sets an integer parameter.</summary>
        public virtual Statement Set(string name, int value) => Set(name, (object)value);

        /// <summary>Sets an integer parameter.</summary>
        public virtual Statement Set(string name, long value) => Set(name, (object)value);

        /// <summary>Sets a real parameter.</summary>
        public virtual Statement Set(string name, double value) => Set(name, (object)value);

        /// <summary>Runs the command; the number of rows changed.</summary>
        public virtual int Run() => Command.ExecuteNonQuery();

        /// <summary>The first column of the first row (text or bytes), or null when there is no row or it is NULL.</summary>
        public virtual object? Scalar() => Command.ExecuteScalar() is { } v and not DBNull ? v : null;

        /// <summary>
        /// Runs the query and yields each row in turn (the same object, moved on at each step); the
        /// query ends when the loop does, so no other statement of the connection runs inside it.
        /// </summary>
        public virtual IEnumerable<IRow> Rows()
        {
            using var r = Command.ExecuteReader();
            var row = new ReaderRow(r);
            while (r.Read()) yield return row;
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases the command.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing) _command?.Dispose();
        }
    }

    /// <summary>A date as stored: YYYY-MM-DD.</summary>
    protected static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A time as stored: ISO 8601 with its offset.</summary>
    protected static string? Iso(DateTimeOffset? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A stored ISO time read back.</summary>
    protected static DateTimeOffset? ParseIso(string? s) =>
        s is { Length: > 0 } && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A stored date read back.</summary>
    protected static DateOnly? ParseDay(string? s) =>
        s is { Length: 10 } && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A nullable string column.</summary>
    protected static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>A nullable string column of a statement's row.</summary>
    protected static string? Str(IRow r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
