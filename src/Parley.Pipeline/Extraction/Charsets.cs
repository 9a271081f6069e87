using System.Collections.Frozen;
using System.Text;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Maps charset labels to encodings, following the WHATWG Encoding Standard where it widens a label
/// (EUC-KR is read as Windows-949, Shift_JIS as Windows-31J, GB2312/GBK as GB18030, ISO-8859-1 and
/// US-ASCII as Windows-1252), because pages labelled with the narrow name use the wide one.
/// </summary>
internal static class Charsets
{
    private static readonly FrozenDictionary<string, int> CodePages = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["utf-8"] = 65001, ["utf8"] = 65001, ["unicode-1-1-utf-8"] = 65001,
        ["utf-16"] = 1200, ["utf-16le"] = 1200, ["unicode"] = 1200, ["utf-16be"] = 1201,
        ["euc-kr"] = 949, ["ks_c_5601-1987"] = 949, ["ks_c_5601-1989"] = 949, ["ksc5601"] = 949, ["ksc_5601"] = 949,
        ["cp949"] = 949, ["windows-949"] = 949, ["x-windows-949"] = 949, ["uhc"] = 949, ["korean"] = 949, ["iso-ir-149"] = 949,
        ["shift_jis"] = 932, ["shift-jis"] = 932, ["sjis"] = 932, ["x-sjis"] = 932, ["ms_kanji"] = 932, ["windows-31j"] = 932, ["cp932"] = 932, ["csshiftjis"] = 932,
        ["euc-jp"] = 51932, ["iso-2022-jp"] = 50220,
        ["gb2312"] = 54936, ["gbk"] = 54936, ["gb18030"] = 54936, ["x-gbk"] = 54936, ["cp936"] = 54936, ["chinese"] = 54936, ["csgb2312"] = 54936,
        ["big5"] = 950, ["big5-hkscs"] = 950, ["cn-big5"] = 950, ["x-x-big5"] = 950,
        ["iso-8859-1"] = 1252, ["iso8859-1"] = 1252, ["latin1"] = 1252, ["l1"] = 1252, ["us-ascii"] = 1252, ["ascii"] = 1252, ["cp1252"] = 1252, ["x-cp1252"] = 1252,
        ["iso-8859-2"] = 28592, ["iso-8859-3"] = 28593, ["iso-8859-4"] = 28594, ["iso-8859-5"] = 28595, ["iso-8859-6"] = 28596,
        ["iso-8859-7"] = 28597, ["iso-8859-8"] = 28598, ["iso-8859-9"] = 1254, ["iso-8859-13"] = 28603, ["iso-8859-15"] = 28605,
        ["koi8-r"] = 20866, ["koi8-u"] = 21866, ["tis-620"] = 874, ["windows-874"] = 874,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Makes sure the code-pages provider is registered (the static constructor does it, once).</summary>
    public static void EnsureRegistered()
    {
    }

    /// <summary>The Windows-1252 encoding, the fallback for bytes that are not UTF-8.</summary>
    public static Encoding Windows1252 => Resolve(1252)!;

    /// <summary>The code page for a charset label, or null when the label is unknown.</summary>
    public static int? CodePage(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        if (CodePages.TryGetValue(name, out var cp))
        {
            return cp;
        }

        if (name.StartsWith("windows-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(8), out cp) && cp is >= 1250 and <= 1258)
        {
            return cp;
        }

        // Any other label the code-pages provider knows ("iso-8859-10", "ibm866"...); GetEncoding(string)
        // on the provider returns null rather than throwing for unknown names.
        return CodePagesEncodingProvider.Instance.GetEncoding(name)?.CodePage;
    }

    /// <summary>The encoding for a code page, or null when this runtime lacks it.</summary>
    public static Encoding? Resolve(int codePage) => codePage switch
    {
        65001 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        1200 => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        1201 => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
        12000 => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
        12001 => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        _ => CodePagesEncodingProvider.Instance.GetEncoding(codePage),
    };

    /// <summary>True for encodings with one byte per character: any byte decodes, so invalid bytes cannot expose a wrong label.</summary>
    public static bool IsSingleByte(int codePage) => codePage is 874 or (>= 1250 and <= 1258) or (>= 28591 and <= 28605) or 20866 or 21866;
}
