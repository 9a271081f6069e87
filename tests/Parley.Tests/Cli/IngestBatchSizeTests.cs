using System.Diagnostics;
using FluentAssertions;
using Microsoft.Data.Sqlite;
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

    // Runs the built CLI; its exit code and standard error.
    private static (int Code, string Error) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parley.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string error = p.StandardError.ReadToEnd();
        stdout.Wait();
        p.WaitForExit();
        return (p.ExitCode, error);
    }

    private static List<string> Dump(string path, string sql)
    {
        var rows = new List<string>();
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows.Add(string.Join(" | ", Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
