using System.Data.Common;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Storage;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// The batch's statements run as SQLite statements of their own on the store's connection (so in
    /// its transaction): each value is bound once, by position, as it is set, and text goes in
    /// as UTF-8 through one buffer per statement. Through ADO.NET every run looked up and bound
    /// each parameter by name again and converted every string to a new UTF-8 array (an article
    /// or mention insert has over 20 parameters), and made a reader for every read: at 100,000
    /// captures the writer reads some 400,000 times (whether a capture has articles yet, 293,000
    /// stretches of mentions to re-cluster, 13,000 events' mentions).
    /// </remarks>
    protected override Statement PrepareBatch(string sql, DbTransaction tx, params string[] names) => PrepareRaw(_db, sql, names);

    /// <summary>
    /// A statement run through SQLite's own calls on <paramref name="db"/> (so in whatever transaction
    /// that connection has open): the batch's statements, and the story lookups' reads beside the writer.
    /// </summary>
    private static Statement PrepareRaw(SqliteConnection db, string sql, string[] names) => new RawStatement(db.Handle!, sql, names);

    /// <inheritdoc/>
    /// <remarks>
    /// By primary key: an article's id is its capture's id, "-" and its place, so a capture's
    /// articles are the ids from "<c>@c</c>-" up to "<c>@c</c>." (the next character), bytewise as
    /// SQLite compares text; <c>capture_id</c> is still checked, for a capture whose id begins with
    /// another's and a dash. The store keeps no index by capture (migration 9).
    /// </remarks>
    private protected override string CaptureArticles(string articles) =>
        $"{articles}.id >= @c || '-' AND {articles}.id < @c || '.' AND {articles}.capture_id=@c";

    /// <inheritdoc/>
    private protected override string ArticleKeyColumn => "rowid";

    /// <inheritdoc/>
    private protected override string MentionArticleColumn => "article_row";

    /// <inheritdoc/>
    private protected override long InsertedRow(Statement insert) => ((RawStatement)insert).InsertedRow;

    /// <remarks>
    /// The statement is driven through SQLite's own functions with its raw handle (<see cref="Native"/>),
    /// held from prepare to dispose, while the connection that prepared it stays open. SQLitePCL's
    /// wrappers took the handle as a SafeHandle, counted up and down on every call, through an
    /// interface: a mention insert makes some thirty calls, and at 100,000 captures the counting,
    /// the dispatch and the boxing of numbers for the untyped setter were an eighth of the writer's time.
    /// </remarks>
    private sealed class RawStatement : Statement, IRow
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _stmt;
        private readonly IntPtr _handle;
        private readonly IntPtr _dbHandle;
        private readonly string[] _names;
        private readonly int[] _indexes;
        private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);
        private int _next;

        // Each parameter's text as UTF-8, in a buffer of its own that the collector never moves (SQLite
        // reads it where it lies when the statement runs, until the parameter is bound again).
        private readonly byte[]?[] _text;

        public RawStatement(sqlite3 db, string sql, string[] names)
        {
            _db = db;
            Check(raw.sqlite3_prepare_v2(db, sql, out _stmt));
            _handle = _stmt.DangerousGetHandle();
            _dbHandle = db.DangerousGetHandle();
            _names = names;
            _indexes = new int[names.Length];
            _text = new byte[]?[names.Length];
            for (int k = 0; k < names.Length; k++)
            {
                int i = raw.sqlite3_bind_parameter_index(_stmt, names[k]);
                if (i == 0) throw new ArgumentException($"the statement has no parameter {names[k]}", nameof(names));
                _indexes[k] = i;
                _position[names[k]] = k;
            }
        }

        public override Statement Set(string name, object? value)
        {
            switch (value)
            {
                case null or DBNull: Check(Native.BindNull(_handle, Index(name))); break;
                case string text: return Set(name, text);
                case int n: return Set(name, (long)n);
                case long n: return Set(name, n);
                case double d: return Set(name, d);
                case bool b: return Set(name, b ? 1L : 0L);
                case byte[] bytes: Check(raw.sqlite3_bind_blob(_stmt, Index(name), bytes)); break;
                default: throw new ArgumentException($"no SQLite binding for {value.GetType().Name}", nameof(value));
            }
            return this;
        }

        public override Statement Set(string name, string? value)
        {
            int k = Slot(name);
            Check(value is null ? Native.BindNull(_handle, _indexes[k]) : BindText(k, value));
            return this;
        }

        public override Statement Set(string name, int value) => Set(name, (long)value);

        public override Statement Set(string name, long value)
        {
            Check(Native.BindInt64(_handle, Index(name), value));
            return this;
        }

        public override Statement Set(string name, double value)
        {
            Check(Native.BindDouble(_handle, Index(name), value));
            return this;
        }

        // The statement's index of a parameter.
        private int Index(string name) => _indexes[Slot(name)];

        // The place of a parameter among the statement's names. Callers set the parameters in the order
        // they were named (the names are the same literals), so the next one is found by reference, not hashed.
        private int Slot(string name)
        {
            int k = _next;
            if (!ReferenceEquals(_names[k], name)) k = _position[name];
            _next = k + 1 == _names.Length ? 0 : k + 1;
            return k;
        }

        // Text goes in as UTF-8, the file's encoding (bound as UTF-16, SQLite converted every value
        // itself, a character at a time), encoded into the parameter's own pinned buffer and bound
        // where it lies (SQLITE_STATIC): bound as a copy, SQLite allocated, copied and freed every
        // value again, some hundred a capture, the allocator's lock each time.
        private int BindText(int k, string text)
        {
            int most = Encoding.UTF8.GetMaxByteCount(text.Length);
            var buffer = _text[k];
            if (buffer is null || most > buffer.Length)
                _text[k] = buffer = GC.AllocateUninitializedArray<byte>(Math.Max(most, buffer is null ? 64 : 2 * buffer.Length), pinned: true);
            int length = Encoding.UTF8.GetBytes(text, buffer);
            return Native.BindText(_handle, _indexes[k], ref MemoryMarshal.GetArrayDataReference(buffer), length, Native.Static);
        }

        /// <summary>The rowid of the connection's last insert.</summary>
        public long InsertedRow => Native.LastInsertRowid(_dbHandle);

        public override int Run()
        {
            int rc = Native.Step(_handle);
            if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                var error = Error(rc);
                Native.Reset(_handle);
                throw error;
            }
            Native.Reset(_handle);
            return Native.Changes(_dbHandle);
        }

        public override object? Scalar()
        {
            try
            {
                int rc = Native.Step(_handle);
                if (rc == raw.SQLITE_DONE) return null;
                if (rc != raw.SQLITE_ROW) throw Error(rc);
                return Native.ColumnType(_handle, 0) switch
                {
                    raw.SQLITE_NULL => null,
                    raw.SQLITE_BLOB => GetBytes(0),
                    raw.SQLITE_INTEGER => Native.ColumnInt64(_handle, 0),
                    raw.SQLITE_FLOAT => Native.ColumnDouble(_handle, 0),
                    _ => Text(0),
                };
            }
            finally
            {
                Native.Reset(_handle);
            }
        }

        public override IEnumerable<IRow> Rows()
        {
            try
            {
                int rc;
                while ((rc = Native.Step(_handle)) == raw.SQLITE_ROW) yield return this;
                if (rc != raw.SQLITE_DONE) throw Error(rc);
            }
            finally
            {
                Native.Reset(_handle);
            }
        }

        public bool IsDBNull(int column) => Native.ColumnType(_handle, column) == raw.SQLITE_NULL;

        public long GetInt64(int column) => Native.ColumnInt64(_handle, column);

        public int GetInt32(int column) => checked((int)Native.ColumnInt64(_handle, column));

        public double GetDouble(int column) => Native.ColumnDouble(_handle, column);

        public string GetString(int column) => Text(column);

        public byte[] GetBytes(int column)
        {
            IntPtr data = Native.ColumnBlob(_handle, column);
            var bytes = new byte[Native.ColumnBytes(_handle, column)];
            if (bytes.Length > 0) Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }

        // A text column as SQLite stores it, UTF-8 (the pointer first, then its length, as SQLite asks).
        private string Text(int column)
        {
            IntPtr data = Native.ColumnText(_handle, column);
            int length = Native.ColumnBytes(_handle, column);
            return length == 0 ? "" : Marshal.PtrToStringUTF8(data, length);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _stmt.Dispose();
            base.Dispose(disposing);
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK) throw Error(rc);
        }

        private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
    }

    // SQLite's functions that RawStatement calls for every value and step, from the library SQLitePCL
    // loads: the bundle's native asset, which the runtime finds by name as it does for SQLitePCL's own
    // imports. Plain types only (handles as pointers, text as a pinned UTF-8 buffer), so the calls
    // need no marshalling.
    private static class Native
    {
        private const string Library = "e_sqlite3";

        // SQLITE_STATIC: SQLite reads the bound text where it lies, until it is bound again or the
        // statement is finalised; the caller keeps it there (RawStatement's pinned buffers).
        public static readonly IntPtr Static = IntPtr.Zero;

        [DllImport(Library, EntryPoint = "sqlite3_bind_null", ExactSpelling = true)]
        public static extern int BindNull(IntPtr stmt, int index);

        [DllImport(Library, EntryPoint = "sqlite3_bind_int64", ExactSpelling = true)]
        public static extern int BindInt64(IntPtr stmt, int index, long value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_double", ExactSpelling = true)]
        public static extern int BindDouble(IntPtr stmt, int index, double value);

        [DllImport(Library, EntryPoint = "sqlite3_bind_text", ExactSpelling = true)]
        public static extern int BindText(IntPtr stmt, int index, ref byte text, int length, IntPtr destructor);

        [DllImport(Library, EntryPoint = "sqlite3_step", ExactSpelling = true)]
        public static extern int Step(IntPtr stmt);

        [DllImport(Library, EntryPoint = "sqlite3_reset", ExactSpelling = true)]
        public static extern int Reset(IntPtr stmt);

        [DllImport(Library, EntryPoint = "sqlite3_last_insert_rowid", ExactSpelling = true)]
        public static extern long LastInsertRowid(IntPtr db);

        [DllImport(Library, EntryPoint = "sqlite3_changes", ExactSpelling = true)]
        public static extern int Changes(IntPtr db);

        [DllImport(Library, EntryPoint = "sqlite3_column_type", ExactSpelling = true)]
        public static extern int ColumnType(IntPtr stmt, int column);

        [DllImport(Library, EntryPoint = "sqlite3_column_int64", ExactSpelling = true)]
        public static extern long ColumnInt64(IntPtr stmt, int column);

        [DllImport(Library, EntryPoint = "sqlite3_column_double", ExactSpelling = true)]
        public static extern double ColumnDouble(IntPtr stmt, int column);

        [DllImport(Library, EntryPoint = "sqlite3_column_text", ExactSpelling = true)]
        public static extern IntPtr ColumnText(IntPtr stmt, int column);

        [DllImport(Library, EntryPoint = "sqlite3_column_blob", ExactSpelling = true)]
        public static extern IntPtr ColumnBlob(IntPtr stmt, int column);

        [DllImport(Library, EntryPoint = "sqlite3_column_bytes", ExactSpelling = true)]
        public static extern int ColumnBytes(IntPtr stmt, int column);
    }
}
