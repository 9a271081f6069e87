using Parley.Pipeline.Text;

namespace Parley.Pipeline.Dictionaries;

/// <summary>
/// A trie over lower-cased token sequences that finds the longest dictionary phrase starting
/// at a token. Phrases are tokenized with the same <see cref="Tokenizer"/> as the text, so
/// "U.S." and "Seoul's" split the same way in both.
/// </summary>
public sealed class PhraseTrie<T>
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<T>? Values;
    }

    private readonly Node _root = new();

    /// <summary>Number of phrases added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="phrase"/> (any case) with its value.</summary>
    public void Add(string phrase, T value)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(phrase, new TextSpan(0, phrase.Length), tokens);
        if (tokens.Count == 0) return;
        var node = _root;
        foreach (var t in tokens)
        {
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(t.Lower, out var next))
                node.Children[t.Lower] = next = new Node();
            node = next;
        }
        node.Values ??= [];
        if (!node.Values.Contains(value)) node.Values.Add(value);
        Count++;
    }

    /// <summary>
    /// The longest phrase starting at <paramref name="at"/>: returns its length in tokens
    /// (0 when none) and its values.
    /// </summary>
    public int Match(ReadOnlySpan<Token> tokens, int at, out IReadOnlyList<T> values)
    {
        values = [];
        var node = _root;
        int best = 0;
        for (int i = at; i < tokens.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(tokens[i].Lower, out var next)) break;
            node = next;
            if (node.Values is { Count: > 0 })
            {
                best = i - at + 1;
                values = node.Values;
            }
        }
        return best;
    }

    /// <summary>True when <paramref name="word"/> begins at least one phrase.</summary>
    public bool Starts(string word) => _root.Children?.ContainsKey(word) == true;
}
