using System.Text.Json;
using Parley.Api;
using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Storage;

/// <summary>
/// Golden files over the seeds: for each seed capture (read from ../shared/seeds), the expected
/// articles and coded events stand in Golden/seeds/NAME.expected.json. On a mismatch the test
/// writes NAME.actual.json beside it and fails; UPDATE_GOLDEN=1 re-blesses.
/// </summary>
public class SeedGoldenTests
{
    private static readonly string GoldenDir = Path.Combine(Repo.Root, "tests", "Parley.Tests", "Golden", "seeds");

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(GoldenDir, "*.expected.json").Order())
            data.Add(Path.GetFileName(f).Replace(".expected.json", ""));
        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_MatchesGolden(string name)
    {
        var input = Path.Combine(Repo.Seeds, name + ".txt");
        Assert.True(File.Exists(input), $"seed {input} is needed for this test");
        string actual = Render(input);
        var expectedPath = Path.Combine(GoldenDir, name + ".expected.json");
        var actualPath = Path.Combine(GoldenDir, name + ".actual.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        string expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            File.WriteAllText(actualPath, actual);
            Assert.Fail($"{name}: output differs from {expectedPath}; see {actualPath} (UPDATE_GOLDEN=1 re-blesses)");
        }
        File.Delete(actualPath);
    }

    private static string Render(string input)
    {
        var diag = new Diagnostics();
        var coder = new SentenceCoder(DictionarySet.Default);
        var pipeline = Pipeline.PipelineBuilder.Default(DictionarySet.Default);
        var articles = new CaptureReader().Read(input, diag).SelectMany(c => new ArticleExtractor().Extract(c, diag)).ToList();
        return EventJson.ToJson(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("articles");
            foreach (var a in articles)
            {
                w.WriteStartObject();
                w.WriteString("headline", a.Headline);
                w.WriteString("outlet", a.Outlet);
                w.WriteString("byline", string.Join("; ", a.Bylines));
                w.WriteString("published", a.PublishedText);
                w.WriteString("dateline", a.Dateline);
                w.WriteString("section", a.Section);
                w.WriteNumber("paragraphs", a.Body.Split("\n\n").Length);
                w.WriteStartArray("events");
                var doc = pipeline.Run(a, diag);
                foreach (var e in doc.Events.OrderBy(e => e.Evidence.Start).ThenBy(e => e.Source.Code))
                    w.WriteStringValue($"{e.Source.Name} ({e.Source.Code}) -{e.Cameo}-> {e.Target.Name} ({e.Target.Code}) {e.Date?.ToString("yyyy-MM-dd") ?? "undated"} [{e.DateBasis}, {e.Modality.ToString().ToLowerInvariant()}] \"{e.Evidence.TextOf(a.Body)}\"");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: true).ReplaceLineEndings("\n") + "\n";
    }
}
