using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Sources;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

public sealed class GroupSpansTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MayHave_NeverRulesOutWhatWasAdded_AndRulesOutMostOfTheRest()
    {
        var rng = new Random(7);
        var spans = new GroupSpans();
        var added = new List<(string Group, DateOnly Day)>();
        for (int i = 0; i < 200_000; i++)
        {
            var pair = ($"C{rng.Next(300)}|C{rng.Next(300)}|{rng.Next(1, 21):D2}|asserted", new DateOnly(2020, 1, 1).AddDays(rng.Next(2000)));
            spans.Add(pair.Item1, pair.Item2);
            added.Add(pair);
        }
        foreach (var (group, day) in added)
        {
            spans.MayHave(group, day, day).Should().BeTrue();
            spans.MayHave(group, day.AddDays(-rng.Next(0, 19)), day.AddDays(rng.Next(0, 19))).Should().BeTrue("{0} {1} is in the stretch", group, day);
        }
        // Groups never added, over stretches of 37 days (five or six spans): one in a hundred may answer yes.
        int yes = 0;
        for (int i = 0; i < 10_000; i++)
        {
            var from = new DateOnly(2020, 1, 1).AddDays(rng.Next(2000));
            if (spans.MayHave($"X{i}|USA|04|asserted", from, from.AddDays(36))) yes++;
        }
        yes.Should().BeLessThan(100);
    }

    // A second store on the same file writes mentions this one's filter has not seen: this one must
    // notice the other's commits and read its stretches again, or it re-clusters without them and
    // overwrites their events with its own mentions alone.
    [Fact]
    public void TwoStoresOnOneFile_ReclusterWithEachOthersMentions()
    {
        var captures = new CaptureReader().Read([Path.Combine(Repo.Root, "samples"), Path.Combine(Repo.Inputs, "consolidation")], new Diagnostics()).ToList();
        string shared = Path.Combine(_dir.Path, "shared.db"), alone = Path.Combine(_dir.Path, "alone.db");
        using (var a = new SqliteEventStore(shared))
        using (var b = new SqliteEventStore(shared))
            for (int i = 0; i < captures.Count; i++)
                Ingest(i % 2 == 0 ? a : b, captures[i]);
        using (var one = new SqliteEventStore(alone))
            foreach (var capture in captures) Ingest(one, capture);
        using var sharedStore = new SqliteEventStore(shared);
        using var aloneStore = new SqliteEventStore(alone);
        Snapshot(sharedStore).Should().Equal(Snapshot(aloneStore));
        Snapshot(aloneStore).Should().Contain(e => e.Contains(" m3 ") || e.Contains(" m4 ") || e.Contains(" m5 "), "some events are reported by several captures");
    }

    // A store with more stored mentions than it reads into the filter re-clusters by reading every stretch, with the same events.
    [Fact]
    public void AStoreTooLargeForTheFilter_ReadsEveryStretch()
    {
        var captures = new CaptureReader().Read([Path.Combine(Repo.Root, "samples"), Path.Combine(Repo.Inputs, "consolidation")], new Diagnostics()).ToList();
        string small = Path.Combine(_dir.Path, "small.db"), alone = Path.Combine(_dir.Path, "alone.db");
        int half = captures.Count / 2;
        using (var first = new SqliteEventStore(small))
            foreach (var capture in captures.Take(half)) Ingest(first, capture);
        using (var reopened = new SqliteEventStore(small) { GroupSpansLimit = 5 })
        {
            reopened.Counts().Mentions.Should().BeGreaterThan(5);
            foreach (var capture in captures.Skip(half)) Ingest(reopened, capture);
        }
        using (var one = new SqliteEventStore(alone))
            foreach (var capture in captures) Ingest(one, capture);
        using var smallStore = new SqliteEventStore(small);
        using var aloneStore = new SqliteEventStore(alone);
        Snapshot(smallStore).Should().Equal(Snapshot(aloneStore));
    }

    private static void Ingest(IEventStore store, Capture capture) =>
        new IngestService(store, DictionarySet.Default) { BatchSize = 1, Workers = 1 }.Ingest([capture], new Diagnostics());

    private static List<string> Snapshot(IEventStore store) =>
        store.EnumerateEvents(new EventQuery { Modalities = [] }).OrderBy(e => e.Id)
            .Select(e => $"{e.Id} {e.Date} {e.Source.Code}>{e.Target.Code} {e.Code.Code} m{e.NumMentions} a{e.NumArticles} ").ToList();
}
