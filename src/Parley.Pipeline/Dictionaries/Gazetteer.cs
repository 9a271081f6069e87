using Parley.Pipeline.Text;

namespace Parley.Pipeline.Dictionaries;

/// <summary>
/// Places below country level (cities of 15,000 people or more, states and provinces) by name,
/// so that "Kano State government" or "Mariupol police" get their country. Names are matched as
/// token sequences like other dictionary phrases; a name of several places keeps the most
/// populous, and a large city's name misspelt by two swapped letters ("Dehli") is still found.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Cities of at least this many people are found through a swap of two adjacent letters.</summary>
    public const long FuzzyMinPopulation = 1_000_000;

    private readonly PhraseTrie<Place> _names = new();
    private readonly Dictionary<string, Place> _bigCities = new(StringComparer.Ordinal);

    /// <summary>Number of names and aliases loaded.</summary>
    public int Count => _names.Count;

    /// <summary>Adds <paramref name="place"/> under its name and <paramref name="aliases"/>.</summary>
    public void Add(Place place, IEnumerable<string> aliases)
    {
        foreach (var form in aliases.Prepend(place.Name))
        {
            _names.Add(form, place);
            if (place.Population >= FuzzyMinPopulation && form.Length >= 5 && !form.Contains(' ', StringComparison.Ordinal))
            {
                var key = form.ToLowerInvariant();
                if (!_bigCities.TryGetValue(key, out var had) || had.Population < place.Population) _bigCities[key] = place;
            }
        }
    }

    /// <summary>
    /// The longest place name starting at token <paramref name="at"/>: its length in tokens (0
    /// when none) and the place (the most populous when the name is shared).
    /// </summary>
    public int Match(ReadOnlySpan<Token> tokens, int at, out Place? place)
    {
        place = null;
        int len = _names.Match(tokens, at, out var values);
        if (len == 0) return 0;
        foreach (var v in values)
            if (place is null || v.Population > place.Population) place = v;
        return len;
    }

    /// <summary>
    /// A large city whose one-word name is <paramref name="lowerWord"/> with two adjacent letters
    /// swapped ("dehli" for Delhi), or null.
    /// </summary>
    public Place? MatchMisspelt(string lowerWord)
    {
        if (lowerWord.Length < 5 || _bigCities.Count == 0) return null;
        Span<char> buf = lowerWord.Length <= 64 ? stackalloc char[lowerWord.Length] : new char[lowerWord.Length];
        for (int i = 0; i + 1 < lowerWord.Length; i++)
        {
            if (lowerWord[i] == lowerWord[i + 1]) continue;
            lowerWord.AsSpan().CopyTo(buf);
            (buf[i], buf[i + 1]) = (buf[i + 1], buf[i]);
            if (_bigCities.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(buf, out var p)) return p;
        }
        return null;
    }

    /// <summary>
    /// The place that <paramref name="text"/> names as a whole (after trimming), or null; a
    /// misspelt large city is accepted when <paramref name="allowMisspelt"/>.
    /// </summary>
    public Place? Lookup(string text, bool allowMisspelt = false)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        if (tokens.Count == 0) return null;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        if (Match(span, 0, out var place) == tokens.Count) return place;
        return allowMisspelt && tokens.Count == 1 ? MatchMisspelt(tokens[0].Lower) : null;
    }
}
