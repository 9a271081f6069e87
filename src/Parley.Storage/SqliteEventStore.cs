using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

/// <summary>
/// The default store: one SQLite file in WAL mode, versioned schema, one transaction per
/// batch, FTS5 over headlines and bodies. Safe against a kill at any moment: a batch is
/// either wholly in the file or not at all.
/// </summary>
public sealed partial class SqliteEventStore : IEventStore
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();

    /// <summary>Opens (creating when needed) the database at <paramref name="path"/> and migrates it.</summary>
    public SqliteEventStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _db = new SqliteConnection(builder.ToString());
        _db.Open();
        Exec("PRAGMA journal_mode=WAL;");
        Exec("PRAGMA synchronous=NORMAL;");
        Exec("PRAGMA foreign_keys=ON;");
        Exec("PRAGMA busy_timeout=10000;");
        Migrate();
    }

    /// <summary>Schema version after migration.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);

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

    /// <inheritdoc/>
    public bool IsProcessed(string captureId)
    {
        lock (_gate)
            return Scalar("SELECT status FROM captures WHERE id=$id", null, ("$id", captureId)) is string s && s == "processed";
    }

    /// <inheritdoc/>
    public bool AddCapture(Capture c)
    {
        lock (_gate)
            return InsertCapture(c, null);
    }

    /// <inheritdoc/>
    public int AddCaptures(IReadOnlyList<Capture> captures)
    {
        ArgumentNullException.ThrowIfNull(captures);
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            int added = 0;
            foreach (var c in captures)
                if (InsertCapture(c, tx)) added++;
            tx.Commit();
            return added;
        }
    }

    private bool InsertCapture(Capture c, SqliteTransaction? tx)
    {
        using var cmd = Command("""
            INSERT INTO captures(id, source, url, format, content, fetched_at, charset, added_at)
            VALUES ($id, $source, $url, $format, $content, $fetched, $charset, $added)
            ON CONFLICT(id) DO NOTHING
            """, tx);
        cmd.Parameters.AddWithValue("$id", c.Id);
        cmd.Parameters.AddWithValue("$source", c.Source);
        cmd.Parameters.AddWithValue("$url", (object?)c.Url ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$format", c.Format.ToString().ToLowerInvariant());
        cmd.Parameters.AddWithValue("$content", c.Content);
        cmd.Parameters.AddWithValue("$fetched", (object?)c.FetchedAt?.ToString("o", CultureInfo.InvariantCulture) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$charset", (object?)c.Charset ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$added", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        return cmd.ExecuteNonQuery() == 1;
    }

    /// <inheritdoc/>
    public IEnumerable<Capture> PendingCaptures()
    {
        var list = new List<Capture>();
        lock (_gate)
        {
            using var cmd = Command("SELECT id, source, url, format, content, fetched_at, charset FROM captures WHERE status <> 'processed' ORDER BY added_at, id");
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new Capture(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                    r.GetString(3) == "html" ? CaptureFormat.Html : CaptureFormat.Text, (byte[])r[4],
                    r.IsDBNull(5) ? null : DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture),
                    r.IsDBNull(6) ? null : r.GetString(6)));
        }
        return list;
    }

    /// <inheritdoc/>
    public StoreCounts Counts()
    {
        lock (_gate)
            return new StoreCounts(
                Count("SELECT count(*) FROM captures"),
                Count("SELECT count(*) FROM articles"),
                Count("SELECT count(*) FROM events"),
                Count("SELECT count(*) FROM mentions"),
                Count("SELECT count(*) FROM captures WHERE status='failed'"));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            try { Exec("PRAGMA wal_checkpoint(PASSIVE);"); }
            catch (SqliteException) { /* best effort: WAL is replayed on next open */ }
            _db.Dispose();
        }
    }

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

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

    private object? Scalar(string sql, SqliteTransaction? tx = null, params (string Name, object Value)[] args)
    {
        using var cmd = Command(sql, tx);
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v);
        return cmd.ExecuteScalar();
    }

    private static object Db(string? s) => (object?)s ?? DBNull.Value;

    private static string Iso(DateTimeOffset? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "";
}
