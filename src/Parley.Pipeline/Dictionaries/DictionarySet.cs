using System.Reflection;

namespace Parley.Pipeline.Dictionaries;

/// <summary>
/// Every dictionary the annotator and coder use: actor phrases (countries, demonyms, seats of
/// government, organisations, people with dated roles, agent words), verb patterns and the
/// CAMEO table. The shipped files load from the assembly; users add files of the same format
/// (or PETRARCH/TABARI dictionaries) that extend and override them.
/// </summary>
public sealed class DictionarySet
{
    /// <summary>Actor phrases.</summary>
    public PhraseTrie<LexEntry> Actors { get; } = new();
    /// <summary>Agent words (role and sector phrases) to sector codes.</summary>
    public PhraseTrie<LexEntry> Agents { get; } = new();
    /// <summary>Places below country level: cities, states, provinces.</summary>
    public Gazetteer Places { get; } = new();
    /// <summary>Verb and noun patterns.</summary>
    public VerbLexicon Verbs { get; private set; } = new([]);
    /// <summary>CAMEO codes.</summary>
    public CameoTable Cameo { get; private set; } = new([]);
    /// <summary>Country and organisation names by code.</summary>
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);
    /// <summary>People by canonical name.</summary>
    public Dictionary<string, Person> People { get; } = new(StringComparer.Ordinal);

    /// <summary>People by lower-case short (family) name: "kim" → Kim Jong-un, Kim Hyun-chong, ...</summary>
    public Dictionary<string, List<Person>> PeopleByShortName { get; } = new(StringComparer.Ordinal);

    private readonly List<VerbPattern> _patterns = [];
    private readonly Dictionary<string, List<(string[] Aliases, Role Role)>> _personRows = new(StringComparer.Ordinal);

    private static DictionarySet? _default;
    private static readonly Lock DefaultLock = new();

    /// <summary>The shipped dictionaries, loaded once per process.</summary>
    public static DictionarySet Default
    {
        get
        {
            lock (DefaultLock) return _default ??= Load([]);
        }
    }

    /// <summary>Loads the shipped dictionaries plus <paramref name="userFiles"/>, in that order.</summary>
    public static DictionarySet Load(IEnumerable<string> userFiles)
    {
        var set = new DictionarySet();
        var asm = typeof(DictionarySet).Assembly;
        foreach (var name in new[] { "countries", "organizations", "agents", "people", "places", "verbs", "cameo" })
        {
            using var stream = asm.GetManifestResourceStream($"Parley.Data.{name}.tsv");
            if (stream is null) continue;
            using var reader = new StreamReader(stream);
            set.AddFile(name, reader);
        }
        foreach (var file in userFiles)
        {
            using var reader = new StreamReader(file);
            var kind = Path.GetFileName(file).ToLowerInvariant();
            if (kind.EndsWith(".actors.txt", StringComparison.Ordinal) || kind.EndsWith("agents.txt", StringComparison.Ordinal))
                PetrarchImporter.Import(set, reader, kind.EndsWith("agents.txt", StringComparison.Ordinal));
            else
                set.AddFile(KindOf(kind), reader);
        }
        set.Seal();
        return set;
    }

    private static string KindOf(string fileName)
    {
        foreach (var k in new[] { "countries", "organizations", "agents", "people", "places", "verbs", "cameo" })
            if (fileName.StartsWith(k, StringComparison.Ordinal)) return k;
        throw new ArgumentException(
            $"PAR401: cannot tell which dictionary '{fileName}' is; name it countries*.tsv, organizations*.tsv, agents*.tsv, people*.tsv, places*.tsv, verbs*.tsv, or a PETRARCH *.actors.txt / *agents.txt file.");
    }

    private void AddFile(string kind, TextReader reader)
    {
        var rows = TsvFile.Read(reader);
        switch (kind)
        {
            case "countries":
                foreach (var r in rows) AddCountry(r);
                break;
            case "organizations":
                foreach (var r in rows)
                {
                    var code = r["code"];
                    if (code.Length == 0) continue;
                    Names[code] = r["name"];
                    foreach (var n in r.List("aliases").Prepend(r["name"]))
                        Actors.Add(n, new LexEntry(ActorKind.Organization, code, r["name"]));
                }
                break;
            case "agents":
                foreach (var r in rows) AddAgent(r["phrase"], r["sector"]);
                break;
            case "people":
                foreach (var r in rows)
                {
                    if (r["name"].Length == 0 || r["code"].Length == 0) continue;
                    if (!_personRows.TryGetValue(r["name"], out var list)) _personRows[r["name"]] = list = [];
                    list.Add((r.List("aliases").ToArray(), new Role(r["code"], TsvFile.Date(r["start"]), TsvFile.Date(r["end"]), r["role"])));
                }
                break;
            case "places":
                foreach (var r in rows)
                {
                    if (r["name"].Length == 0 || r["country"].Length == 0) continue;
                    long.TryParse(r["population"], out var population);
                    Places.Add(new Place(r["name"], r["country"], r["kind"], population), r.List("aliases"));
                }
                break;
            case "verbs":
                foreach (var r in rows)
                    if (r["code"].Length > 0 && r["pattern"].Length > 0)
                        _patterns.Add(VerbPattern.Parse(r["code"], r["pattern"], r["flags"]));
                break;
            case "cameo":
                Cameo = new CameoTable(rows);
                break;
        }
    }

    // One-word country names and demonyms of at least MinSpelling letters, and each of them with
    // one letter dropped, for MatchMisspeltCountry; null marks a spelling two countries share.
    private readonly Dictionary<string, LexEntry?> _spellings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LexEntry?> _spellingsLessOne = new(StringComparer.Ordinal);

    // Below six letters one edit turns too many names into others (Iran/Iraq, Niger/Nigeria's stem).
    private const int MinSpelling = 6;

    private void AddSpelling(string phrase, LexEntry entry)
    {
        if (phrase.Length < MinSpelling || !phrase.All(char.IsLetter)) return;
        string w = phrase.ToLowerInvariant();
        Put(_spellings, w, entry);
        for (int i = 0; i < w.Length; i++) Put(_spellingsLessOne, w.Remove(i, 1), entry);

        static void Put(Dictionary<string, LexEntry?> map, string key, LexEntry e)
        {
            if (!map.TryGetValue(key, out var old)) map[key] = e;
            else if (old is not null && old.Code != e.Code) map[key] = null;
        }
    }

    /// <summary>
    /// The country whose one-word name or demonym <paramref name="lowerWord"/> misspells by one
    /// letter dropped, added or two neighbours swapped ("Ethopia", "Quatar", "Nigreia"); null
    /// when the word is spelt right, is shorter than six letters, or is one edit from two countries.
    /// </summary>
    public LexEntry? MatchMisspeltCountry(string lowerWord)
    {
        if (lowerWord.Length < MinSpelling - 1 || _spellings.ContainsKey(lowerWord)) return null;
        LexEntry? found = null;
        bool Take(LexEntry? e)
        {
            if (e is null) return false;
            if (found is not null && found.Code != e.Code) { found = null; return false; }
            found = e;
            return true;
        }
        if (_spellingsLessOne.TryGetValue(lowerWord, out var dropped) && (dropped is null || !Take(dropped))) return null;
        if (lowerWord.Length > 64) return found;
        Span<char> buf = stackalloc char[lowerWord.Length];
        var lookup = _spellings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lowerWord.Length >= MinSpelling + 1)
            for (int i = 0; i < lowerWord.Length; i++)
            {
                lowerWord.AsSpan(0, i).CopyTo(buf);
                lowerWord.AsSpan(i + 1).CopyTo(buf[i..]);
                if (lookup.TryGetValue(buf[..^1], out var added) && (added is null || !Take(added))) return null;
            }
        for (int i = 0; i + 1 < lowerWord.Length; i++)
        {
            if (lowerWord[i] == lowerWord[i + 1]) continue;
            lowerWord.AsSpan().CopyTo(buf);
            (buf[i], buf[i + 1]) = (buf[i + 1], buf[i]);
            if (lookup.TryGetValue(buf, out var swapped) && (swapped is null || !Take(swapped))) return null;
        }
        return found;
    }

    private void AddCountry(TsvFile.Row r)
    {
        var code = r["code"];
        if (code.Length == 0) return;
        var name = r["name"];
        Names[code] = name;
        foreach (var n in r.List("aliases").Prepend(name))
        {
            Actors.Add(n, new LexEntry(ActorKind.Country, code, name));
            AddSpelling(n, new LexEntry(ActorKind.Country, code, name));
        }
        foreach (var n in r.List("demonyms"))
        {
            Actors.Add(n, new LexEntry(ActorKind.Demonym, code, name));
            AddSpelling(n, new LexEntry(ActorKind.Demonym, code, name));
        }
        foreach (var n in r.List("metonyms")) Actors.Add(n, new LexEntry(ActorKind.Metonym, code, n));
    }

    /// <summary>Adds an agent phrase with its sector code (e.g. "nuclear envoy" → GOV).</summary>
    public void AddAgent(string phrase, string sector)
    {
        if (phrase.Length == 0 || sector.Length == 0) return;
        Agents.Add(phrase, new LexEntry(ActorKind.Agent, sector, phrase.ToLowerInvariant()));
    }

    /// <summary>Adds a person role; people are assembled when the set is sealed.</summary>
    public void AddPersonRole(string name, IEnumerable<string> aliases, Role role)
    {
        if (!_personRows.TryGetValue(name, out var list)) _personRows[name] = list = [];
        list.Add((aliases.ToArray(), role));
    }

    /// <summary>True when dated roles have been added for <paramref name="name"/>.</summary>
    public bool HasPersonRoles(string name) => _personRows.ContainsKey(name);

    /// <summary>Adds a named actor with a fixed code (from an imported dictionary).</summary>
    public void AddNamedActor(string phrase, string code, string name) =>
        Actors.Add(phrase, new LexEntry(code.Length == 3 ? ActorKind.Country : ActorKind.Organization, code, name));

    private void Seal()
    {
        foreach (var (name, rows) in _personRows)
        {
            var person = new Person(name, rows.Select(r => r.Role).OrderBy(r => r.Start ?? DateOnly.MinValue).ToArray());
            People[name] = person;
            var key = person.ShortName.ToLowerInvariant();
            if (!PeopleByShortName.TryGetValue(key, out var same)) PeopleByShortName[key] = same = [];
            same.Add(person);
            var entry = new LexEntry(ActorKind.Person, person.Roles[^1].Code, name, person);
            Actors.Add(name, entry);
            foreach (var alias in rows.SelectMany(r => r.Aliases).Distinct()) Actors.Add(alias, entry);
        }
        // Phrases that look like actors but name places or things: "the Korean Peninsula".
        foreach (var phrase in NonActors) Actors.Add(phrase, new LexEntry(ActorKind.Country, "", phrase));
        Verbs = new VerbLexicon(_patterns);
    }

    private static readonly string[] NonActors =
    [
        "Korean Peninsula", "Korean War", "Korean Air", "Korean won", "Korean language", "Korean-American",
        "Chinese New Year", "Japanese yen", "Chinese yuan", "Russian Federation's", "American Chamber",
        "Washington, D.C.", "Washington Post", "Korea Times", "Korea Herald", "Korea JoongAng Daily",
        "Japan Times", "South China Morning Post", "New York Times", "Wall Street Journal",
    ];
}
