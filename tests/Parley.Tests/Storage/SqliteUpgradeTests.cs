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
    public void FileWithTheIndexInside_MovesItToTheSearchFile_AndFindsOtherFormsOfAWord()
    {
        string file = Path.Combine(_dir.Path, "old.db");
        long events;
        using (var store = new SqliteEventStore(file))
        {
            new IngestService(store, DictionarySet.Default).Ingest([Path.Combine(Repo.Inputs, "consolidation", "phone-calls.jsonl")], new Diagnostics());
            events = store.Counts().Events;
        }
        // Put the file back as schema 7 left it: the stemmed full-text index inside the database,
        // kept by triggers, and no search file.
        SqliteFile.Run(file, AsSchema8 + """
                DROP TRIGGER articles_search_delete;
                DROP TRIGGER articles_search_update;
                DROP TABLE search_removed;
                DROP TABLE search_link;
                CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, content='articles', content_rowid='rowid',
                    tokenize='porter unicode61 remove_diacritics 2');
                INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO articles_fts(rowid, headline, body) VALUES (new.rowid, coalesce(new.headline,''), new.body);
                END;
                PRAGMA user_version=7;
                """);
        foreach (var f in SqliteEventStore.SearchFilesOf(file)) File.Delete(f);

        using var upgraded = new SqliteEventStore(file);
        upgraded.SchemaVersion.Should().BeGreaterThan(7);
        upgraded.Counts().Events.Should().Be(events);
        upgraded.SearchArticles("launches", 10, 0).Total.Should().Be(1, "the search file is built from the stored articles, stemmed");
        File.Exists(SqliteEventStore.SearchPathOf(file)).Should().BeTrue();
        upgraded.IntegrityCheck().Should().Be("ok");
        SqliteFile.Scalar(file, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'articles_fts%'").Should().Be(0, "the index inside the database is gone");
    }

    // What migration 10 changed, undone: the captures not yet processed found through the index by status.
    private const string AsSchema9 = """
        DROP INDEX captures_pending;
        CREATE INDEX captures_status ON captures(status);
        PRAGMA user_version=9;
        """;

    // What migrations 10 and 9 changed, undone: mentions without their article's rowid, and the two indexes by id.
    private const string AsSchema8 = AsSchema9 + """
        DROP INDEX mentions_article_row;
        ALTER TABLE mentions DROP COLUMN article_row;
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE INDEX articles_capture ON articles(capture_id);
        PRAGMA user_version=8;
        """;

    [Fact]
    public void FileOfSchema8_GivesEachMentionItsArticlesRow_AndDropsTheIndexesById()
    {
        string file = Path.Combine(_dir.Path, "v8.db");
        using (var store = new SqliteEventStore(file))
            new IngestService(store, DictionarySet.Default).Ingest([Path.Combine(Repo.Inputs, "consolidation", "phone-calls.jsonl")], new Diagnostics());
        const string Kept = "SELECT id, event_id, article_id, sentence_index, cameo, confidence FROM mentions ORDER BY id";
        var before = SqliteFile.Rows(file, Kept);
        before.Should().NotBeEmpty();
        SqliteFile.Run(file, AsSchema8);
        SqliteFile.Rows(file, "SELECT * FROM mentions ORDER BY id").Should().OnlyContain(r => !r.Contains("article_row", StringComparison.Ordinal));

        using var upgraded = new SqliteEventStore(file);
        upgraded.SchemaVersion.Should().Be(SqliteSchema.Migrations.Length);
        SqliteFile.Rows(file, Kept).Should().Equal(before);
        SqliteFile.Scalar(file, "SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.article_row = a.rowid")
            .Should().Be(before.Count, "every mention carries its article's rowid");
        SqliteFile.Scalar(file, "SELECT count(*) FROM sqlite_master WHERE name IN ('mentions_article', 'articles_capture')").Should().Be(0);
        SqliteFile.Scalar(file, "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_article_row'").Should().Be(1);
        upgraded.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public void FileOfSchema9_ListsItsPendingCapturesThroughAnIndexOfTheirOwn_NotEveryCapturesRow()
    {
        string file = Path.Combine(_dir.Path, "v9.db");
        List<string> pending;
        StoreCounts counts;
        using (var store = new SqliteEventStore(file))
        {
            new IngestService(store, DictionarySet.Default).Ingest([Path.Combine(Repo.Root, "samples")], new Diagnostics());
            // Two captures stored and not processed, one failed, between and after processed ones.
            var stored = Enumerable.Range(0, 2).Select(i => new Capture($"stored-{i}", "x.txt", null, CaptureFormat.Text, "Seoul and Tokyo agreed."u8.ToArray(), null)).ToList();
            var failed = new Capture("failed-0", "y.txt", null, CaptureFormat.Text, "Paris and Rome met."u8.ToArray(), null);
            store.AddCapture(stored[0]);
            store.AddCapture(failed);
            store.SaveBatch([new ProcessedCapture(failed, [], [], "simulated failure")]);
            store.AddCapture(stored[1]);
            pending = store.PendingCaptures().Select(c => c.Id).ToList();
            counts = store.Counts();
        }
        pending.Should().Equal("stored-0", "failed-0", "stored-1");
        counts.Failed.Should().Be(1);
        SqliteFile.Run(file, AsSchema9);
        SqliteFile.Scalar(file, "SELECT count(*) FROM sqlite_master WHERE name = 'captures_pending'").Should().Be(0);

        using var upgraded = new SqliteEventStore(file);
        upgraded.SchemaVersion.Should().Be(SqliteSchema.Migrations.Length);
        SqliteFile.Scalar(file, "SELECT count(*) FROM sqlite_master WHERE name = 'captures_status'").Should().Be(0);
        upgraded.PendingCaptures().Select(c => c.Id).Should().Equal(pending);
        upgraded.Counts().Should().Be(counts);
        // Both reads seek in the new index; by the status condition alone, the listing walked every row by rowid.
        string page = upgraded.PendingPageSql.Replace("@after", "0", StringComparison.Ordinal).Replace("@last", "1000", StringComparison.Ordinal);
        SqliteFile.Rows(file, "EXPLAIN QUERY PLAN " + page).Should().ContainSingle().Which.Should().Contain("USING INDEX captures_pending");
        SqliteFile.Rows(file, "EXPLAIN QUERY PLAN " + upgraded.FailedCountSql).Should().ContainSingle().Which.Should().Contain("captures_pending");
        upgraded.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public void NewFile_Has8KbPages_AndAFileWith4KbPages_KeepsThemAndStoresTheSame()
    {
        string input = Path.Combine(Repo.Inputs, "consolidation", "phone-calls.jsonl");
        string fresh = Path.Combine(_dir.Path, "new.db"), old = Path.Combine(_dir.Path, "small-pages.db");
        // A file created before the store chose its page size: SQLite's default 4 KB, already in WAL mode.
        SqliteFile.Run(old, "PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE scratch(x); DROP TABLE scratch;");
        var counts = new List<StoreCounts>();
        foreach (var file in new[] { fresh, old })
        {
            using var store = new SqliteEventStore(file);
            new IngestService(store, DictionarySet.Default).Ingest([input], new Diagnostics());
            counts.Add(store.Counts());
            store.IntegrityCheck().Should().Be("ok");
        }
        SqliteConnection.ClearAllPools();
        SqliteFile.Scalar(fresh, "PRAGMA page_size").Should().Be(8192);
        SqliteFile.Scalar(old, "PRAGMA page_size").Should().Be(4096, "an existing file keeps its page size");
        counts[0].Events.Should().BeGreaterThan(0);
        counts[1].Should().BeEquivalentTo(counts[0]);
    }
}
