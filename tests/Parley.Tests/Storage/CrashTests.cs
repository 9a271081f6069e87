using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Parley.Storage;
using Xunit;
using Xunit.Abstractions;

namespace Parley.Tests.Storage;

/// <summary>
/// An ingest of 10,000 captures by the built CLI, killed with SIGKILL at 20 random moments and
/// resumed each time, ends with the same store as one clean run: a sound file, every article
/// and event once, the same ids and counts.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Captures = 10_000;
    private const int Kills = 20;
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Ingest_KilledTwentyTimesAndResumed_EqualsOneCleanRun()
    {
        string inputs = WriteCaptures(Path.Combine(_dir.Path, "in"), Captures, seed: 2024);
        string clean = Path.Combine(_dir.Path, "clean.db");
        var clock = Stopwatch.StartNew();
        Run(clean, inputs, killAfter: null).Should().BeTrue();
        var cleanTime = clock.Elapsed;
        clock.Restart();
        Run(Path.Combine(_dir.Path, "empty.db"), Path.Combine(_dir.Path, "in", "part-00.jsonl"), killAfter: null);
        var startup = clock.Elapsed;
        output.WriteLine($"clean run {cleanTime.TotalSeconds:F1}s, a run of one file {startup.TotalSeconds:F1}s");

        string crashed = Path.Combine(_dir.Path, "crashed.db");
        var rng = new Random(20);
        int killedMidRun = 0;
        for (int i = 0; i < Kills; i++)
        {
            // From just after start-up to a tenth of the clean run later: kills land while
            // captures are being stored, processed and written, each run going a bit further.
            var delay = startup * (0.3 + 0.7 * rng.NextDouble()) + (cleanTime - startup) * (0.1 * rng.NextDouble());
            if (!Run(crashed, inputs, delay)) killedMidRun++;
        }
        Run(crashed, inputs, killAfter: null).Should().BeTrue();
        output.WriteLine($"{killedMidRun} of {Kills} runs were killed before they finished");
        killedMidRun.Should().BeGreaterThanOrEqualTo(Kills / 2);

        var a = Snapshot(clean);
        var b = Snapshot(crashed);
        b.Integrity.Should().Be("ok");
        a.Counts.Captures.Should().Be(Captures);
        a.Counts.Events.Should().BeGreaterThan(100);
        b.Counts.Should().Be(a.Counts);
        b.Articles.Should().Equal(a.Articles);
        b.Events.Should().Equal(a.Events);
    }

    private static (string Integrity, StoreCounts Counts, List<string> Articles, List<string> Events) Snapshot(string db)
    {
        using var store = new SqliteEventStore(db);
        var events = store.EnumerateEvents(new EventQuery { Modalities = [] })
            .Select(e => $"{e.Id} {e.Date} {e.Source.Code}>{e.Target.Code} {e.Code.Code} m{e.NumMentions} a{e.NumArticles} s{e.NumSources}")
            .Order(StringComparer.Ordinal).ToList();
        var articles = events.Count == 0 ? [] : store.EnumerateEvents(new EventQuery { Modalities = [] })
            .SelectMany(e => e.Mentions).Select(m => m.ArticleId + " " + m.StoryId).Distinct().Order(StringComparer.Ordinal).ToList();
        return (store.IntegrityCheck(), store.Counts(), articles, events);
    }

    // Runs `parley ingest`; true when it ran to the end, false when it was killed first.
    private bool Run(string db, string inputs, TimeSpan? killAfter)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "parley.dll"), "ingest", inputs, "--db", db }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (killAfter is { } wait && !p.WaitForExit(wait))
        {
            p.Kill(entireProcessTree: true); // SIGKILL on Linux: no cleanup runs
            p.WaitForExit();
            return false;
        }
        p.WaitForExit();
        p.ExitCode.Should().Be(0);
        return true;
    }

    private static readonly (string Name, string Country)[] Leaders =
    [
        ("Yoon Suk Yeol", "South Korea"), ("Joe Biden", "the United States"), ("Fumio Kishida", "Japan"),
        ("Antony Blinken", "the United States"), ("Park Jin", "South Korea"),
    ];

    private static readonly string[] Places = ["Seoul", "Washington", "Tokyo", "Jakarta", "Geneva"];

    private static readonly string[] Actions =
    [
        "{0} and {1} held talks in {2} on {3} and agreed to expand cooperation, officials said.",
        "{0} spoke by phone with {1} on {3} to discuss North Korea, the presidential office said.",
        "{0} urged {4} to return to dialogue on {3}.",
        "{0} criticized {4} on {3} for its missile launches.",
        "{0} met {1} in {2} on {3}.",
    ];

    // Invented short captures (JSONL records of text dumps) with varied names, places and days in
    // 2023, so that many captures report the same events and others report distinct ones.
    internal static string WriteCaptures(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        var rng = new Random(seed);
        const int perFile = 500;
        for (int f = 0; f * perFile < count; f++)
        {
            using var w = new StreamWriter(Path.Combine(folder, $"part-{f:D2}.jsonl"), false, new UTF8Encoding(false));
            for (int i = f * perFile; i < Math.Min(count, (f + 1) * perFile); i++)
            {
                var a = Leaders[rng.Next(Leaders.Length)];
                var b = Leaders[rng.Next(Leaders.Length)];
                if (b.Country == a.Country) b = Leaders[(Array.IndexOf(Leaders, a) + 2) % Leaders.Length];
                var published = new DateTime(2023, 1, 1).AddDays(rng.Next(300)).AddHours(8 + rng.Next(10));
                var day = published.AddDays(-rng.Next(3));
                string sentence = string.Format(CultureInfo.InvariantCulture, Actions[rng.Next(Actions.Length)],
                    a.Name, b.Name, Places[rng.Next(Places.Length)], day.DayOfWeek, rng.Next(2) == 0 ? "North Korea" : "China");
                string text = $"""
                    DAILY MERIDIAN
                    Home | World | Asia | Business

                    {a.Name} and {b.Name} in focus (report {i})

                    Published {published.ToString("MMMM d, yyyy h:mm tt", CultureInfo.InvariantCulture)} KST
                    By Staff Reporter

                    SEOUL -- {sentence}

                    The two sides plan further contacts, according to report number {i}.

                    About the Daily Meridian | Contact | Terms
                    """;
                w.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["url"] = $"https://www.dailymeridian.com/{published:yyyy/MM/dd}/report-{i}",
                    ["text"] = text,
                }));
            }
        }
        return folder;
    }
}
