using System.Text;
using FluentAssertions;
using Parley.Pipeline.Sources;
using Xunit;

namespace Parley.Tests.Sources;

public class JsonlReaderTests
{
    [Fact]
    public void Jsonl_EachLineIsACaptureWithLineLocator()
    {
        using var dir = new TempFolder();
        var path = dir.Write("batch.jsonl", """
            {"url":"https://example.com/a","html":"<p>A</p>","fetched_at":"2019-03-07T07:00:00Z"}

            {"url":"https://example.com/b","text":"Plain text body","fetched_at":"2019-03-08T07:00:00+09:00"}
            """);
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read(path, diagnostics).ToList();
        captures.Should().HaveCount(2);
        captures[0].Source.Should().Be(path + "#L1");
        captures[0].Url.Should().Be("https://example.com/a");
        captures[0].Format.Should().Be(CaptureFormat.Html);
        captures[0].FetchedAt.Should().Be(new DateTimeOffset(2019, 3, 7, 7, 0, 0, TimeSpan.Zero));
        captures[0].Charset.Should().Be("utf-8");
        captures[1].Source.Should().Be(path + "#L3");
        captures[1].Format.Should().Be(CaptureFormat.Text);
        Encoding.UTF8.GetString(captures[1].Content).Should().Be("Plain text body");
        diagnostics.Items.Should().BeEmpty();
    }

    [Fact]
    public void Jsonl_BadLineIsPar106WithLineNumberAndReadingGoesOn()
    {
        using var dir = new TempFolder();
        var lines = "{\"html\":\"<p>1</p>\"}\n{not json\n[1,2]\n{\"url\":\"x\"}\n{\"text\":\"4\"}\n";
        var path = dir.Write("batch.jsonl", lines);
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read(path, diagnostics).ToList();
        captures.Select(c => c.Source).Should().Equal(path + "#L1", path + "#L5");
        diagnostics.Items.Should().HaveCount(3).And.OnlyContain(d => d.Code == DiagnosticCodes.BadJsonLine);
        var first = diagnostics.Items.First();
        first.Source.Should().Be(path + "#L2");
        first.Message.Should().Contain("Line 2");
        first.Position.Should().Be(lines.IndexOf("{not", StringComparison.Ordinal));
    }

    [Fact]
    public void Jsonl_GzipIsRead()
    {
        using var dir = new TempFolder();
        var path = dir.Write("batch.jsonl.gz", WarcFiles.Gzip(Encoding.UTF8.GetBytes("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")));
        new CaptureReader().Read(path, new Diagnostics()).Should().HaveCount(2);
    }
}
