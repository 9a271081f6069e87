using FluentAssertions;
using Parley.Tests.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Cli;

/// <summary>
/// <c>parley ingest --batch-size N</c> sets the captures written per transaction: the store ends
/// the same whatever N is, and a batch of no capture is refused before anything is stored.
/// </summary>
public sealed class IngestBatchSizeTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void BatchOfOneCapture_StoresWhatTheDefaultBatchStores()
    {
        string byOne = Path.Combine(_dir.Path, "one.db"), byDefault = Path.Combine(_dir.Path, "default.db");

        Run("ingest", Samples, "--db", byOne, "--batch-size", "1", "--workers", "1").Code.Should().Be(0);
        Run("ingest", Samples, "--db", byDefault, "--workers", "1").Code.Should().Be(0);

        var events = Dump(byDefault, "SELECT id, num_mentions, num_articles, date, cameo FROM events ORDER BY id");
        events.Should().HaveCountGreaterThan(10);
        Dump(byOne, "SELECT id, num_mentions, num_articles, date, cameo FROM events ORDER BY id").Should().Equal(events);
        Dump(byOne, "SELECT id, story_id FROM articles ORDER BY id").Should().Equal(Dump(byDefault, "SELECT id, story_id FROM articles ORDER BY id"));
    }

    [Fact]
    public void BatchOfNoCapture_IsRefusedBeforeAnythingIsStored()
    {
        string db = Path.Combine(_dir.Path, "none.db");

        var (code, error) = Run("ingest", Samples, "--db", db, "--batch-size", "0");

        code.Should().NotBe(0);
        error.Should().Contain("--batch-size must be at least 1");
        File.Exists(db).Should().BeFalse("the option is checked before the store is opened");
    }

    private static string Samples => Path.Combine(Repo.Root, "samples");

    // The built CLI, as the export tests run it: its exit code and standard error.
    private static (int Code, string Error) Run(params string[] args)
    {
        var (code, _, error) = ExportTests.Cli(args);
        return (code, error);
    }

    private static List<string> Dump(string path, string sql) => SqliteFile.Rows(path, sql);
}
