using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using Parley.Pipeline.Sources;
using Xunit;

namespace Parley.Tests.Sources;

public class CaptureReaderTests
{
    private const string Page = "Talks resume\nThe two sides resumed talks on Monday after a break of several months.\n";

    [Fact]
    public void Reader_TextAndHtmlFilesByExtension()
    {
        using var dir = new TempFolder();
        dir.Write("a.txt", Page);
        dir.Write("b.html", "<html><body><p>x</p></body></html>");
        dir.Write("c.htm", "<p>y</p>");
        dir.Write("ignored.csv", "a,b");
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read(dir.Path, diagnostics).ToList();
        captures.Select(c => Path.GetFileName(c.Source)).Should().Equal("a.txt", "b.html", "c.htm");
        captures.Select(c => c.Format).Should().Equal(CaptureFormat.Text, CaptureFormat.Html, CaptureFormat.Html);
        diagnostics.Items.Should().BeEmpty();
    }

    [Fact]
    public void Reader_IdIsSha256PrefixOfContent()
    {
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Page);
        var capture = new CaptureReader().Read(path, new Diagnostics()).Single();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Page))[..16]);
        capture.Id.Should().Be(expected).And.HaveLength(32);
        capture.Content.Should().Equal(Encoding.UTF8.GetBytes(Page));
    }

    [Fact]
    public void Reader_FoldersAreReadRecursively()
    {
        using var dir = new TempFolder();
        dir.Write("x/1.txt", Page);
        dir.Write("x/y/2.txt", Page + "2");
        dir.Write(".hidden/3.txt", Page + "3");
        var captures = new CaptureReader().Read(dir.Path, new Diagnostics()).ToList();
        captures.Select(c => Path.GetFileName(c.Source)).Should().Equal("1.txt", "2.txt");
    }

    [Fact]
    public void Reader_GlobsMatchFiles()
    {
        using var dir = new TempFolder();
        dir.Write("a.txt", Page);
        dir.Write("b.html", "<p>x</p>");
        dir.Write("sub/c.txt", Page + "c");
        var reader = new CaptureReader();
        reader.Read(Path.Combine(dir.Path, "*.txt"), new Diagnostics()).Select(c => Path.GetFileName(c.Source)).Should().Equal("a.txt");
        reader.Read(Path.Combine(dir.Path, "**", "*.txt"), new Diagnostics()).Select(c => Path.GetFileName(c.Source)).Should().Equal("a.txt", "c.txt");
    }

    [Fact]
    public void Reader_NonexistentPathIsPar108AndBatchGoesOn()
    {
        using var dir = new TempFolder();
        var good = dir.Write("a.txt", Page);
        var missing = Path.Combine(dir.Path, "missing.txt");
        var diagnostics = new Diagnostics();
        var captures = new CaptureReader().Read([missing, Path.Combine(dir.Path, "*.nothing"), good], diagnostics).ToList();
        captures.Should().ContainSingle();
        diagnostics.Items.Should().HaveCount(2).And.OnlyContain(d => d.Code == DiagnosticCodes.NoSuchPath && d.Severity == Severity.Error);
        diagnostics.Items.First().Source.Should().Be(missing);
    }

    [Fact]
    public void Reader_EmptyFileIsPar101()
    {
        using var dir = new TempFolder();
        var path = dir.Write("empty.txt", []);
        var diagnostics = new Diagnostics();
        new CaptureReader().Read(path, diagnostics).Should().BeEmpty();
        var d = diagnostics.Items.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.EmptyInput);
        d.Severity.Should().Be(Severity.Error);
        d.Source.Should().Be(path);
        d.Position.Should().Be(0);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, 0)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00 }, 0)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, 0)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, 0)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, 0)]
    [InlineData(new byte[] { 0x61, 0x62, 0x63, 0x00, 0x64 }, 3)]
    public void Reader_BinaryFileIsPar102(byte[] bytes, long position)
    {
        using var dir = new TempFolder();
        var path = dir.Write("page.txt", bytes);
        var diagnostics = new Diagnostics();
        new CaptureReader().Read(path, diagnostics).Should().BeEmpty();
        var d = diagnostics.Items.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.BinaryInput);
        d.Position.Should().Be(position);
    }

    [Fact]
    public void Reader_FileOverBoundIsPar103()
    {
        using var dir = new TempFolder();
        var path = dir.Write("big.txt", new string('a', 2000));
        var diagnostics = new Diagnostics();
        new CaptureReader(new CaptureReaderOptions { MaxCaptureBytes = 1000 }).Read(path, diagnostics).Should().BeEmpty();
        diagnostics.Items.Should().ContainSingle(d => d.Code == DiagnosticCodes.TooLarge);
    }

    [Fact]
    public void Reader_GzipPageIsDecompressed()
    {
        using var dir = new TempFolder();
        var path = dir.Write("page.html.gz", WarcFiles.Gzip(Encoding.UTF8.GetBytes("<p>hello</p>")));
        var capture = new CaptureReader().Read(path, new Diagnostics()).Single();
        capture.Format.Should().Be(CaptureFormat.Html);
        Encoding.UTF8.GetString(capture.Content).Should().Be("<p>hello</p>");
    }

    [Fact]
    public void Reader_GzipExpandingPastBoundIsPar105()
    {
        using var dir = new TempFolder();
        var path = dir.Write("bomb.txt.gz", WarcFiles.Gzip(new byte[200_000]));
        var diagnostics = new Diagnostics();
        var options = new CaptureReaderOptions { MaxExpandedBytes = 100_000 };
        new CaptureReader(options).Read(path, diagnostics).Should().BeEmpty();
        diagnostics.Items.Should().ContainSingle(d => d.Code == DiagnosticCodes.BadCompression);
    }

    [Fact]
    public void Reader_CorruptGzipIsPar105()
    {
        using var dir = new TempFolder();
        var gz = WarcFiles.Gzip(Encoding.UTF8.GetBytes(Page + Page + Page));
        gz[12] ^= 0xFF;
        gz[13] ^= 0xFF;
        var path = dir.Write("bad.txt.gz", gz);
        var diagnostics = new Diagnostics();
        new CaptureReader().Read(path, diagnostics).Should().BeEmpty();
        diagnostics.Items.Should().ContainSingle(d => d.Code == DiagnosticCodes.BadCompression);
    }

    [Fact]
    public void Reader_IsLazy()
    {
        using var dir = new TempFolder();
        dir.Write("a.txt", Page);
        var diagnostics = new Diagnostics();
        var sequence = new CaptureReader().Read([Path.Combine(dir.Path, "missing.txt"), dir.Path], diagnostics);
        diagnostics.Items.Should().BeEmpty("nothing is read before enumeration");
        sequence.First();
        diagnostics.Items.Should().ContainSingle();
    }

    [Fact]
    public void Reader_StreamIsSniffed()
    {
        var diagnostics = new Diagnostics();
        using var stream = new MemoryStream(WarcFiles.Gzip(Encoding.UTF8.GetBytes("<html><body>x</body></html>")));
        var capture = new CaptureReader().ReadStream(stream, "stdin", diagnostics).Single();
        capture.Format.Should().Be(CaptureFormat.Html);
        capture.Source.Should().Be("stdin");
    }

    [Fact]
    public void Reader_SeedsAreFiveTextCaptures()
    {
        var captures = new CaptureReader().Read(SharedFiles.Seeds, new Diagnostics()).ToList();
        captures.Should().HaveCount(5).And.OnlyContain(c => c.Format == CaptureFormat.Text);
        captures.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }
}
