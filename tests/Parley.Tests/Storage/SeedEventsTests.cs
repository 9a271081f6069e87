using FluentAssertions;
using Parley.Api.Ingestion;
using Parley.Pipeline.Dictionaries;
using Parley.Storage;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>The walking-skeleton acceptance events, coded from the real seed captures.</summary>
public sealed class SeedEventsTests : IClassFixture<SeedEventsTests.SeedStore>
{
    public sealed class SeedStore : IDisposable
    {
        public readonly string Dir = Directory.CreateTempSubdirectory("parley-seeds-").FullName;
        public readonly IReadOnlyList<Event> Events;
        public readonly IReadOnlyList<Event> AllModalities;

        public SeedStore()
        {
            using var store = new SqliteEventStore(Path.Combine(Dir, "seeds.db"));
            new IngestService(store, DictionarySet.Default).Ingest([Repo.Seeds], new Diagnostics());
            Events = store.QueryEvents(new EventQuery());
            AllModalities = store.QueryEvents(new EventQuery { Modalities = [] });
        }

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }

    private readonly SeedStore _seeds;

    public SeedEventsTests(SeedStore seeds) => _seeds = seeds;

    [Theory]
    [InlineData("Moon Jae-in", "KORGOV", "Donald Trump", "USAGOV", "2018-03-16", "041")]
    [InlineData("Kang Kyung-wha", "KORGOV", "Mike Pompeo", "USAGOV", "2019-03-29", "04")]
    [InlineData("Lee Do-hoon", "KORGOV", "Stephen Biegun", "USAGOV", "2019-03-06", "04")]
    [InlineData("Stephen Biegun", "USAGOV", "Lee Do-hoon", "KORGOV", "2019-08-21", "04")]
    [InlineData("Mike Pompeo", "USAGOV", "North Korea", "PRK", "2019-08-21", "11")]
    public void Seeds_YieldTheAcceptanceEvents(string source, string sourceCode, string target, string targetCode, string date, string cameo)
    {
        bool Matches(Event e, string a, string ac, string b, string bc) =>
            e.Source.Code == ac && e.Target.Code == bc && (e.Source.Name == a || e.Source.Text.Contains(a)) && (e.Target.Name == b || e.Target.Text.Contains(b));
        _seeds.Events.Where(e =>
            e.Date == DateOnly.Parse(date) && e.Code.Code.StartsWith(cameo) && e.Modality == Modality.Asserted &&
            (Matches(e, source, sourceCode, target, targetCode) || (Pipeline.Consolidation.EventKeys.IsSymmetric(e.Code.Code) && Matches(e, target, targetCode, source, sourceCode))))
            .Should().NotBeEmpty($"{source} → {target} ({cameo}) on {date} is stated in the seeds");
    }

    [Fact]
    public void Seeds_EveryEventCarriesEvidenceDateBasisAndModality() =>
        _seeds.AllModalities.Should().OnlyContain(e =>
            e.Mentions.Length > 0 && e.DateBasis.Length > 0 && e.Mentions.All(m => m.End > m.Start && m.Sentence.Length >= m.End));

    [Fact]
    public void Seeds_NoEventFromMostViewedListsOrTrumpsHypothetical()
    {
        _seeds.AllModalities.SelectMany(e => e.Mentions).Should().NotContain(m =>
            m.Sentence.Contains("maintain dialogue momentum") || m.Sentence.Contains("strengthen cooperation' with Hong Kong"));
        _seeds.Events.SelectMany(e => e.Mentions).Should().NotContain(m => m.Sentence.Contains("very disappointed"));
    }
}
