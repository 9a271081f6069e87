using System.Buffers;
using System.Collections.Frozen;

namespace Parley.Pipeline.Text;

/// <summary>
/// Splits text into word, number and punctuation tokens. Keeps initialisms ("U.S.", "D.C.")
/// and known abbreviations ("Dec.", "Gen.") whole, folds curly apostrophes, and splits the
/// possessive "'s" into its own token so that "Seoul's" yields "seoul" and "'s".
/// </summary>
public static class Tokenizer
{
    private static readonly SearchValues<char> Apostrophes = SearchValues.Create("'\u2019\u2018");

    /// <summary>Abbreviations that keep their period (lower case, without the period).</summary>
    public static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "sen", "rep",
        "gov", "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "dept", "amb",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "est",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Tokenizes <paramref name="text"/>[<paramref name="span"/>] and appends the tokens to
    /// <paramref name="output"/>; offsets are absolute into <paramref name="text"/>.
    /// </summary>
    public static void Tokenize(string text, TextSpan span, List<Token> output)
    {
        int i = span.Start;
        int end = span.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                bool digits = char.IsDigit(c);
                i++;
                while (i < end)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    // Inner hyphen, apostrophe (not possessive 's), period (initialism), comma/colon in numbers.
                    if (i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
                    {
                        if (d == '-' || d == '&') { i++; continue; }
                        if (Apostrophes.Contains(d) && !IsPossessiveAt(text, i, end)) { i++; continue; }
                        if (d == '.' && !digits && IsInitialismSoFar(text, start, i)) { i++; continue; }
                        if ((d == ',' || d == ':' || d == '.') && digits && char.IsDigit(text[i + 1])) { i++; continue; }
                    }
                    break;
                }
                // A trailing period belongs to initialisms ("U.S.") and listed abbreviations ("Dec.").
                if (i < end && text[i] == '.' && !digits)
                {
                    if (IsInitialismSoFar(text, start, i) && i - start >= 2 && text[i - 2] == '.')
                        i++;
                    else if (i - start == 1 && char.IsUpper(text[start]))
                        i++; // middle initial "J."
                    else if (Abbreviations.Contains(LowerKey(text, start, i)))
                        i++;
                }
                output.Add(Make(text, start, i, digits ? TokenKind.Number : TokenKind.Word));
                continue;
            }
            if (Apostrophes.Contains(c) && IsPossessiveAt(text, i, end))
            {
                output.Add(new Token(new TextSpan(i, i + 2), TokenKind.Word, "'s"));
                i += 2;
                continue;
            }
            output.Add(Make(text, i, i + 1, TokenKind.Punct));
            i++;
        }
    }

    private static bool IsPossessiveAt(string text, int i, int end) =>
        i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]));

    // "U.S" so far: single letters separated by periods.
    private static bool IsInitialismSoFar(string text, int start, int periodAt)
    {
        for (int k = start; k < periodAt; k++)
        {
            bool letterSlot = ((k - start) & 1) == 0;
            if (letterSlot ? !char.IsLetter(text[k]) : text[k] != '.') return false;
        }
        return ((periodAt - start) & 1) == 1;
    }

    private static string LowerKey(string text, int start, int end) =>
        string.Create(end - start, (text, start), static (dst, st) =>
        {
            for (int k = 0; k < dst.Length; k++) dst[k] = char.ToLowerInvariant(st.text[st.start + k]);
        });

    private static Token Make(string text, int start, int end, TokenKind kind) =>
        new(new TextSpan(start, end), kind, WordTable.Lower(text.AsSpan(start, end - start)));
}
