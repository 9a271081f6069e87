using FluentAssertions;
using Parley.Pipeline;
using Parley.Pipeline.Consolidation;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Coding;

/// <summary>
/// The coder against the project's own gold for the seed captures (SeedGold/seeds.gold.tsv):
/// every required event, at least ten of the other stated events, no event from the
/// non-event sentences, and none of the known wrong codings.
/// </summary>
public sealed class SeedGoldTests : IClassFixture<SeedGoldTests.CodedSeeds>
{
    public sealed record Coded(string Seed, EventMention Mention, string Sentence);

    public sealed record GoldRow(string Kind, string Seed, string Source, string SourceName, string Target, string TargetName,
        string[] Cameo, string Date, string Modality, string Key, string Note)
    {
        public override string ToString() => Kind == "nonevent"
            ? $"{Seed}: '{Key}' ({Note})"
            : $"{Seed}: {SourceName} {Source} -{string.Join('|', Cameo)}-> {TargetName} {Target} {Date} {Modality} ({Note})";
    }

    public sealed class CodedSeeds
    {
        public readonly List<Coded> Mentions = [];
        public readonly List<(string Seed, string Sentence)> Sentences = [];

        public CodedSeeds()
        {
            var pipeline = PipelineBuilder.Default(DictionarySet.Default);
            var extractor = new ArticleExtractor();
            foreach (var file in Directory.GetFiles(Repo.Seeds, "*.txt").Order())
            {
                string seed = Path.GetFileName(file)[..3];
                var diag = new Diagnostics();
                foreach (var capture in new CaptureReader().Read(file, diag))
                    foreach (var article in extractor.Extract(capture, diag))
                    {
                        var doc = pipeline.Run(article, diag);
                        foreach (var s in doc.Sentences) Sentences.Add((seed, s.Span.TextOf(doc.Text)));
                        foreach (var m in doc.Events) Mentions.Add(new Coded(seed, m, m.Sentence.TextOf(doc.Text)));
                    }
            }
        }
    }

    public static readonly IReadOnlyList<GoldRow> Gold = File.ReadLines(Path.Combine(Repo.Root, "tests", "Parley.Tests", "Coding", "SeedGold", "seeds.gold.tsv"))
        .Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("kind\t", StringComparison.Ordinal))
        .Select(l => l.Split('\t'))
        .Select(c => new GoldRow(c[0], c[1], c[2], c[3], c[4], c[5], c[6].Split('|', StringSplitOptions.RemoveEmptyEntries), c[7], c[8], c[9], c.Length > 10 ? c[10] : ""))
        .ToList();

    private readonly CodedSeeds _seeds;

    public SeedGoldTests(CodedSeeds seeds) => _seeds = seeds;

    private static bool Side(ActorRef a, string code, string name) =>
        a.Code.StartsWith(code, StringComparison.Ordinal) && (name.Length == 0 || a.Name == name);

    private static bool Matches(GoldRow g, Coded c)
    {
        var m = c.Mention;
        if (c.Seed != g.Seed) return false;
        if (!g.Cameo.Any(p => m.Cameo.StartsWith(p, StringComparison.Ordinal))) return false;
        if (g.Date.Length > 0 && (m.Date is not { } d || !d.ToString("yyyy-MM-dd").StartsWith(g.Date, StringComparison.Ordinal))) return false;
        if (g.Modality is "asserted" && m.Modality != Modality.Asserted) return false;
        if (g.Modality is "intended" && m.Modality != Modality.Intended) return false;
        bool forward = Side(m.Source, g.Source, g.SourceName) && Side(m.Target, g.Target, g.TargetName);
        bool backward = EventKeys.IsSymmetric(m.Cameo) && Side(m.Target, g.Source, g.SourceName) && Side(m.Source, g.Target, g.TargetName);
        return forward || backward;
    }

    private List<GoldRow> Missing(string kind) =>
        Gold.Where(g => g.Kind == kind && !_seeds.Mentions.Any(c => Matches(g, c))).ToList();

    [Fact]
    public void SeedGold_HasTheRequiredEventsAndAtLeastTenMore()
    {
        Gold.Count(g => g.Kind == "event").Should().BeGreaterThanOrEqualTo(10);
        Missing("required").Should().BeEmpty("the walking-skeleton events are stated in the seeds");
        var events = Gold.Where(g => g.Kind == "event").ToList();
        var missing = Missing("event");
        (events.Count - missing.Count).Should().BeGreaterThanOrEqualTo(10, "missing: " + string.Join("; ", missing));
    }

    [Fact]
    public void SeedGold_EveryNonEventSentenceExistsAndYieldsNoAssertedEvent()
    {
        foreach (var g in Gold.Where(g => g.Kind == "nonevent"))
        {
            bool none = g.Note.Contains("(none)");
            // A list headline may (rightly) not reach the article body: its key must be in the capture.
            if (none) File.ReadAllText(SharedFiles.Seed(g.Seed)).Should().Contain(g.Key);
            else _seeds.Sentences.Select(s => s.Sentence).Should().Contain(s => s.Contains(g.Key), $"the key of {g} must find its sentence");
            _seeds.Mentions.Where(c => c.Seed == g.Seed && c.Sentence.Contains(g.Key) && (none || c.Mention.Modality == Modality.Asserted))
                .Should().BeEmpty($"{g} is not an event");
        }
    }

    [Fact]
    public void SeedGold_NoKnownWrongCoding()
    {
        foreach (var g in Gold.Where(g => g.Kind == "wrong"))
            _seeds.Mentions.Where(c => Matches(g, c)).Select(c => c.Sentence).Should().BeEmpty($"{g} is a known error");
    }

    [Fact]
    public void SeedGold_EveryMentionCarriesEvidenceDateBasisAndModality() =>
        _seeds.Mentions.Should().OnlyContain(c =>
            c.Mention.Evidence.End > c.Mention.Evidence.Start && c.Mention.Evidence.Start >= c.Mention.Sentence.Start
            && c.Mention.Evidence.End <= c.Mention.Sentence.End && c.Mention.DateBasis.Length > 0 && Enum.IsDefined(c.Mention.Modality));
}
