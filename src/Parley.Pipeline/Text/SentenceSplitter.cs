namespace Parley.Pipeline.Text;

/// <summary>
/// Splits a body into sentences. Paragraph breaks (a blank line) always end a sentence; a
/// period, question or exclamation mark ends one when followed by white space and a capital,
/// digit or opening quote, unless it closes an abbreviation ("Dec.", "Gen.") or an initialism
/// ("U.S.", "D.C.") that runs on into a lower-case or capitalised name.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Splits <paramref name="text"/> into sentences with their paragraph index.</summary>
    public static List<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        int paragraph = 0;
        int pos = 0;
        while (pos < text.Length)
        {
            int paraEnd = text.IndexOf("\n\n", pos, StringComparison.Ordinal);
            if (paraEnd < 0) paraEnd = text.Length;
            SplitParagraph(text, pos, paraEnd, paragraph, result);
            pos = paraEnd;
            while (pos < text.Length && (text[pos] == '\n' || text[pos] == '\r')) pos++;
            paragraph++;
        }
        return result;
    }

    private static void SplitParagraph(string text, int start, int end, int paragraph, List<Sentence> result)
    {
        int s = Skip(text, start, end);
        int i = s;
        while (i < end)
        {
            char c = text[i];
            if (c is '.' or '?' or '!' && IsBoundary(text, i, end, out int after))
            {
                Add(text, s, after, paragraph, result);
                s = Skip(text, after, end);
                i = s;
                continue;
            }
            if (c == '\n')
            {
                // A single line break inside a paragraph ends a sentence only after a
                // closing mark; otherwise it is wrapping.
                i++;
                continue;
            }
            i++;
        }
        if (s < end) Add(text, s, end, paragraph, result);
    }

    private static bool IsBoundary(string text, int i, int end, out int after)
    {
        after = i + 1;
        while (after < end && text[after] is '"' or '\'' or ')' or '\u201D' or '\u2019' or '.' or '?' or '!') after++;
        if (after >= end) return true;
        if (!char.IsWhiteSpace(text[after])) return false;
        int next = after;
        while (next < end && char.IsWhiteSpace(text[next])) next++;
        if (next >= end) return true;
        char n = text[next];
        bool startsSentence = char.IsUpper(n) || char.IsDigit(n) || n is '"' or '\u201C' or '\'' or '\u2018' or '(' or '[';
        if (!startsSentence) return false;
        if (text[i] != '.') return true;
        // Period: is it the end of an abbreviation?
        int w = i;
        while (w > 0 && (char.IsLetter(text[w - 1]) || text[w - 1] == '.')) w--;
        var word = text.AsSpan(w, i - w);
        if (word.Length == 0) return true;
        if (word.Length == 1 && char.IsUpper(word[0])) return false; // middle initial
        if (word.Contains('.')) // initialism "U.S" before the final period
        {
            // "U.S. President" continues; "in the U.S. The" is ambiguous: treat a following
            // function word at sentence start as a new sentence.
            return IsSentenceStarter(text, next, end);
        }
        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        if (word.Length <= 16)
        {
            word.ToLowerInvariant(lower);
            if (Tokenizer.Abbreviations.Contains(lower.ToString()))
                return char.IsDigit(n) ? false : IsTitleAbbreviation(lower) ? false : IsSentenceStarter(text, next, end);
        }
        return true;
    }

    private static bool IsTitleAbbreviation(ReadOnlySpan<char> w) =>
        w is "mr" or "mrs" or "ms" or "dr" or "prof" or "gen" or "lt" or "col" or "maj" or "capt" or "cmdr" or "adm" or "sgt" or "sen" or "rep" or "gov" or "pres" or "st" or "amb" or "no";

    private static bool IsSentenceStarter(string text, int at, int end)
    {
        int e = at;
        while (e < end && char.IsLetter(text[e])) e++;
        var w = text.AsSpan(at, e - at);
        return w is "The" or "A" or "An" or "It" or "He" or "She" or "They" or "We" or "I" or "But" or "In" or "On"
            or "This" or "That" or "These" or "Those" or "There" or "His" or "Her" or "Its" or "Their" or "At" or "As"
            or "After" or "Before" or "While" or "When" or "Meanwhile" or "However" or "Some" or "Many";
    }

    private static int Skip(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static void Add(string text, int start, int end, int paragraph, List<Sentence> result)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new Sentence(result.Count, new TextSpan(start, end), paragraph));
    }
}
