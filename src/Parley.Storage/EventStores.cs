namespace Parley.Storage;

/// <summary>Opens the store a <c>--db</c> value names.</summary>
public static class EventStores
{
    /// <summary>
    /// A <see cref="PostgresEventStore"/> for a <c>postgres://</c> URL or a connection string
    /// ("Host=...;Database=..."), else a <see cref="SqliteEventStore"/> on the file.
    /// </summary>
    public static RelationalEventStore Open(string db) =>
        PostgresEventStore.IsPostgres(db) ? new PostgresEventStore(db) : new SqliteEventStore(db);

    /// <summary>True when <paramref name="db"/> names a database that can be read: a server, or a file that exists.</summary>
    public static bool Exists(string db) => PostgresEventStore.IsPostgres(db) || File.Exists(db);
}
