using System.Collections.Frozen;
using System.Collections.Immutable;
using Parley.Pipeline.Dictionaries;

namespace Parley.Pipeline.Stages;

/// <summary>
/// Finds actor mentions: dictionary phrases (countries, demonyms, seats of government,
/// organisations, people) grouped with their titles into one actor ("South Korean President
/// Moon Jae-in", "Seoul's top diplomat", "his American counterpart, Stephen Biegun"), short
/// names of people seen earlier ("Kang"), personal pronouns, and pair references ("the two
/// leaders") resolved to the two actors last mentioned. People are coded with the role they
/// held on the sentence's date.
/// </summary>
public sealed partial class ActorStage : IStage
{
    private readonly DictionarySet _dict;

    /// <summary>Creates the stage over <paramref name="dictionaries"/>.</summary>
    public ActorStage(DictionarySet dictionaries) => _dict = dictionaries;

    /// <inheritdoc/>
    public string Name => "actors";
    /// <inheritdoc/>
    public Layer Requires => Layer.Sentences | Layer.Times;
    /// <inheritdoc/>
    public Layer Provides => Layer.Actors;

    private static readonly FrozenSet<string> Fillers = new[]
    {
        "the", "'s", "new", "top", "chief", "senior", "deputy", "vice", "first", "acting", "former", "then", "outgoing",
        "incoming", "special", "state", "his", "her", "their", "its", "our", "a", "an", "two", "three", "several",
        "high-ranking", "high-level", "veteran", "current", "ex", "newly", "appointed", "designate", "hawkish",
        "liberal", "conservative", "secretive", "visiting", "local", "national", "ruling",
        // "NATO peacekeeping troops", "UN peacekeeping forces": the mission word between an organisation and its troops.
        "peacekeeping",
        // "South Korea s new envoy": a possessive whose apostrophe was lost in the capture.
        "s",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SingularPronouns =
        new[] { "he", "she", "him", "his", "her" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[][] PairPhrases =
    [
        ["the", "two", "leaders"], ["the", "two", "sides"], ["the", "two", "countries"], ["the", "two", "nations"],
        ["the", "two", "allies"], ["the", "two", "ministers"], ["the", "two", "envoys"], ["the", "two", "diplomats"],
        ["the", "two", "presidents"], ["both", "leaders"], ["both", "sides"], ["both", "countries"], ["the", "allies"],
        ["the", "two"], ["both"],
    ];

    /// <inheritdoc/>
    public Document Run(Document doc, Diagnostics diagnostics, CancellationToken ct)
    {
        var state = new CorefState();
        var output = ImmutableArray.CreateBuilder<ActorMention>();
        var storyDay = TimeStage.StoryDay(doc.Times) ?? doc.Article.ReferenceDate;
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var day = doc.Times.FirstOrDefault(t => t.Sentence == s)?.Date ?? storyDay;
            state.SentenceSubject = null;
            state.SentenceMentions = 0;
            state.InSentence.Clear();
            state.CurrentSentence = s;
            int before = output.Count;
            ChunkSentence(doc, s, day, state, output);
            NoteSubject(doc, s, output, before, state);
        }
        return doc with { Layers = doc.Layers | Layer.Actors, Actors = output.ToImmutable() };
    }

    // The sentence's first actor is its likely subject: pronouns in later sentences refer to it,
    // and "A and B" opening a sentence is the pair that "the two leaders" later means.
    private static void NoteSubject(Document doc, int s, ImmutableArray<ActorMention>.Builder output, int before, CorefState state)
    {
        if (output.Count <= before) return;
        var first = output[before];
        if (first.Kind is ActorKind.Person || (first.Kind == ActorKind.Coreference && first.Actor.Name != first.Actor.Text))
        {
            bool pairRef = output.Count > before + 1 && output[before + 1].Span == first.Span;
            if (!pairRef) state.PrevSubject = first.Actor;
        }
        if (output.Count > before + 1)
        {
            var second = output[before + 1];
            if (second.Span != first.Span && second.Span.Start > first.Span.End)
            {
                var gap = doc.Text.AsSpan(first.Span.End, second.Span.Start - first.Span.End).Trim();
                if (gap is "and" && second.Actor.Name != first.Actor.Name) { state.SubjectPair = (first.Actor, second.Actor); state.SubjectPairSentence = s; }
            }
        }
    }

    private sealed class CorefState
    {
        public readonly Dictionary<string, ActorRef> ShortNames = new(StringComparer.Ordinal);
        /// <summary>People behind short names, so their code is taken on each sentence's day.</summary>
        public readonly Dictionary<string, Dictionaries.Person> ShortNamePeople = new(StringComparer.Ordinal);
        public readonly List<(ActorRef Actor, bool PersonLike)> Recent = [];
        public ActorRef? LastPerson;
        /// <summary>The person-like first actor of the latest sentence that began with one.</summary>
        public ActorRef? PrevSubject;
        /// <summary>The first actor of the current sentence, once seen.</summary>
        public ActorRef? SentenceSubject;
        /// <summary>The latest pair of coordinated actors that opened a sentence ("Moon and Trump agreed").</summary>
        public (ActorRef, ActorRef)? SubjectPair;
        public int SubjectPairSentence = -1;
        public int SentenceMentions;

        /// <summary>The latest named person or name of the current sentence and the token after it.</summary>
        private ActorRef? _named;
        private int _namedSentence = -1, _namedEnd = -1;

        public void Named(int sentence, int end, ActorRef a)
        {
            _named = a;
            _namedSentence = sentence;
            _namedEnd = end;
        }

        /// <summary>
        /// The named actor a title starting at token <paramref name="start"/> stands in apposition
        /// to: the name just before it, a comma and at most determiners between ("Kim Gunn, the
        /// special representative"); null when none.
        /// </summary>
        public ActorRef? AppositiveTo(int sentence, ReadOnlySpan<Token> tokens, int start)
        {
            if (_named is null || _namedSentence != sentence || _namedEnd >= start || tokens[_namedEnd].Lower != ",") return null;
            for (int i = _namedEnd + 1; i < start; i++)
                if (!Fillers.Contains(tokens[i].Lower)) return null;
            return _named;
        }

        public void Saw(ActorRef a, bool personLike)
        {
            Recent.RemoveAll(r => r.Actor.Name == a.Name && r.Actor.Code == a.Code);
            Recent.Add((a, personLike));
            if (personLike) LastPerson = a;
        }

        /// <summary>The latest two distinct person-like actors of one sentence.</summary>
        public (ActorRef, ActorRef)? PersonPair;
        /// <summary>The latest two actors of distinct countries in one sentence.</summary>
        public (ActorRef, ActorRef)? AnyPair;
        public readonly List<(ActorRef Actor, bool PersonLike)> InSentence = [];

        public void Note(ActorRef a, bool personLike)
        {
            foreach (var (b, bPerson) in InSentence)
            {
                if (personLike && bPerson && b.Name != a.Name && PersonPairSentence != CurrentSentence)
                {
                    PersonPair = (b, a);
                    PersonPairSentence = CurrentSentence;
                }
                // Within a sentence, a pair of people beats a pair that includes a place or a country.
                bool persons = personLike && bPerson;
                if (b.CountryCode != a.CountryCode && (AnyPairSentence != CurrentSentence || (persons && !AnyPairOfPersons)))
                {
                    AnyPair = (b, a);
                    AnyPairSentence = CurrentSentence;
                    AnyPairOfPersons = persons;
                    AnyPairMixed = personLike != bPerson;
                }
            }
            InSentence.Add((a, personLike));
        }

        public int CurrentSentence = -1, PersonPairSentence = -1, AnyPairSentence = -1;
        public bool AnyPairOfPersons;
        /// <summary>True when the latest pair of distinct countries is one person and one country, place or body.</summary>
        public bool AnyPairMixed;

        /// <summary>
        /// The pair "the two leaders" (<paramref name="persons"/>), "the two sides"
        /// (<paramref name="countries"/>) or a bare "the two" (<paramref name="bare"/>) refers
        /// to: the latest qualifying pair, a coordinated subject winning ties. A bare "the two"
        /// is two people or two countries alike, never a person and a country named in passing
        /// ("Park called on North Korea ... The two also agreed").
        /// </summary>
        public (ActorRef, ActorRef)? Pair(bool countries, bool persons, bool bare = false)
        {
            (ActorRef, ActorRef)? best = null;
            int bestAt = -1;
            void Consider((ActorRef, ActorRef)? pair, int at)
            {
                if (pair is not var (x, y) || at <= bestAt) return;
                if (countries && x.CountryCode == y.CountryCode) return;
                best = pair;
                bestAt = at;
            }
            Consider(SubjectPair, SubjectPairSentence);
            if (!countries) Consider(PersonPair, PersonPairSentence);
            if (!persons && !(bare && AnyPairMixed)) Consider(AnyPair, AnyPairSentence);
            if (best is not null) return best;
            ActorRef? second = null;
            for (int i = Recent.Count - 1; i >= 0; i--)
            {
                var (r, personLike) = Recent[i];
                // "both men", "the two leaders": people, not a sector or a place seen last.
                if (r.Code.Length < 3 || (persons && !personLike)) continue;
                if (second is null) { second = r; continue; }
                bool distinct = countries ? r.CountryCode != second.CountryCode : r.Name != second.Name && r.Code != second.Code || r.CountryCode != second.CountryCode;
                if (distinct) return (r, second);
            }
            return null;
        }
    }
}
