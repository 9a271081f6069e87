using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// The references between a SQLite store's tables (a mention's article, an article's capture) are
/// kept by the writer and checked by <see cref="SqliteEventStore.IntegrityCheck"/>, not enforced on
/// each write: a capture processed again leaves none dangling, and one made behind the store's back
/// is reported with its table and row.
/// </summary>
public sealed class IntegrityTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReprocessedCaptures_LeaveEveryMentionItsArticleAndEveryArticleItsCapture()
    {
        string db = Path.Combine(_dir.Path, "p.db");
        var captures = new CaptureReader().Read([Path.Combine(Repo.Root, "samples")], new Diagnostics()).ToList();
        using var store = new SqliteEventStore(db);
        var service = new IngestService(store, DictionarySet.Default);
        service.Ingest(captures, new Diagnostics());
        var before = store.Counts();
        before.Mentions.Should().BeGreaterThan(0);
        // Each capture fails once (its articles and mentions go), then is processed again (they come back).
        store.SaveBatch(captures.ConvertAll(c => new ProcessedCapture(c, [], [], "simulated failure")));
        store.Counts().Articles.Should().Be(0);
        store.IntegrityCheck().Should().Be("ok");
        service.Ingest(Array.Empty<Capture>(), new Diagnostics());
        // Processed again over what is stored: every article is deleted and written anew.
        store.SaveBatch(captures.ConvertAll(c => service.Process(c, new Diagnostics())));
        store.Counts().Should().Be(before);
        store.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public void IntegrityCheck_ReportsAMentionWhoseArticleIsGone()
    {
        string db = Path.Combine(_dir.Path, "o.db");
        using (var store = new SqliteEventStore(db))
        {
            new IngestService(store, DictionarySet.Default).Ingest([Path.Combine(Repo.Root, "samples", "reuters-style.txt")], new Diagnostics());
            store.Counts().Mentions.Should().BeGreaterThan(0);
            store.IntegrityCheck().Should().Be("ok");
        }
        long row = SqliteFile.Scalar(db, "SELECT min(m.id) FROM mentions m");
        // SQLite as bundled here enforces references on a new connection: this one is told not to.
        SqliteFile.Run(db, $"PRAGMA foreign_keys=OFF; DELETE FROM articles WHERE id = (SELECT article_id FROM mentions WHERE id = {row})");
        using (var store = new SqliteEventStore(db))
            store.IntegrityCheck().Should().Contain($"mentions row {row} refers to a missing row of articles");
    }
}
