using Parley.Pipeline.Dictionaries;
using Parley.Pipeline.Stages;

namespace Parley.Pipeline.Evaluation;

/// <summary>
/// An actor code split into its parts, as actor-resolution tests state them: the sectors in
/// PLOVER's codes, which rename two of CAMEO's (CAMEO's media MED is PLOVER's JRN, CAMEO's health
/// HLH is PLOVER's MED) and fold CAMEO's separatists and insurgents into rebels (REB).
/// </summary>
/// <param name="Country">ISO3 country, "UNO" for the UN system, "EUR" for the EU, "IGO" for other intergovernmental bodies, or "" for none.</param>
/// <param name="Code1">First sector code in PLOVER's terms ("GOV"), or "".</param>
/// <param name="Code2">Second sector code in PLOVER's terms, or "".</param>
/// <param name="Full">The CAMEO-style code Parley uses ("KORGOV", "IGOUSC").</param>
public sealed record AgentCode(string Country, string Code1, string Code2, string Full);

/// <summary>
/// Resolves a short actor phrase ("the Mongolian President", "Kyiv police") the way the actor
/// stage resolves it inside a sentence, on a given day, and splits the code into country and
/// sectors.
/// </summary>
public sealed class ActorResolver
{
    private readonly DictionarySet _dict;
    private readonly Pipeline _pipeline;

    /// <summary>Creates a resolver over <paramref name="dictionaries"/>.</summary>
    public ActorResolver(DictionarySet dictionaries)
    {
        _dict = dictionaries;
        _pipeline = new PipelineBuilder().UseSentences().UseTimes().UseActors(dictionaries).Build();
    }

    /// <summary>
    /// The code of <paramref name="text"/> (with <paramref name="context"/>, a country or
    /// nationality word, placed before it) on <paramref name="day"/>; null when the phrase names
    /// no known actor. Besides what the actor stage finds in a sentence, a phrase that is only a
    /// pronoun is an unknown actor (UNK), only a time expression is junk (JNK), only a family
    /// name is the one known person of that name, and only a place below country level is that
    /// country's civilians (CVL).
    /// </summary>
    public AgentCode? Resolve(string text, string context, DateOnly day)
    {
        string phrase = context.Length > 0 ? context + " " + text : text;
        var doc = _pipeline.Run(PloverEvaluation.Article("actor", phrase, day), new Diagnostics());
        if (doc.Actors.Length == 0) return Fallback(doc, text, context, day);
        // The widest mention is the phrase's head actor ("Chile's Ministry of Mines", not "Chile");
        // one in the text itself beats the context placed before it ("PRI" with context "Mexico").
        int textStart = context.Length > 0 ? context.Length + 1 : 0;
        var inText = doc.Actors.Where(m => m.Span.Start >= textStart).ToList();
        var best = (inText.Count > 0 ? inText : doc.Actors.ToList()).OrderByDescending(m => m.Span.End - m.Span.Start).ThenBy(m => m.Span.Start).First();
        string country = "";
        ActorRef actor = best.Actor;
        // A country-only mention beside a sector-only one ("Muslim leaders in France") combine.
        foreach (var m in doc.Actors)
            if (IsCountry(m.Actor.Code) && !IsCountry(actor.Code) && actor.Code.Length is 3 or 6 && !actor.Code.StartsWith("IGO", StringComparison.Ordinal))
                country = m.Actor.CountryCode;
        // "Syrian island": a country with a common noun the dictionaries do not know is some unknown actor of that country.
        if (actor.Code.Length == 3 && IsCountry(actor.Code) && best.Kind is ActorKind.Country or ActorKind.Demonym && TrailingNoun(doc.Text, best.Span.End))
            return new AgentCode(actor.Code, UnknownActor, "", actor.Code + UnknownActor);
        return Split(actor.Code, country);
    }

    /// <summary>Sector code of an actor that cannot be told: a pronoun, "two men".</summary>
    public const string UnknownActor = "UNK";

    /// <summary>Sector code of a phrase that is no actor at all: "yesterday".</summary>
    public const string Junk = "JNK";

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "him", "her", "them", "it", "we", "us", "you", "i", "someone", "somebody", "anyone", "everyone",
    };

    private AgentCode? Fallback(Document doc, string text, string context, DateOnly day)
    {
        string t = text.Trim();
        if (Pronouns.Contains(t)) return new AgentCode("", UnknownActor, "", UnknownActor);
        if (doc.Times.Length > 0 && doc.Times.Sum(x => x.Span.End - x.Span.Start) * 2 >= doc.Text.Trim().Length)
            return new AgentCode("", Junk, "", Junk);
        if (context.Length == 0 && t.Length > 2 && !t.Contains(' ', StringComparison.Ordinal) && char.IsUpper(t[0])
            && _dict.PeopleByShortName.TryGetValue(t.ToLowerInvariant(), out var people) && people.Count == 1)
            return Split(people[0].CodeOn(day), "");
        if (context.Length == 0 && t.Length > 0 && char.IsUpper(t[0]) && _dict.Places.Lookup(t, allowMisspelt: true) is { } place)
            return new AgentCode(place.Country, "CVL", "", place.Country + "CVL");
        return null;
    }

    // True when a lower-case word follows the mention ending at end ("Syrian island").
    private static bool TrailingNoun(string text, int end)
    {
        var rest = text.AsSpan(end).Trim();
        return rest.Length > 2 && char.IsLower(rest[0]) && rest.IndexOfAny(' ', ',') < 0 && rest.ToString().All(char.IsLetter);
    }

    /// <summary>The nationality in <paramref name="text"/> and the text without it (and without a leading article).</summary>
    public (string Code, string Remainder) Nationality(string text)
    {
        var tokens = new List<Token>();
        Text.Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        var span = tokens.ToArray().AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            int len = _dict.Actors.Match(span, i, out var values);
            if (len == 0) continue;
            var entry = values.FirstOrDefault(v => v.Kind is ActorKind.Country or ActorKind.Demonym && v.Code.Length == 3);
            if (entry is null) { i += len - 1; continue; }
            string rest = text[..span[i].Span.Start] + text[span[i + len - 1].Span.End..];
            rest = rest.Trim();
            foreach (var article in new[] { "a ", "an ", "the " })
                if (rest.StartsWith(article, StringComparison.OrdinalIgnoreCase)) rest = rest[article.Length..].TrimStart();
            return (entry.Code, rest);
        }
        return ("", text);
    }

    private bool IsCountry(string code) => code.Length >= 3 && !code.StartsWith("IGO", StringComparison.Ordinal)
                                           && !code.StartsWith("NGO", StringComparison.Ordinal) && _dict.Names.ContainsKey(code[..3]);

    private AgentCode Split(string code, string countryHint)
    {
        if (code.StartsWith("IGO", StringComparison.Ordinal))
        {
            string name = _dict.Names.GetValueOrDefault(code, "");
            string bloc = code.StartsWith("IGOU", StringComparison.Ordinal) || name.StartsWith("UN ", StringComparison.Ordinal) || name.StartsWith("United Nations", StringComparison.Ordinal) ? "UNO"
                : name.StartsWith("European", StringComparison.Ordinal) ? "EUR" : "IGO";
            return new AgentCode(bloc, code.Length > 6 ? code[6..Math.Min(9, code.Length)] : "", "", code);
        }
        if (code.StartsWith("NGO", StringComparison.Ordinal)) return new AgentCode("", "NGO", "", code);
        if (IsCountry(code))
            return new AgentCode(code[..3], Part(code, 3), Part(code, 6), code);
        return new AgentCode(countryHint, Part(code, 0), Part(code, 3), code);
    }

    private static string Part(string code, int at) => code.Length >= at + 3 ? PloverSector(code.Substring(at, 3)) : "";

    /// <summary>The PLOVER name of CAMEO sector <paramref name="cameo"/> (PLOVER manual, sector code note 4 and 3).</summary>
    public static string PloverSector(string cameo) => cameo switch
    {
        "MED" => "JRN",
        "HLH" => "MED",
        "SEP" or "INS" => "REB",
        _ => cameo,
    };
}
