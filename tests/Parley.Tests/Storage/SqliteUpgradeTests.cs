using FluentAssertions;
using Microsoft.Data.Sqlite;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>A file written by an earlier schema opens, migrates and keeps what it held.</summary>
public sealed class SqliteUpgradeTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FileWithTheUnstemmedIndex_IsReindexed_AndFindsOtherFormsOfAWord()
    {
        string file = Path.Combine(_dir.Path, "old.db");
        long events;
        using (var store = new SqliteEventStore(file))
        {
            new IngestService(store, DictionarySet.Default).Ingest([Path.Combine(Repo.Inputs, "consolidation", "phone-calls.jsonl")], new Diagnostics());
            events = store.Counts().Events;
        }
        // Put the file back as schema 3 left it: the full-text index without stemming.
        using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                DROP TABLE articles_fts;
                CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles', content_rowid='rowid');
                INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
                PRAGMA user_version=3;
                """;
            cmd.ExecuteNonQuery();
            cmd.CommandText = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"launches\"'";
            Convert.ToInt32(cmd.ExecuteScalar()).Should().Be(0, "the old index matches words as written");
        }

        using var upgraded = new SqliteEventStore(file);
        upgraded.SchemaVersion.Should().BeGreaterThan(3);
        upgraded.Counts().Events.Should().Be(events);
        upgraded.SearchArticles("launches", 10, 0).Total.Should().Be(1);
        upgraded.IntegrityCheck().Should().Be("ok");
    }
}
