using System.IO.Compression;
using System.Text;
using FluentAssertions;
using Parley.Pipeline.Extraction;
using Parley.Pipeline.Sources;
using Parley.Tests.Sources;
using Xunit;

namespace Parley.Tests.Extraction;

/// <summary>
/// Hostile inputs, generated at run time, each in a batch with a good page: every one gives its coded
/// diagnostic, none throws or hangs, and the good page is still extracted.
/// </summary>
public class HostileInputTests
{
    /// <summary>A bound on the whole batch, far above its normal few seconds: only a hang reaches it.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(3);

    private const string GoodPage =
        "<html><body><article><h1>Envoys meet in Seoul</h1><p>Diplomats from the two countries met in Seoul on Monday to discuss the " +
        "resumption of talks, officials said after the meeting ended.</p><p>The talks will continue next week in Washington, " +
        "according to a statement from the foreign ministry.</p></article></body></html>";

    public static TheoryData<string> Cases => new()
    {
        "truncated-html", "nested-100000", "page-50mb", "wrong-charset", "warc-gzip-bomb", "warc-truncated", "nul-filled",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_GivesCodedDiagnosticAndBatchGoesOn(string name)
    {
        using var dir = new TempFolder();
        var (file, code) = Write(dir, name);
        var good = dir.Write("zz-good.html", GoodPage);
        var diagnostics = new Diagnostics();
        var articles = new List<Article>();
        var run = Task.Run(() =>
        {
            var extractor = new ArticleExtractor();
            foreach (var capture in new CaptureReader().Read([file, good], diagnostics))
            {
                articles.AddRange(extractor.Extract(capture, diagnostics));
            }
        });

        run.Wait(HangBound).Should().BeTrue($"the batch with {name} must finish");
        diagnostics.Items.Should().Contain(d => d.Code == code && d.Source.StartsWith(file, StringComparison.Ordinal),
            $"{name} must be reported as {code} naming its file");
        articles.Should().Contain(a => a.Source == good && a.Body.Contains("resumption of talks", StringComparison.Ordinal));
    }

    private static (string File, string Code) Write(TempFolder dir, string name)
    {
        switch (name)
        {
            case "truncated-html":
                return (dir.Write("truncated.html", GoodPage[..(GoodPage.Length / 2)]), DiagnosticCodes.TruncatedHtml);
            case "nested-100000":
            {
                var sb = new StringBuilder("<html><body>");
                sb.Insert(sb.Length, "<div>", 100_000).Append("<p>Deep text that ends a sentence here.</p>").Insert(sb.Length, "</div>", 100_000);
                sb.Append("</body></html>");
                return (dir.Write("nested.html", sb.ToString()), DiagnosticCodes.TooDeep);
            }

            case "page-50mb":
            {
                var paragraph = Encoding.UTF8.GetBytes("<p>" + new string('a', 1000) + "</p>\n");
                var bytes = new byte[50 * 1024 * 1024];
                for (var i = 0; i + paragraph.Length <= bytes.Length; i += paragraph.Length)
                {
                    paragraph.CopyTo(bytes, i);
                }

                return (dir.Write("huge.html", bytes), DiagnosticCodes.TooLarge);
            }

            case "wrong-charset":
                return (dir.Write("charset.html", "<html><head><meta charset=\"shift_jis\"></head><body><p>Café talks in Séoul resumed, " +
                    "the ministry said on Monday after a long pause.</p></body></html>"), DiagnosticCodes.WrongCharset);
            case "warc-gzip-bomb":
            {
                // 100 MB of zeros compress to about 100 KB, past the 64 MB expansion bound.
                var body = new byte[100 * 1024 * 1024];
                var record = WarcFiles.Record("response", "https://example.org/bomb", body, "application/http; msgtype=response");
                return (dir.Write("bomb.warc.gz", WarcFiles.GzipMembers(record)), DiagnosticCodes.BadCompression);
            }

            case "warc-truncated":
            {
                var record = WarcFiles.Response("https://example.org/a", GoodPage);
                return (dir.Write("cut.warc", record[..(record.Length - 120)]), DiagnosticCodes.BadWarcRecord);
            }

            case "nul-filled":
                return (dir.Write("nul.txt", new byte[64 * 1024]), DiagnosticCodes.BinaryInput);
            default:
                throw new ArgumentOutOfRangeException(nameof(name));
        }
    }
}
