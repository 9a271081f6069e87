using System.Collections.Concurrent;

namespace Parley.Pipeline.Text;

/// <summary>
/// Shared lower-case strings for words: frequent words are allocated once per process, so
/// tokens of a million sentences point at a few thousand strings.
/// </summary>
public static class WordTable
{
    // Bounded so that a corpus of unique strings (numbers, names) cannot grow it without limit.
    private const int MaxEntries = 200_000;
    private const int MaxInternLength = 24;
    private static readonly ConcurrentDictionary<string, string> Table = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The lower-case form of <paramref name="word"/>, with apostrophes folded to ASCII.</summary>
    public static string Lower(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            buffer[i] = c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c);
        }
        ReadOnlySpan<char> lower = buffer;
        if (lower.Length > MaxInternLength) return lower.ToString();
        if (Lookup.TryGetValue(lower, out var shared)) return shared;
        var s = lower.ToString();
        if (Table.Count < MaxEntries) Table.TryAdd(s, s);
        return s;
    }
}
