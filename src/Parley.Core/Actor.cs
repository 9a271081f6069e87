namespace Parley;

/// <summary>How an actor mention was recognised.</summary>
public enum ActorKind : byte
{
    /// <summary>A country name or short form ("South Korea", "the North").</summary>
    Country,
    /// <summary>A demonym used as an attribute ("Japanese counterpart").</summary>
    Demonym,
    /// <summary>A capital or seat of government standing for the government ("Seoul", "Cheong Wa Dae").</summary>
    Metonym,
    /// <summary>A named person from the people dictionary.</summary>
    Person,
    /// <summary>An international or named organisation ("U.N.", "the foreign ministry").</summary>
    Organization,
    /// <summary>A role or sector phrase ("nuclear envoy", "lawmakers"), possibly with a country.</summary>
    Agent,
    /// <summary>A pronoun or short form resolved to an earlier mention ("Kang", "the two leaders").</summary>
    Coreference,
}

/// <summary>An actor as coded on an event: the text seen, the resolved name, the CAMEO actor code.</summary>
/// <param name="Text">Text as it stands in the sentence ("Kang").</param>
/// <param name="Name">The resolved canonical name ("Kang Kyung-wha"), or the text when unnamed.</param>
/// <param name="Code">CAMEO-style actor code ("KORGOV", "USA", "IGOUNO").</param>
public sealed record ActorRef(string Text, string Name, string Code)
{
    /// <summary>The first three letters of <see cref="Code"/>: a country or "IGO"/"NGO".</summary>
    public string CountryCode => Code.Length >= 3 ? Code[..3] : Code;
}

/// <summary>A recognised actor mention in a body.</summary>
/// <param name="Span">Where it stands.</param>
/// <param name="Kind">How it was recognised.</param>
/// <param name="Actor">The resolved actor.</param>
/// <param name="Sentence">Index of the sentence that holds it.</param>
public sealed record ActorMention(TextSpan Span, ActorKind Kind, ActorRef Actor, int Sentence);
