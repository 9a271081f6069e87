using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// The SQLite store binds and reads a batch's values through SQLite's own functions: text goes in
/// and comes back as UTF-8, numbers without boxing. What it reads back (an event recomputed from its
/// stored mentions, a capture's rows replaced) must be exactly what it wrote.
/// </summary>
public sealed class StoreStatementsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    // Two reports of one meeting, with names and a place outside ASCII (two bytes, three, and four in UTF-8).
    private static readonly Capture[] Reports =
    [
        Report("r1", "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Zürich on March 7, 2022, officials said. The talks in the café of the Hôtel “Zum Storchen” ran long 😀."),
        Report("r2", "Prime Minister Fumio Kishida of Japan met President Yoon Suk Yeol of South Korea in Zürich on March 7, 2022. The two leaders spoke for an hour."),
    ];

    [Fact]
    public void EventRecomputedFromStoredMentions_IsTheEventOfOneBatch()
    {
        // Together, the event is computed from the batch's own mentions; apart, the second batch
        // reads the first report's mention back from the store and recomputes the event from it.
        string together = Ingest("together.db", Reports, batch: 8);
        string apart = Ingest("apart.db", Reports, batch: 1);

        var rows = Dump(together, "SELECT * FROM events ORDER BY id");
        rows.Should().NotBeEmpty();
        rows.Should().Contain(r => r.Contains("num_mentions=2", StringComparison.Ordinal), "both reports are of one meeting");
        Dump(apart, "SELECT * FROM events ORDER BY id").Should().Equal(rows);
        Dump(apart, "SELECT * FROM mentions ORDER BY id").Should().Equal(Dump(together, "SELECT * FROM mentions ORDER BY id"));
        Dump(apart, "SELECT id, body FROM articles ORDER BY id").Should().Contain(r => r.Contains("Zürich", StringComparison.Ordinal) && r.Contains("😀", StringComparison.Ordinal));
    }

    [Fact]
    public void CaptureProcessedAgain_ReplacesItsRowsWithTheSameValues()
    {
        string path = Path.Combine(_dir.Path, "again.db");
        using var store = new SqliteEventStore(path);
        var service = new IngestService(store, DictionarySet.Default) { BatchSize = 8, Workers = 1 };
        service.Ingest(Reports, new Diagnostics());
        var events = Dump(path, "SELECT * FROM events ORDER BY id");
        var mentions = Dump(path, "SELECT event_id, article_id, sentence_index, source_text, target_text, location, confidence FROM mentions ORDER BY id");

        // Processed again (as after a failure): the store reads the capture's stored mentions and
        // signatures back to forget them, then writes the same rows anew.
        store.SaveBatch([service.Process(Reports[0], new Diagnostics())]);

        Dump(path, "SELECT * FROM events ORDER BY id").Should().Equal(events);
        Dump(path, "SELECT event_id, article_id, sentence_index, source_text, target_text, location, confidence FROM mentions ORDER BY id")
            .Should().BeEquivalentTo(mentions);
        store.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public void CaptureProcessedAgain_LeavesACaptureWhoseIdBeginsWithItsOwn()
    {
        // "r1-2"'s article ids ("r1-2-0") begin with "r1-", as "r1"'s own ("r1-0") do: the store finds a
        // capture's articles by id range and must still tell them apart.
        string path = Path.Combine(_dir.Path, "prefix.db");
        using var store = new SqliteEventStore(path);
        Capture first = Reports[0], second = Report("r1-2", "President Yoon Suk Yeol of South Korea met Prime Minister Fumio Kishida of Japan in Tokyo on March 7, 2022.");
        var service = new IngestService(store, DictionarySet.Default) { BatchSize = 8, Workers = 1 };
        service.Ingest([first, second], new Diagnostics());
        const string Articles = "SELECT id, capture_id FROM articles ORDER BY id";
        const string Mentions = "SELECT event_id, article_id, sentence_index, cameo FROM mentions ORDER BY article_id, sentence_index, cameo";
        var articles = Dump(path, Articles);
        var mentions = Dump(path, Mentions);
        articles.Should().Contain(r => r.Contains("capture_id=r1-2", StringComparison.Ordinal));
        mentions.Should().Contain(r => r.Contains("article_id=r1-2-0", StringComparison.Ordinal));

        store.SaveBatch([service.Process(first, new Diagnostics())]);

        Dump(path, Articles).Should().Equal(articles);
        Dump(path, Mentions).Should().Equal(mentions);
        store.IntegrityCheck().Should().Be("ok");
    }

    private string Ingest(string name, IEnumerable<Capture> captures, int batch)
    {
        string path = Path.Combine(_dir.Path, name);
        using var store = new SqliteEventStore(path);
        new IngestService(store, DictionarySet.Default) { BatchSize = batch, Workers = 1 }.Ingest(captures, new Diagnostics());
        return path;
    }

    private static List<string> Dump(string path, string sql) => SqliteFile.Rows(path, sql);

    private static Capture Report(string id, string body) => DepotAudit.Text(id, body, "TOKYO", "(Kyodo)");
}
