using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

public sealed class IngestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("parley-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (IngestResult Result, Diagnostics Diag, StoreCounts Counts, List<string> Ids) Ingest(string db, params string[] paths)
    {
        var diag = new Diagnostics();
        using var store = new SqliteEventStore(db);
        var r = new IngestService(store, DictionarySet.Default).Ingest(paths, diag);
        var ids = store.QueryEvents(new EventQuery { Modalities = [] }).Select(e => e.Id).OrderBy(x => x).ToList();
        return (r, diag, store.Counts(), ids);
    }

    [Fact]
    public void Ingest_TwiceChangesNoCountAndNoId()
    {
        var db = Path.Combine(_dir, "p.db");
        var first = Ingest(db, Path.Combine(Repo.Root, "samples"));
        var second = Ingest(db, Path.Combine(Repo.Root, "samples"));
        first.Counts.Events.Should().BeGreaterThan(0);
        second.Counts.Should().Be(first.Counts);
        second.Ids.Should().Equal(first.Ids);
        second.Result.New.Should().Be(0);
    }

    [Fact]
    public void Ingest_ReportsEmptyAndBinaryFilesAndIngestsTheRest()
    {
        var folder = Path.Combine(_dir, "mixed");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Repo.Inputs, "empty.txt"), Path.Combine(folder, "empty.txt"));
        File.Copy(Path.Combine(Repo.Inputs, "pixel.png"), Path.Combine(folder, "pixel.txt"));
        File.Copy(Path.Combine(Repo.Root, "samples", "reuters-style.txt"), Path.Combine(folder, "story.txt"));
        var r = Ingest(Path.Combine(_dir, "m.db"), folder);
        r.Diag.Items.Should().Contain(d => d.Code == DiagnosticCodes.EmptyInput && d.Source.EndsWith("empty.txt"));
        r.Diag.Items.Should().Contain(d => d.Code == DiagnosticCodes.BinaryInput && d.Source.EndsWith("pixel.txt"));
        r.Counts.Captures.Should().Be(1);
        r.Counts.Events.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Store_CapturesAreKeptWhenProcessingFailsAndRerun()
    {
        var db = Path.Combine(_dir, "f.db");
        var capture = new Capture("abc", "x.txt", null, CaptureFormat.Text, "Seoul and Tokyo agreed."u8.ToArray(), null);
        using (var store = new SqliteEventStore(db))
        {
            store.AddCapture(capture).Should().BeTrue();
            store.AddCapture(capture).Should().BeFalse();
            store.SaveBatch([new ProcessedCapture(capture, [], [], "boom")]);
            store.Counts().Failed.Should().Be(1);
            store.PendingCaptures().Should().ContainSingle(c => c.Id == "abc");
        }
        using (var store = new SqliteEventStore(db))
        {
            var r = new IngestService(store, DictionarySet.Default).Ingest(Array.Empty<Capture>(), new Diagnostics());
            r.Captures.Should().Be(1);
            store.Counts().Failed.Should().Be(0);
            store.IsProcessed("abc").Should().BeTrue();
        }
    }
}
