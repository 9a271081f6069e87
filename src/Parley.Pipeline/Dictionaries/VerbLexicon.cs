using System.Collections.Frozen;

namespace Parley.Pipeline.Dictionaries;

/// <summary>Verb and noun patterns indexed by the word forms they start with.</summary>
public sealed class VerbLexicon
{
    private readonly FrozenDictionary<string, VerbPattern[]> _byFirstWord;

    /// <summary>Builds the index; patterns with more literal words come first.</summary>
    public VerbLexicon(IEnumerable<VerbPattern> patterns)
    {
        var d = new Dictionary<string, List<VerbPattern>>(StringComparer.Ordinal);
        int n = 0;
        foreach (var p in patterns)
        {
            n++;
            if (p.Elements.Length == 0 || p.Elements[0].Forms is not { } first) continue;
            foreach (var form in first)
            {
                if (!d.TryGetValue(form, out var list)) d[form] = list = [];
                list.Add(p);
            }
        }
        Count = n;
        _byFirstWord = d.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(p => p.Weight).ThenByDescending(p => p.Elements.Length).ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>Number of patterns.</summary>
    public int Count { get; }

    /// <summary>Patterns whose first word is <paramref name="word"/>, best first; empty when none.</summary>
    public ReadOnlySpan<VerbPattern> StartingWith(string word) =>
        _byFirstWord.TryGetValue(word, out var list) ? list : [];
}
