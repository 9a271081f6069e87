using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Turns capture bytes into text. Never throws on bad bytes: invalid sequences become U+FFFD and
/// are counted in <see cref="DecodedText.Replacements"/>.
/// </summary>
/// <remarks>
/// The order, strongest evidence first:
/// <list type="number">
/// <item>a byte-order mark (UTF-8, UTF-16, UTF-32);</item>
/// <item>the charset declared outside the bytes (the HTTP Content-Type, <see cref="Capture.Charset"/>);</item>
/// <item>for HTML, a <c>&lt;meta charset&gt;</c> or http-equiv Content-Type in the first 4 KB;</item>
/// <item>UTF-8 when the bytes are valid UTF-8;</item>
/// <item>Windows-949 when the bytes decode cleanly to mostly Hangul (Korean sites that declare nothing);</item>
/// <item>Windows-1252, which decodes every byte.</item>
/// </list>
/// A declaration is overruled by UTF-8 when it is wrong: the bytes are invalid in the declared
/// charset but valid UTF-8, or they decode cleanly but are also valid UTF-8 with multi-byte
/// sequences, which text in another charset practically never is (Shift-JIS reads UTF-8 "é" as katakana).
/// </remarks>
public static partial class TextDecoder
{
    /// <summary>How far into an HTML page to look for a meta charset; the HTML standard says 1024, real pages need more.</summary>
    public const int MetaScanBytes = 4 * 1024;

    /// <summary>Least share of Hangul among non-ASCII characters for undeclared bytes to be read as Korean.</summary>
    private const double KoreanShare = 0.5;

    /// <summary>Fewest Hangul syllables for undeclared bytes to be read as Korean: one or two could be chance.</summary>
    private const int MinHangul = 3;

    private const int Utf8CodePage = 65001;

    static TextDecoder() => Charsets.EnsureRegistered();

    /// <summary>Decodes a capture's content with its declared charset and, for HTML, its meta charset.</summary>
    public static DecodedText Decode(Capture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        return Decode(capture.Content, capture.Charset, capture.Format == CaptureFormat.Html);
    }

    /// <summary>Decodes <paramref name="bytes"/>.</summary>
    /// <param name="bytes">Raw content.</param>
    /// <param name="declaredCharset">A charset declared outside the bytes (HTTP header), or null.</param>
    /// <param name="isHtml">True to look for a meta charset in the first <see cref="MetaScanBytes"/> bytes.</param>
    /// <returns>The text, the encoding used, why, and how many bytes could not be decoded.</returns>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null, bool isHtml = false)
    {
        using var chars = DecodeChars(bytes, declaredCharset, isHtml);
        return new DecodedText(chars.Span.ToString(), chars.Encoding, chars.Basis, chars.Replacements);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> as <see cref="Decode(ReadOnlySpan{byte}, string?, bool)"/> does, into a pooled
    /// buffer: the HTML path strips the page from it, so the whole decoded page is never a string of its own.
    /// </summary>
    /// <returns>The characters; dispose to return the buffer.</returns>
    internal static DecodedChars DecodeChars(ReadOnlySpan<byte> bytes, string? declaredCharset, bool isHtml)
    {
        if (TryBom(bytes, out var bomCodePage, out var bomLength))
        {
            return Run(bomCodePage, bytes[bomLength..], DecodingBasis.Bom);
        }

        if (Charsets.CodePage(declaredCharset) is { } declared && TryDeclared(declared, bytes, DecodingBasis.Declared) is { } fromHeader)
        {
            return fromHeader;
        }

        if (isHtml && Charsets.CodePage(FindMetaCharset(bytes)) is { } meta)
        {
            // The HTML standard reads a meta "utf-16" as UTF-8: a page that can be read as ASCII to find the tag is not UTF-16.
            if (meta is 1200 or 1201)
            {
                meta = Utf8CodePage;
            }

            if (TryDeclared(meta, bytes, DecodingBasis.Meta) is { } fromMeta)
            {
                return fromMeta;
            }
        }

        if (Utf8.IsValid(bytes))
        {
            return Run(Utf8CodePage, bytes, DecodingBasis.Utf8);
        }

        // Detection uses strict EUC-KR (51949): Windows-949's extension pairs also accept Windows-1252
        // curly quotes before a letter ("Moon\x92s"), which would read Western text as Korean.
        using (var strict = Run(51949, bytes, DecodingBasis.Korean))
        {
            if (strict.Replacements == 0 && MostlyHangul(strict.Span))
            {
                return Run(949, bytes, DecodingBasis.Korean);
            }
        }

        return Run(1252, bytes, DecodingBasis.Fallback);
    }

    /// <summary>The charset named by a meta tag or XML declaration in the first <see cref="MetaScanBytes"/> bytes, or null.</summary>
    public static string? FindMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
        var m = MetaCharset().Match(head);
        if (m.Success)
        {
            return m.Groups[1].Value;
        }

        m = XmlEncoding().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static DecodedChars? TryDeclared(int codePage, ReadOnlySpan<byte> bytes, DecodingBasis basis)
    {
        if (Charsets.Resolve(codePage) is null)
        {
            return null;
        }

        var result = Run(codePage, bytes, basis);
        if (codePage == Utf8CodePage)
        {
            return result;
        }

        // Bytes with non-ASCII that are valid UTF-8 are practically never text in another charset: Shift-JIS
        // or GB18030 decode "é" (C3 A9) without complaint, as mojibake, so a clean decode does not prove the declaration.
        var wrong = result.Replacements > 0 || bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
        if (wrong && Utf8.IsValid(bytes))
        {
            result.Dispose();
            return Run(Utf8CodePage, bytes, DecodingBasis.Utf8OverDeclared);
        }

        return result;
    }

    private static DecodedChars Run(int codePage, ReadOnlySpan<byte> bytes, DecodingBasis basis)
    {
        var fallback = new CountingDecoderFallback();
        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, fallback);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
        var length = encoding.GetChars(bytes, buffer);
        return new DecodedChars(buffer, length, encoding, basis, fallback.Count);
    }

    private static bool TryBom(ReadOnlySpan<byte> bytes, out int codePage, out int length)
    {
        (codePage, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Utf8CodePage, 3),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (12000, 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (12001, 4),
            [0xFF, 0xFE, ..] => (1200, 2),
            [0xFE, 0xFF, ..] => (1201, 2),
            _ => (0, 0),
        };
        return length > 0;
    }

    private static bool MostlyHangul(ReadOnlySpan<char> text)
    {
        int nonAscii = 0, hangul = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            nonAscii++;
            if (c is >= '\uAC00' and <= '\uD7A3')
            {
                hangul++;
            }
        }

        return hangul >= MinHangul && hangul >= nonAscii * KoreanShare;
    }

    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex XmlEncoding();
}
