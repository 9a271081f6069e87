using FluentAssertions;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Tests.Support;
using Xunit;

namespace Parley.Tests.Extraction;

public class Cp1252PageTests
{
    [Fact]
    public void Extract_Windows1252PageWithoutCharsetIsDecodedNotMangled()
    {
        var diag = new Diagnostics();
        var page = Path.Combine(Repo.Inputs, "cp1252-no-charset.html");
        var articles = new CaptureReader().Read(page, diag).SelectMany(c => new ArticleExtractor().Extract(c, diag)).ToList();
        var text = string.Join("\n", articles.Select(a => a.Headline + "\n" + a.Body));
        foreach (var expected in File.ReadAllLines(Path.Combine(Repo.Inputs, "cp1252-no-charset.expected.txt")).Where(l => l.Length > 0))
            text.Should().Contain(expected);
        text.Should().NotContain("\uFFFD");
    }
}
