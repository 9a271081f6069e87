using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// The SQLite store looks a batch's stories up on a second thread and connection while the writer
/// stores the rest of the batch: the stories must be those the writer gives when it looks them up
/// itself, in its own transaction, however the near-duplicates fall across and within batches.
/// </summary>
public sealed class StoriesBesideTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void StoriesLookedUpBeside_AreThoseOfTheWriterItself(int batch)
    {
        // Each article is a window of six sentences over one long text; the windows are ingested out
        // of order, so an article often bridges two stories already stored (or in its own batch), and
        // one is renamed into the other. Other articles stand alone.
        var order = Enumerable.Range(0, 40).OrderBy(i => (i * 17) % 40).ToList();
        var captures = order.Select(i => Text($"w{i:D2}", Window(i))).Concat(Enumerable.Range(0, 6).Select(i => Text($"solo{i}", Window(1000 + i * 10)))).ToList();
        var ids = captures.Select(c => c.Id + "-0").OrderBy(x => x, StringComparer.Ordinal).ToList();

        List<(string, string?)> Stories(bool beside, out double besideSeconds)
        {
            using var store = new SqliteEventStore(Path.Combine(_dir.Path, $"{beside}-{batch}.db")) { StoriesBeside = beside };
            new IngestService(store, DictionarySet.Default) { BatchSize = batch, Workers = 1 }.Ingest(captures, new Diagnostics());
            besideSeconds = store.Profile.Totals().Single(x => x.Phase == "stories beside").Time.TotalSeconds;
            store.IntegrityCheck().Should().Be("ok");
            return ids.Select(id => (id, store.StoryOf(id))).ToList();
        }

        var serial = Stories(beside: false, out double none);
        var beside = Stories(beside: true, out double used);
        none.Should().Be(0, "the writer looked every story up itself");
        used.Should().BeGreaterThan(0, "the lookups ran beside the writer");
        beside.Should().Equal(serial);
        var windows = serial.Where(x => x.Item1.StartsWith('w')).Select(x => x.Item2).Distinct().Count();
        windows.Should().BeLessThan(10, "overlapping windows join, through renames, into few stories");
        serial.Where(x => x.Item1.StartsWith("solo", StringComparison.Ordinal)).Select(x => x.Item2).Distinct().Should().HaveCount(6);
    }

    [Fact]
    public void BatchReplacingAStoredCapture_LooksItsStoriesUpInTheTransaction_AndKeepsThem()
    {
        using var store = new SqliteEventStore(Path.Combine(_dir.Path, "again.db"));
        var service = new IngestService(store, DictionarySet.Default) { BatchSize = 8, Workers = 1 };
        service.Ingest([Text("a", Window(0)), Text("b", Window(1))], new Diagnostics());
        store.StoryOf("b-0").Should().Be(store.StoryOf("a-0"));
        double before = store.Profile.Totals().Single(x => x.Phase == "stories beside").Time.TotalSeconds;

        // The same captures processed again (as after a failure) with a new neighbour: their rows are replaced.
        var again = new[] { Text("a", Window(0)), Text("b", Window(1)), Text("c", Window(2)) }.Select(c => service.Process(c, new Diagnostics())).ToList();
        store.AddCaptures([again[2].Capture]);
        store.SaveBatch(again);

        store.Profile.Totals().Single(x => x.Phase == "stories beside").Time.TotalSeconds.Should().Be(before, "a batch that replaces rows looks its stories up itself");
        store.StoryOf("a-0").Should().NotBeNull();
        store.StoryOf("c-0").Should().Be(store.StoryOf("a-0"));
        store.StoryOf("b-0").Should().Be(store.StoryOf("a-0"));
        store.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public void CaptureStoredHere_WhoseArticlesAnotherConnectionWrote_IsReplacedNotDoubled()
    {
        // The store knows a capture it inserted itself has no articles yet, unless another connection
        // (another process on the same file) has written since: then it must look, and replace them.
        string path = Path.Combine(_dir.Path, "two.db");
        using var first = new SqliteEventStore(path);
        var service = new IngestService(first, DictionarySet.Default) { BatchSize = 8, Workers = 1 };
        var capture = Text("a", Window(0));
        var processed = service.Process(capture, new Diagnostics());
        processed.Articles.Should().NotBeEmpty();
        first.AddCaptures([capture]).Should().Be(1);
        using (var second = new SqliteEventStore(path))
        {
            second.AddCaptures([capture]).Should().Be(0);
            second.SaveBatch([processed]);
        }

        first.SaveBatch([processed]);

        first.Counts().Articles.Should().Be(processed.Articles.Count);
        first.Counts().Mentions.Should().Be(processed.Mentions.Count);
        first.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public void CaptureStoredHere_TwiceInOneBatch_IsWrittenOnce()
    {
        using var store = new SqliteEventStore(Path.Combine(_dir.Path, "twice.db"));
        var service = new IngestService(store, DictionarySet.Default) { BatchSize = 8, Workers = 1 };
        var capture = Text("a", Window(0));
        var processed = service.Process(capture, new Diagnostics());
        store.AddCaptures([capture]).Should().Be(1);

        store.SaveBatch([processed, processed]);

        store.Counts().Articles.Should().Be(processed.Articles.Count);
        store.IntegrityCheck().Should().Be("ok");
    }

    // Six sentences from position n of a long text of sentences that share no four-word shingle.
    private static string Window(int n) => DepotAudit.Sentences(n, 6);

    private static Capture Text(string id, string body) => DepotAudit.Text(id, body, "SEOUL", "(Yonhap)");
}
