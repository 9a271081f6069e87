using System.Buffers;
using System.Text;

namespace Parley.Pipeline.Extraction;

/// <summary>Whitespace clean-up shared by the extractors.</summary>
internal static class TextLines
{
    /// <summary>Characters that act as spaces on pages: NBSP, the typographic spaces, the ideographic space.</summary>
    private static readonly SearchValues<char> OddSpaces = SearchValues.Create("\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\t\r\n\f\v");

    /// <summary>Characters that carry nothing: zero-width space and joiners, BOM, soft hyphen.</summary>
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u200B\u200C\u200D\u2060\uFEFF\u00AD");

    /// <summary>Collapses every run of whitespace to one space, drops invisible characters, trims.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (trimmed.IndexOfAny(OddSpaces) < 0 && trimmed.IndexOfAny(Invisible) < 0 && trimmed.IndexOf("  ") < 0)
        {
            return trimmed.ToString();
        }

        var sb = new StringBuilder(trimmed.Length);
        var space = false;
        foreach (var c in trimmed)
        {
            if (Invisible.Contains(c))
            {
                continue;
            }

            if (c == ' ' || OddSpaces.Contains(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>True for a character <see cref="Normalize(ReadOnlySpan{char})"/> treats as a space.</summary>
    public static bool IsSpace(char c) => c == ' ' || OddSpaces.Contains(c);

    /// <summary>True for a character <see cref="Normalize(ReadOnlySpan{char})"/> drops.</summary>
    public static bool IsInvisible(char c) => Invisible.Contains(c);

    /// <summary>Number of space-separated words in an already normalized line.</summary>
    public static int WordCount(string line) => line.Length == 0 ? 0 : line.AsSpan().Count(' ') + 1;
}
