using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Parley.Tests.Support;

/// <summary>Looks into a SQLite file from outside the store that writes it.</summary>
public static class SqliteFile
{
    /// <summary>The single value <paramref name="sql"/> gives, read on a read-only connection of its own.</summary>
    public static long Scalar(string file, string sql)
    {
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> on a writable connection of its own (a test putting a file back as an
    /// earlier schema left it), and lets the file go, so that a store opens it afresh.
    /// </summary>
    public static void Run(string file, string sql)
    {
        using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Each row <paramref name="sql"/> gives, as "column=value" pairs joined by " | ".</summary>
    public static List<string> Rows(string file, string sql)
    {
        var rows = new List<string>();
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read())
            rows.Add(string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => r.GetName(i) + "=" + Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }
}
