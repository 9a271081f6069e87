using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Storage;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// The batch writes run as SQLite statements of their own on the store's connection (so in
    /// its transaction): each value is bound once, by position, as it is set, and text goes in
    /// as UTF-8 through one buffer per statement. Through ADO.NET every run looked up and bound
    /// each parameter by name again and converted every string to a new UTF-8 array: an article
    /// or mention insert has over 20 parameters.
    /// </remarks>
    protected override Statement PrepareWrite(string sql, DbTransaction tx, params string[] names) => new RawStatement(_db.Handle!, sql, names);

    /// <summary>
    /// A statement run through SQLite's own calls on <paramref name="db"/> (so in whatever transaction
    /// that connection has open): the batch writes, and the story lookups' reads beside the writer.
    /// </summary>
    private static Statement PrepareRaw(SqliteConnection db, string sql, string[] names) => new RawStatement(db.Handle!, sql, names);

    private sealed class RawStatement : Statement
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _stmt;
        private readonly string[] _names;
        private readonly int[] _indexes;
        private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);
        private int _next;
        private byte[] _utf8 = new byte[512];

        public RawStatement(sqlite3 db, string sql, string[] names)
        {
            _db = db;
            Check(raw.sqlite3_prepare_v2(db, sql, out _stmt));
            _names = names;
            _indexes = new int[names.Length];
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
            int i = Index(name);
            Check(value switch
            {
                null or DBNull => raw.sqlite3_bind_null(_stmt, i),
                string text => BindText(i, text),
                int n => raw.sqlite3_bind_int64(_stmt, i, n),
                long n => raw.sqlite3_bind_int64(_stmt, i, n),
                double d => raw.sqlite3_bind_double(_stmt, i, d),
                bool b => raw.sqlite3_bind_int64(_stmt, i, b ? 1 : 0),
                byte[] bytes => raw.sqlite3_bind_blob(_stmt, i, bytes),
                _ => throw new ArgumentException($"no SQLite binding for {value.GetType().Name}", nameof(value)),
            });
            return this;
        }

        // The statement's index of a parameter. Callers set the parameters in the order they were
        // named (the names are the same literals), so the next one is found by reference, not hashed.
        private int Index(string name)
        {
            int k = _next;
            if (!ReferenceEquals(_names[k], name)) k = _position[name];
            _next = k + 1 == _names.Length ? 0 : k + 1;
            return _indexes[k];
        }

        // Text goes in as UTF-8, the file's encoding, encoded into a buffer the statement keeps (SQLite
        // copies it): bound as UTF-16, SQLite converted every value itself, a character at a time.
        private int BindText(int i, string text)
        {
            int most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (most > _utf8.Length) _utf8 = new byte[Math.Max(most, 2 * _utf8.Length)];
            int length = Encoding.UTF8.GetBytes(text, _utf8);
            return raw.sqlite3_bind_text(_stmt, i, _utf8.AsSpan(0, length));
        }

        public override int Run()
        {
            int rc = raw.sqlite3_step(_stmt);
            if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                var error = Error(rc);
                raw.sqlite3_reset(_stmt);
                throw error;
            }
            raw.sqlite3_reset(_stmt);
            return raw.sqlite3_changes(_db);
        }

        public override object? Scalar()
        {
            try
            {
                int rc = raw.sqlite3_step(_stmt);
                if (rc == raw.SQLITE_DONE) return null;
                if (rc != raw.SQLITE_ROW) throw Error(rc);
                return raw.sqlite3_column_type(_stmt, 0) switch
                {
                    raw.SQLITE_NULL => null,
                    raw.SQLITE_BLOB => raw.sqlite3_column_blob(_stmt, 0).ToArray(),
                    raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_stmt, 0),
                    raw.SQLITE_FLOAT => raw.sqlite3_column_double(_stmt, 0),
                    _ => Text(0),
                };
            }
            finally
            {
                raw.sqlite3_reset(_stmt);
            }
        }

        public override void AddRowsTo(IReadOnlyList<List<string>> lists)
        {
            try
            {
                int rc;
                while ((rc = raw.sqlite3_step(_stmt)) == raw.SQLITE_ROW)
                    lists[raw.sqlite3_column_int(_stmt, 0)].Add(Text(1));
                if (rc != raw.SQLITE_DONE) throw Error(rc);
            }
            finally
            {
                raw.sqlite3_reset(_stmt);
            }
        }

        private string Text(int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(_stmt, column));

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
}
