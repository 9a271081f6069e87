using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Parley.Storage;

public sealed partial class SqliteEventStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// The batch writes run as SQLite statements of their own on the store's connection (so in
    /// its transaction): each value is bound once, by position, as it is set, and text goes in
    /// as UTF-16 without a managed copy. Through ADO.NET every run looked up and bound each
    /// parameter by name again and converted every string to a new UTF-8 array: an article or
    /// mention insert has over 20 parameters.
    /// </remarks>
    protected override Statement PrepareWrite(string sql, DbTransaction tx, params string[] names) => new WriteStatement(_db.Handle!, sql, names);

    private sealed class WriteStatement : Statement
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _stmt;
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

        public WriteStatement(sqlite3 db, string sql, string[] names)
        {
            _db = db;
            Check(raw.sqlite3_prepare_v2(db, sql, out _stmt));
            foreach (var n in names)
            {
                int i = raw.sqlite3_bind_parameter_index(_stmt, n);
                if (i == 0) throw new ArgumentException($"the statement has no parameter {n}", nameof(names));
                _index[n] = i;
            }
        }

        public override Statement Set(string name, object? value)
        {
            int i = _index[name];
            Check(value switch
            {
                null or DBNull => raw.sqlite3_bind_null(_stmt, i),
                string text => raw.sqlite3_bind_text16(_stmt, i, text.AsSpan()),
                int n => raw.sqlite3_bind_int64(_stmt, i, n),
                long n => raw.sqlite3_bind_int64(_stmt, i, n),
                double d => raw.sqlite3_bind_double(_stmt, i, d),
                bool b => raw.sqlite3_bind_int64(_stmt, i, b ? 1 : 0),
                byte[] bytes => raw.sqlite3_bind_blob(_stmt, i, bytes),
                _ => throw new ArgumentException($"no SQLite binding for {value.GetType().Name}", nameof(value)),
            });
            return this;
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
