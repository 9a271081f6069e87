using Microsoft.Data.Sqlite;

namespace Parley.Storage;

public sealed partial class SqliteEventStore
{
    private readonly string _path;
    private readonly Lock _readGate = new();
    private SqliteConnection? _reads;
    private SqliteCommand? _processedRead;
    private Thread? _checkpointer;
    private readonly SemaphoreSlim _checkpointDue = new(0);
    private int _batchesSinceCheckpoint;
    private volatile bool _stopping;

    /// <summary>Batches written between two checkpoints of the background checkpointer.</summary>
    internal const int CheckpointEvery = 4;

    /// <inheritdoc/>
    /// <remarks>
    /// Asked once for every capture read, while the batch writer may hold the store's connection
    /// for a whole batch: it runs on a read-only connection of its own (in WAL mode a reader never
    /// waits for the writer), so the reader keeps the workers fed during a write. A capture being
    /// written is still in flight, so a read just before its commit cannot miss it.
    /// </remarks>
    public override bool IsProcessed(string captureId)
    {
        lock (_readGate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (_processedRead is null)
            {
                _reads = OpenSecond(SqliteOpenMode.ReadOnly);
                _processedRead = _reads.CreateCommand();
                _processedRead.CommandText = "SELECT status FROM captures WHERE id=@id";
                _processedRead.Parameters.Add(new SqliteParameter("@id", ""));
            }
            _processedRead.Parameters[0].Value = captureId;
            return _processedRead.ExecuteScalar() is string s && s == "processed";
        }
    }

    /// <summary>
    /// After each committed batch: the search index catches up on its own thread (see
    /// SqliteEventStore.Search.cs), and every <see cref="CheckpointEvery"/> batches the WAL is copied back
    /// into the database by a thread of its own with its own connection (a passive checkpoint,
    /// which never blocks the writer), so the copy and its fsync leave the single writer's thread.
    /// </summary>
    private protected override void BatchCommitted()
    {
        SignalIndexer();
        if (++_batchesSinceCheckpoint < CheckpointEvery) return;
        _batchesSinceCheckpoint = 0;
        if (_checkpointer is null)
        {
            _checkpointer = new Thread(CheckpointLoop) { IsBackground = true, Name = "SQLite checkpoint" };
            _checkpointer.Start();
        }
        _checkpointDue.Release();
    }

    private void CheckpointLoop()
    {
        using var db = OpenSecond(SqliteOpenMode.ReadWrite);
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        while (true)
        {
            _checkpointDue.Wait();
            if (_stopping) return;
            // Drain signals that came while the last checkpoint ran: one checkpoint covers them all.
            while (_checkpointDue.CurrentCount > 0) _checkpointDue.Wait(0);
            try { cmd.ExecuteNonQuery(); }
            catch (SqliteException) { /* busy or locked: the next one, or the writer's own at 65,536 pages, catches up */ }
        }
    }

    private SqliteConnection OpenSecond(SqliteOpenMode mode) => OpenSecond(_path, mode);

    private static SqliteConnection OpenSecond(string path, SqliteOpenMode mode)
    {
        var db = Open(path, mode);
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout=10000;";
        cmd.ExecuteNonQuery();
        return db;
    }

    private void StopBackground()
    {
        _stopping = true;
        if (_checkpointer is { } t)
        {
            _checkpointDue.Release();
            t.Join();
        }
        StopIndexer();
        lock (_readGate)
        {
            _processedRead?.Dispose();
            _reads?.Dispose();
        }
        lock (_gate) _storyReads?.Dispose();
    }
}
