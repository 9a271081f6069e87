using System.Text;
using FluentAssertions;
using Parley.Pipeline.Extraction;
using Xunit;

namespace Parley.Tests.Extraction;

public class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Korean = "한국과 미국은 북한 문제에 대해 긴밀히 협력하기로 했다.";

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x68, 0xC3, 0xA9 }, "hé")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00 }, "hé")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x68, 0x00, 0xE9 }, "hé")]
    public void Decoder_UsesBom(byte[] bytes, string expected)
    {
        var result = TextDecoder.Decode(bytes, declaredCharset: "windows-1252");
        result.Text.Should().Be(expected);
        result.Basis.Should().Be(DecodingBasis.Bom);
    }

    [Theory]
    [InlineData("<html><head><meta charset=\"euc-kr\"></head><body>{0}</body></html>")]
    [InlineData("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=EUC-KR\"></head><body>{0}</body></html>")]
    public void Decoder_ReadsMetaCharset(string template)
    {
        var bytes = Encoding.GetEncoding(949).GetBytes(string.Format(template, Korean));
        var result = TextDecoder.Decode(bytes, isHtml: true);
        result.Basis.Should().Be(DecodingBasis.Meta);
        result.Text.Should().Contain(Korean);
        result.Replacements.Should().Be(0);
    }

    [Fact]
    public void Decoder_HeaderCharsetWinsOverMeta()
    {
        var bytes = Encoding.GetEncoding(949).GetBytes($"<meta charset=\"utf-8\"><p>{Korean}</p>");
        var result = TextDecoder.Decode(bytes, declaredCharset: "ks_c_5601-1987", isHtml: true);
        result.Basis.Should().Be(DecodingBasis.Declared);
        result.Text.Should().Contain(Korean);
    }

    [Theory]
    [InlineData("euc-kr")]
    [InlineData("windows-1252")]
    [InlineData("iso-8859-1")]
    public void Decoder_PrefersUtf8WhenDeclaredCharsetIsWrong(string declared)
    {
        var text = "Moon’s envoy — “talks” " + Korean;
        var result = TextDecoder.Decode(Encoding.UTF8.GetBytes(text), declared);
        result.Basis.Should().Be(DecodingBasis.Utf8OverDeclared);
        result.Text.Should().Be(text);
    }

    [Fact]
    public void Decoder_FallsBackToCp1252WhenNotUtf8()
    {
        // 0x92 is a right single quote in Windows-1252 and invalid as UTF-8.
        var bytes = new byte[] { (byte)'M', (byte)'o', (byte)'o', (byte)'n', 0x92, (byte)'s' };
        var result = TextDecoder.Decode(bytes);
        result.Basis.Should().Be(DecodingBasis.Fallback);
        result.Text.Should().Be("Moon’s");
        result.Replacements.Should().Be(0);
    }

    [Fact]
    public void Decoder_DetectsUndeclaredKorean()
    {
        var bytes = Encoding.GetEncoding(949).GetBytes(Korean);
        var result = TextDecoder.Decode(bytes);
        result.Basis.Should().Be(DecodingBasis.Korean);
        result.Text.Should().Be(Korean);
    }

    [Fact]
    public void Decoder_ReadsValidUtf8WithoutDeclaration()
    {
        var result = TextDecoder.Decode(Encoding.UTF8.GetBytes("Moon’s " + Korean));
        result.Basis.Should().Be(DecodingBasis.Utf8);
        result.Text.Should().Be("Moon’s " + Korean);
    }

    [Theory]
    [InlineData("shift_jis", 932, "日本と韓国の外相が会談した。")]
    [InlineData("gb2312", 54936, "中国外交部发言人表示。")]
    [InlineData("windows-1251", 1251, "Москва заявила о переговорах.")]
    [InlineData("iso-8859-7", 28597, "Η Αθήνα δήλωσε.")]
    public void Decoder_ReadsDeclaredLegacyCharsets(string label, int codePage, string text)
    {
        var bytes = Encoding.GetEncoding(codePage).GetBytes(text);
        var result = TextDecoder.Decode(bytes, label);
        result.Text.Should().Be(text);
        result.Basis.Should().Be(DecodingBasis.Declared);
    }

    [Fact]
    public void Decoder_NeverThrowsOnBadBytes()
    {
        var random = new Random(11);
        foreach (var label in new[] { null, "utf-8", "euc-kr", "shift_jis", "gb18030", "utf-16", "no-such-charset" })
        {
            for (var i = 0; i < 50; i++)
            {
                var bytes = new byte[random.Next(0, 300)];
                random.NextBytes(bytes);
                var act = () => TextDecoder.Decode(bytes, label, isHtml: true);
                act.Should().NotThrow();
            }
        }
    }

    [Fact]
    public void Decoder_CountsReplacementsWhenDeclaredAndNotUtf8()
    {
        var bytes = new byte[] { 0xB0, 0xA1, 0x41, 0xB0 };
        var result = TextDecoder.Decode(bytes, "euc-kr");
        result.Basis.Should().Be(DecodingBasis.Declared);
        result.Replacements.Should().BeGreaterThan(0);
        result.Text.Should().StartWith("가");
    }
}
