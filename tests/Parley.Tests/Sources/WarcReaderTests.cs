using System.Text;
using FluentAssertions;
using Parley.Pipeline.Sources;
using Xunit;

namespace Parley.Tests.Sources;

public class WarcReaderTests
{
    static WarcReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Request(string uri) =>
        WarcFiles.Record("request", uri, Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"), "application/http; msgtype=request");

    private static byte[] Info() =>
        WarcFiles.Record("warcinfo", "", Encoding.ASCII.GetBytes("software: test\r\n"), "application/warc-fields");

    [Fact]
    public void Warc_ResponseRecordsBecomeCaptures()
    {
        using var dir = new TempFolder();
        byte[] file = [.. Info(), .. Request("https://a.example/"), .. WarcFiles.Response("https://a.example/", "<p>A</p>"),
            .. WarcFiles.Response("https://b.example/", "Plain", "text/plain"), .. WarcFiles.Response("https://c.example/", "", status: 301),
            .. WarcFiles.Response("https://d.example/img.png", "PNG", "image/png")];
        var path = dir.Write("crawl.warc", file);
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read(path, diagnostics).ToList();
        captures.Select(c => c.Url).Should().Equal("https://a.example/", "https://b.example/");
        captures[0].Format.Should().Be(CaptureFormat.Html);
        captures[0].Source.Should().Be(path + "#record-3");
        captures[0].FetchedAt.Should().Be(new DateTimeOffset(2019, 3, 7, 7, 0, 0, TimeSpan.Zero));
        captures[0].Charset.Should().Be("utf-8");
        Encoding.UTF8.GetString(captures[0].Content).Should().Be("<p>A</p>");
        captures[1].Format.Should().Be(CaptureFormat.Text);
        diagnostics.Items.Should().BeEmpty();
    }

    [Fact]
    public void Warc_CharsetComesFromHttpHeader()
    {
        using var dir = new TempFolder();
        var path = dir.Write("kr.warc", WarcFiles.Response("https://kr.example/", "<p>한국</p>", "text/html; charset=EUC-KR", encoding: Encoding.GetEncoding(949)));
        var capture = new CaptureReader().Read(path, new Diagnostics()).Single();
        capture.Charset.Should().Be("EUC-KR");
        Pipeline.Extraction.TextDecoder.Decode(capture).Text.Should().Be("<p>한국</p>");
    }

    [Fact]
    public void Warc_GzipMembersAreReadOneByOne()
    {
        using var dir = new TempFolder();
        var path = dir.Write("crawl.warc.gz", WarcFiles.GzipMembers(
            Info(), WarcFiles.Response("https://a.example/", "<p>A</p>"), Request("https://b.example/"), WarcFiles.Response("https://b.example/", "<p>B</p>")));
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read(path, diagnostics).ToList();
        captures.Select(c => c.Url).Should().Equal("https://a.example/", "https://b.example/");
        captures.Select(c => c.Source).Should().Equal(path + "#record-2", path + "#record-4");
        diagnostics.Items.Should().BeEmpty();
    }

    [Fact]
    public void Warc_TruncatedRecordIsPar107WithOffsetAndKeepsWhatWasRead()
    {
        using var dir = new TempFolder();
        var first = WarcFiles.Response("https://a.example/", "<p>A</p>");
        var second = WarcFiles.Response("https://b.example/", "<p>" + new string('b', 500) + "</p>");
        var path = dir.Write("cut.warc", [.. first, .. second[..(second.Length - 200)]]);
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read(path, diagnostics).ToList();
        captures.Should().HaveCount(2);
        Encoding.UTF8.GetString(captures[1].Content).Should().StartWith("<p>bbb");
        var d = diagnostics.Items.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.BadWarcRecord);
        d.Position.Should().Be(first.Length);
    }

    [Fact]
    public void Warc_TruncatedGzipMemberIsPar107AndEarlierRecordsSurvive()
    {
        using var dir = new TempFolder();
        var a = WarcFiles.Gzip(WarcFiles.Response("https://a.example/", "<p>A</p>"));
        var b = WarcFiles.Gzip(WarcFiles.Response("https://b.example/", "<p>" + string.Concat(Enumerable.Range(0, 300).Select(i => i.ToString())) + "</p>"));
        var path = dir.Write("cut.warc.gz", [.. a, .. b[..(b.Length / 2)]]);
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read(path, diagnostics).ToList();
        captures.Should().NotBeEmpty();
        captures[0].Url.Should().Be("https://a.example/");
        diagnostics.Items.Should().Contain(d => d.Code == DiagnosticCodes.BadWarcRecord && d.Position == a.Length);
    }

    [Fact]
    public void Warc_CorruptGzipMemberIsSkippedAndNextMemberRead()
    {
        using var dir = new TempFolder();
        var a = WarcFiles.Gzip(WarcFiles.Response("https://a.example/", "<p>A</p>"));
        var b = WarcFiles.Gzip(WarcFiles.Response("https://b.example/", "<p>B</p>"));
        var c = WarcFiles.Gzip(WarcFiles.Response("https://c.example/", "<p>C</p>"));
        for (var i = 12; i < 30; i++)
        {
            b[i] = 0xFF;
        }

        var path = dir.Write("bad.warc.gz", [.. a, .. b, .. c]);
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read(path, diagnostics).ToList();
        captures.Select(x => x.Url).Should().Contain("https://a.example/").And.Contain("https://c.example/");
        diagnostics.Items.Should().Contain(d => d.Position == a.Length);
    }

    [Fact]
    public void Warc_GarbageBetweenRecordsIsPar107AndReadingResumes()
    {
        using var dir = new TempFolder();
        var path = dir.Write("junk.warc", [.. WarcFiles.Response("https://a.example/", "<p>A</p>"), .. "garbage line\r\n"u8,
            .. WarcFiles.Response("https://b.example/", "<p>B</p>")]);
        var diagnostics = new Diagnostics();
        new CaptureReader().Read(path, diagnostics).Select(c => c.Url).Should().Equal("https://a.example/", "https://b.example/");
        diagnostics.Items.Should().ContainSingle(d => d.Code == DiagnosticCodes.BadWarcRecord);
    }

    [Fact]
    public void Warc_ChunkedAndGzipEncodedBodyIsDecoded()
    {
        var html = Encoding.UTF8.GetBytes("<p>hello world</p>");
        var gz = WarcFiles.Gzip(html);
        byte[] chunked = [.. Encoding.ASCII.GetBytes($"{gz.Length:x}\r\n"), .. gz, .. "\r\n0\r\n\r\n"u8];
        byte[] block = [.. "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"u8, .. chunked];
        using var dir = new TempFolder();
        var path = dir.Write("enc.warc", WarcFiles.Record("response", "https://a.example/", block, "application/http; msgtype=response"));
        var capture = new CaptureReader().Read(path, new Diagnostics()).Single();
        capture.Content.Should().Equal(html);
    }
}
