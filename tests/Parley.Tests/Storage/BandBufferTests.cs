using FluentAssertions;
using Microsoft.Data.Sqlite;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// The SQLite store keeps recent story bands in memory and writes them to the band index in key
/// order: what it buffers is found like what it flushed, survives a reopen, and a failed batch
/// leaves nothing of itself behind.
/// </summary>
public sealed class BandBufferTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string File(string name) => Path.Combine(_dir.Path, name + ".db");

    private static void Ingest(IEventStore store, IEnumerable<Capture> captures, int batch = 4) =>
        new IngestService(store, DictionarySet.Default) { BatchSize = batch, Workers = 1 }.Ingest(captures, new Diagnostics());

    [Fact]
    public void FullBuffer_IsFlushedToTheIndex_AndReprintsOfFlushedAndBufferedArticlesJoinTheirStories()
    {
        string file = File("flush");
        // 64 rows: a flush every four articles of 16 bands.
        using (var store = new SqliteEventStore(file, bandBufferRows: 64))
        {
            Ingest(store, Enumerable.Range(0, 10).Select(i => Text($"o{i:D2}", Report(i), "SEOUL", "(Yonhap)")));
            store.BufferedBandRows.Should().BeLessThan(64);
            SqliteFile.Scalar(file, "SELECT count(*) FROM article_bands").Should().BeGreaterThan(0, "full buffers were written to the index");
            SqliteFile.Scalar(file, "SELECT article_rowid FROM band_watermark").Should().BeGreaterThan(0);
            // Reprints of the first (flushed) and the last (still buffered) originals.
            Ingest(store, [Text("r-first", Report(0), "WASHINGTON", "(Daily Meridian)"), Text("r-last", Report(9), "WASHINGTON", "(Daily Meridian)")]);
            store.StoryOf("r-first-0").Should().Be(store.StoryOf("o00-0"));
            store.StoryOf("r-last-0").Should().Be(store.StoryOf("o09-0"));
            store.StoryOf("o00-0").Should().NotBe(store.StoryOf("o09-0"));
            store.IntegrityCheck().Should().Be("ok");
        }
    }

    [Fact]
    public void StockPassage_InManyArticles_GroupsTheSame_WhetherTheirBandsAreStoredOrBuffered()
    {
        // Every filler quotes one passage, so the passage's bands are common. With a buffer of 64 rows
        // they are flushed every four articles, and the lookup keeps the stored rows of common bands
        // between flushes; with the default buffer nothing is stored. The stories must be the same.
        string passage = "Officials said the regional council would publish the full inventory of depots and crates next month, "
            + "and the ministry added that every depot in the province had already filed its annual count with the council.";
        var captures = Enumerable.Range(0, 200).Select(i => Text($"f{i:D3}", Report(100 + i, 3) + " " + passage, "SEOUL", "(Yonhap)"))
            .Append(Text("t-original", Report(7) + " " + passage, "SEOUL", "(Yonhap)"))
            .Append(Text("z-reprint", Report(7) + " " + passage, "WASHINGTON", "(Daily Meridian)"))
            .Append(Text("f200", Report(300, 3) + " " + passage, "SEOUL", "(Yonhap)")).ToList();
        var ids = captures.Select(c => c.Id + "-0").ToList();
        List<string?> Stories(SqliteEventStore store)
        {
            Ingest(store, captures, batch: 16);
            return ids.Select(store.StoryOf).ToList();
        }

        string file = File("common");
        using var flushed = new SqliteEventStore(file, bandBufferRows: 64);
        using var buffered = new SqliteEventStore(File("buffered"));
        var stories = Stories(flushed);
        SqliteFile.Scalar(file, "SELECT max(n) FROM (SELECT count(*) AS n FROM article_bands GROUP BY band)").Should().BeGreaterThan(16, "the passage's bands are common");
        stories.Should().Equal(Stories(buffered));
        flushed.StoryOf("z-reprint-0").Should().Be(flushed.StoryOf("t-original-0"));
    }

    [Fact]
    public void FullBuffer_WaitsOnceTheInputIsRead_UpToTwiceItsSize_AndTheStoriesAreTheSame()
    {
        // 64 rows: full after four articles of 16 bands. One article a batch, on three files: each batch
        // said to come after the input was read, none, and five that do then one that does not.
        var captures = Enumerable.Range(0, 10).Select(i => Text($"w{i:D2}", Report(i), "SEOUL", "(Yonhap)"))
            .Append(Text("w-reprint", Report(3), "WASHINGTON", "(Daily Meridian)")).ToList();
        string late = File("late"), plain = File("plain"), mixed = File("mixed");
        using var lateStore = new SqliteEventStore(late, bandBufferRows: 64);
        using var plainStore = new SqliteEventStore(plain, bandBufferRows: 64);
        using var mixedStore = new SqliteEventStore(mixed, bandBufferRows: 64);
        var service = new IngestService(lateStore, DictionarySet.Default);
        var processed = captures.ConvertAll(c => service.Process(c, new Diagnostics()));
        foreach (var store in new[] { lateStore, plainStore, mixedStore }) store.AddCaptures(captures);

        long Stored(string file) => SqliteFile.Scalar(file, "SELECT count(*) FROM article_bands");
        var waited = new List<int>();
        int plainFirst = -1, lateFirst = -1;
        foreach (var (pc, n) in processed.Select((pc, n) => (pc, n)))
        {
            int before = lateStore.BufferedBandRows;
            lateStore.SaveBatch([pc], inputRead: true);
            plainStore.SaveBatch([pc]);
            long lateRows = Stored(late);
            // Unwritten, the buffer may pass its size but never reaches twice it; reaching it writes it.
            if (lateRows == 0) lateStore.BufferedBandRows.Should().BeLessThan(128);
            if (lateRows == 0 && lateStore.BufferedBandRows >= 64) waited.Add(lateStore.BufferedBandRows);
            int added = (pc.Rows ?? CaptureRows.Of(pc)).Articles[0].Bands!.Distinct().Count();
            if (before + added >= 128) lateStore.BufferedBandRows.Should().Be(0, "reaching twice its size writes it");
            if (plainFirst < 0 && Stored(plain) > 0) plainFirst = n;
            if (lateFirst < 0 && lateRows > 0) lateFirst = n;
        }
        waited.Should().NotBeEmpty("a full buffer waited while the input was read");
        Stored(late).Should().BeGreaterThan(0, "it was written once it held twice its size");
        plainFirst.Should().BeInRange(0, lateFirst - 1, "without the hint it was written as soon as it was full");

        for (int i = 0; i < 5; i++) mixedStore.SaveBatch([processed[i]], inputRead: true);
        Stored(mixed).Should().Be(0);
        mixedStore.BufferedBandRows.Should().BeGreaterThanOrEqualTo(64);
        mixedStore.SaveBatch([processed[5]]);
        Stored(mixed).Should().BeGreaterThan(0, "a batch before the input is read writes a full buffer");
        mixedStore.BufferedBandRows.Should().Be(0);
        foreach (var pc in processed.Skip(6)) mixedStore.SaveBatch([pc], inputRead: true);

        var ids = captures.Select(c => c.Id + "-0").ToList();
        ids.Select(lateStore.StoryOf).Should().Equal(ids.Select(plainStore.StoryOf));
        ids.Select(mixedStore.StoryOf).Should().Equal(ids.Select(plainStore.StoryOf));
        lateStore.StoryOf("w-reprint-0").Should().Be(lateStore.StoryOf("w03-0"));
        lateStore.StoryOf("w02-0").Should().NotBe(lateStore.StoryOf("w03-0"));
        lateStore.IntegrityCheck().Should().Be("ok");
    }

    [Fact]
    public void BufferedBands_AreRebuiltFromTheStoredSignatures_WhenTheFileIsOpenedAgain()
    {
        string file = File("reopen");
        using (var store = new SqliteEventStore(file))
        {
            Ingest(store, [Text("o-one", Report(1), "SEOUL", "(Yonhap)"), Text("o-two", Report(2), "SEOUL", "(Yonhap)")]);
            store.BufferedBandRows.Should().BeGreaterThan(0);
        }
        SqliteFile.Scalar(file, "SELECT count(*) FROM article_bands").Should().Be(0, "nothing was flushed: the case is about the buffer");

        using var again = new SqliteEventStore(file);
        Ingest(again, [Text("r-two", Report(2), "WASHINGTON", "(Daily Meridian)")]);
        again.StoryOf("r-two-0").Should().Be(again.StoryOf("o-two-0"));
        again.StoryOf("o-one-0").Should().NotBe(again.StoryOf("o-two-0"));
    }

    [Fact]
    public void FailedBatch_TakesItsBandsBackOut()
    {
        using var store = new SqliteEventStore(File("rollback"));
        Ingest(store, [Text("o-one", Report(1), "SEOUL", "(Yonhap)")]);
        int before = store.BufferedBandRows;
        var service = new IngestService(store, DictionarySet.Default);
        var good = service.Process(Text("o-two", Report(2), "SEOUL", "(Yonhap)"), new Diagnostics());
        // A second capture claiming the first one's article id: the article insert fails and the batch rolls back.
        var clash = service.Process(Text("o-three", Report(3), "SEOUL", "(Yonhap)"), new Diagnostics());
        clash = clash with { Articles = [clash.Articles[0] with { Id = good.Articles[0].Id }], Mentions = [], Rows = null };
        store.AddCaptures([good.Capture, clash.Capture]);

        var act = () => store.SaveBatch([good, clash]);
        act.Should().Throw<SqliteException>();
        store.BufferedBandRows.Should().Be(before, "the failed batch's bands are gone with its rows");

        store.SaveBatch([good]);
        store.BufferedBandRows.Should().BeGreaterThan(before);
        store.StoryOf("o-two-0").Should().NotBeNull();
    }

    [Fact]
    public void BandFilter_AfterReopen_MayHaveEveryStoredAndBufferedBand_AndRulesOutOthers()
    {
        string file = File("filter");
        using (var store = new SqliteEventStore(file, bandBufferRows: 64))
            Ingest(store, Enumerable.Range(0, 10).Select(i => Text($"f{i:D2}", Report(i), "SEOUL", "(Yonhap)")));
        using var reopened = new SqliteEventStore(file, bandBufferRows: 64);
        // The first batch after opening loads the filter from the band index and the buffer from the watermark.
        Ingest(reopened, [Text("g00", Report(20), "TOKYO", "(Kyodo)")]);
        var bands = new List<long>();
        using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT band FROM article_bands";
            using var r = cmd.ExecuteReader();
            while (r.Read()) bands.Add(r.GetInt64(0));
        }
        bands.Should().NotBeEmpty();
        using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT minhash FROM articles";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (Parley.Pipeline.Consolidation.MinHash.FromBytes((byte[])r[0]) is { } sig) bands.AddRange(Parley.Pipeline.Consolidation.MinHash.Bands(sig));
        }
        bands.Should().OnlyContain(b => reopened.MayHaveBand(b), "a band some article has is never ruled out");
        var random = new Random(7);
        int ruledOut = Enumerable.Range(0, 10_000).Count(_ => !reopened.MayHaveBand(random.NextInt64()));
        ruledOut.Should().BeGreaterThan(9_990, "bands no article has are almost all ruled out");
    }

    [Fact]
    public void SortedRows_AreEveryBufferedRowOnce_InBandThenOrdinalIdOrder()
    {
        var rng = new Random(7);
        var buffer = new BandBuffer();
        var expected = new List<(long Band, string Id)>();
        // Bands shared by many articles (a few values, negative ones too) and bands of one; ids with characters
        // that order differently under a culture's comparison than by code unit.
        long[] common = [-5, 0, 3, long.MaxValue, long.MinValue];
        for (int a = 0; a < 500; a++)
        {
            string id = (a % 3 == 0 ? "b" : a % 3 == 1 ? "B" : "\u00e9") + a.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + "-0";
            var bands = Enumerable.Range(0, 16).Select(i => i < 3 ? common[rng.Next(common.Length)] : rng.NextInt64()).Distinct().ToArray();
            buffer.Add(id, bands);
            expected.AddRange(bands.Select(b => (b, id)));
        }
        buffer.Remove("b000-0");
        expected.RemoveAll(r => r.Id == "b000-0");
        expected.Sort((x, y) => x.Band != y.Band ? x.Band.CompareTo(y.Band) : string.CompareOrdinal(x.Id, y.Id));
        buffer.SortedRows().Should().Equal(expected);
    }

    // A report of about 120 words unique to n: no two share a shingle.
    private static string Report(int n, int sentences = 8) => DepotAudit.Sentences(n * 100, sentences);

    private static Capture Text(string id, string body, string place, string agency) => DepotAudit.Text(id, body, place, agency);
}
