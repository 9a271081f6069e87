using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// The SQLite store's full-text index lives in a file of its own, kept up to date by a thread of
/// its own: a search sees every committed article, a removed article leaves it, and the file is
/// rebuilt when it is missing or belongs to another database.
/// </summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string File(string name) => Path.Combine(_dir.Path, name + ".db");

    private static List<Capture> Read(params string[] paths) => new CaptureReader().Read(paths, new Diagnostics()).ToList();

    private static string Sample(string name) => Path.Combine(Repo.Root, "samples", name);

    private static void Ingest(IEventStore store, params string[] paths) =>
        new IngestService(store, DictionarySet.Default) { Workers = 1 }.Ingest(paths, new Diagnostics());

    private static void DeleteSearchFile(string db)
    {
        foreach (var f in SqliteEventStore.SearchFilesOf(db)) System.IO.File.Delete(f);
    }

    [Fact]
    public void Ingest_ReturnsWithEveryArticleIndexed()
    {
        using var store = new SqliteEventStore(File("settled"));
        Ingest(store, Sample("reuters-style.txt"), Sample("wire-copy-a.txt"));
        long articles = store.Counts().Articles;
        articles.Should().Be(2);
        store.SearchWatermark().Should().BeGreaterThanOrEqualTo(articles, "the ingest waits for the search index before it reports");
        store.SearchArticles("Ukraine", 10, 0).Total.Should().Be(1);
    }

    [Fact]
    public void RemovedArticle_LeavesTheIndex_AndItsRerunComesBack()
    {
        using var store = new SqliteEventStore(File("removed"));
        var capture = Read(Sample("reuters-style.txt")).Single();
        var service = new IngestService(store, DictionarySet.Default);
        store.AddCapture(capture);
        store.SaveBatch([service.Process(capture, new Diagnostics())]);
        store.SearchArticles("Ukraine", 10, 0).Total.Should().Be(1);

        // A failed re-run deletes the capture's article: the search must not find it any more.
        store.SaveBatch([new ProcessedCapture(capture, [], [], "simulated failure")]);
        store.Counts().Articles.Should().Be(0);
        store.SearchArticles("Ukraine", 10, 0).Total.Should().Be(0);

        // The next run stores the article again, under a rowid SQLite may reuse.
        store.SaveBatch([service.Process(capture, new Diagnostics())]);
        store.SearchArticles("Ukraine", 10, 0).Total.Should().Be(1);
        store.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public void MissingSearchFile_IsRebuiltFromTheArticles()
    {
        string db = File("rebuilt");
        using (var store = new SqliteEventStore(db))
            Ingest(store, Sample("reuters-style.txt"), Sample("wire-copy-a.txt"));
        DeleteSearchFile(db);
        using (var store = new SqliteEventStore(db))
        {
            store.SearchArticles("Ukraine", 10, 0).Total.Should().Be(1);
            store.SearchArticles("deterrence", 10, 0).Total.Should().Be(1);
        }
    }

    [Fact]
    public void SearchFileOfAnotherDatabase_IsReplaced()
    {
        string first = File("first"), second = File("second");
        using (var store = new SqliteEventStore(first))
            Ingest(store, Sample("reuters-style.txt"));
        using (var store = new SqliteEventStore(second))
            Ingest(store, Sample("wire-copy-a.txt"));
        // The second database's search file is swapped for the first's (a copied or left-over file).
        DeleteSearchFile(second);
        System.IO.File.Copy(SqliteEventStore.SearchPathOf(first), SqliteEventStore.SearchPathOf(second));
        using (var store = new SqliteEventStore(second))
        {
            store.SearchArticles("Ukraine", 10, 0).Total.Should().Be(0, "that article is in the other database");
            store.SearchArticles("deterrence", 10, 0).Total.Should().Be(1);
        }
    }

    [Fact]
    public void UnreadableSearchFile_IsReplaced()
    {
        string db = File("garbled");
        using (var store = new SqliteEventStore(db))
            Ingest(store, Sample("wire-copy-a.txt"));
        DeleteSearchFile(db);
        System.IO.File.WriteAllBytes(SqliteEventStore.SearchPathOf(db), Enumerable.Range(0, 8192).Select(i => (byte)(i * 31)).ToArray());
        using var reopened = new SqliteEventStore(db);
        reopened.SearchArticles("deterrence", 10, 0).Total.Should().Be(1);
        reopened.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public async Task TwoStoresOnOneFile_IndexEachArticleOnce()
    {
        string db = File("shared");
        using var writer = new SqliteEventStore(db);
        using var reader = new SqliteEventStore(db);
        Ingest(writer, Sample("reuters-style.txt"));
        reader.SearchArticles("Ukraine", 10, 0).Total.Should().Be(1, "a search indexes what another store committed");
        Ingest(writer, Sample("wire-copy-a.txt"));
        // Both stores catch up the one search file: each article is indexed once, by one of them.
        await Task.WhenAll(Task.Run(writer.Settle), Task.Run(reader.Settle));
        reader.SearchArticles("deterrence", 10, 0).Total.Should().Be(1);
        writer.SearchArticles("Ukraine", 10, 0).Total.Should().Be(1);
        writer.IntegrityCheck().Should().Be("ok");
    }
}
