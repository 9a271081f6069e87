using System.Collections.Immutable;
using Parley.Pipeline.Dictionaries;

namespace Parley.Pipeline.Stages;

public sealed partial class CodingStage
{
    private bool Emit(SentenceContext ctx, VerbPattern p, int at, MatchState st, ImmutableArray<EventMention>.Builder events)
    {
        bool fromSpeaker;
        List<ActorRef> sources;
        int boundary;
        if (st.Sources.Count > 0)
        {
            sources = st.Sources.SelectMany(c => ctx.Chunks[c].Actors).ToList();
            fromSpeaker = false;
            boundary = -1;
        }
        else if (p.Nominal && ByAgent(ctx, st.End) is int by)
        {
            // "the visits to China ... by his envoys": a noun event's agent after "by" is its
            // source, not the clause's subject; an agent we cannot code means no event.
            if (by < 0) return false;
            sources = [.. ctx.Chunks[by].Actors];
            fromSpeaker = false;
            boundary = -1;
        }
        else if (!p.Nominal && IsPassive(ctx, at))
        {
            // "A missionary was arrested in Lebanon": the subject of an agentless passive is acted
            // on. An arrest, detention or investigation is done by the authorities of the place
            // it happens in; any other agentless act has no known doer and is not coded.
            var patient = FindSubject(ctx, p, at, out fromSpeaker, out boundary);
            if (st.Targets.Count > 0 || patient.Count == 0 || !p.Code.StartsWith("09", StringComparison.Ordinal) && !p.Code.StartsWith("17", StringComparison.Ordinal))
                return false;
            if (PlaceAfter(ctx, st.End) is not { } place) return false;
            return EmitPairs(ctx, p, at, st, events, [place], patient, fromSpeaker, boundary);
        }
        else
        {
            sources = FindSubject(ctx, p, at, out fromSpeaker, out boundary);
            if (sources.Count == 0 && !p.Nominal && UnattributedAttack(ctx, p, at) is { } unknown) sources = [unknown];
        }
        var targets = st.Targets.SelectMany(c => ctx.Chunks[c].Actors).ToList();
        bool clauseTarget = false;
        // "expelled two Russian diplomats" read by "+expel .. diplomats": the pattern's own object
        // word heads an actor, and that actor is the target.
        if (targets.Count == 0 && !(p.Symmetric && sources.Count >= 2) && ObjectInPattern(ctx, at, st.End, sources) is int oc)
            targets = [.. ctx.Chunks[oc].Actors];
        if (targets.Count == 0 && _options.AllowMissingTarget && !(p.Symmetric && sources.Count >= 2)
            && ClauseTarget(ctx, st.End, sources) is int tc)
        {
            targets = Coordinated(ctx, tc);
            clauseTarget = true;
        }
        return EmitPairs(ctx, p, at, st, events, sources, targets, fromSpeaker, boundary, clauseTarget);
    }

    // The actor that holds a word of the pattern after its verb, or null.
    private static int? ObjectInPattern(SentenceContext ctx, int at, int end, List<ActorRef> sources)
    {
        for (int k = at + 1; k < end && k < ctx.Count; k++)
        {
            int c = ctx.ChunkAt[k];
            if (c < 0 || c == ctx.SpeakerChunk) continue;
            if (ctx.Chunks[c].Actors.Any(a => sources.Any(s => SameActor(a, s)))) continue;
            return c;
        }
        return null;
    }

    // The first actor in the rest of the clause after a pattern with no target of its own, within
    // ten tokens: an object past the pattern's words ("promised to continue military aid to
    // war-torn Mozambique"), a prepositional target ("break relations with Russia"), or the
    // place of a local act ("demonstrated in Serbia"). The clause ends at a comma, a clause word
    // ("if", "who", "after") or the reporting verb; the source's own actors are passed over.
    private static int? ClauseTarget(SentenceContext ctx, int from, List<ActorRef> sources)
    {
        for (int k = from; k < ctx.Count && k < from + 10; k++)
        {
            string w = ctx.Word(k);
            if (IsHardBoundary(ctx, k) || w == "," || k == ctx.SpeechAt || ctx.InQuote[k]) return null;
            int c = ctx.ChunkAt[k];
            if (c < 0)
            {
                if (ClauseWords.Contains(w)) return null;
                continue;
            }
            var chunk = ctx.Chunks[c];
            if (c == ctx.SpeakerChunk) return null;
            if (chunk.Actors.Any(a => sources.Any(s => SameActor(a, s)))) { k = chunk.End - 1; continue; }
            return c;
        }
        return null;
    }

    private bool EmitPairs(SentenceContext ctx, VerbPattern p, int at, MatchState st, ImmutableArray<EventMention>.Builder events,
        List<ActorRef> sources, List<ActorRef> targets, bool fromSpeaker, int boundary, bool clauseTarget = false)
    {
        if (sources.Count == 0) return false;

        var pairs = new List<(ActorRef Source, ActorRef Target)>();
        if (targets.Count == 0)
        {
            if (p.Symmetric && sources.Count >= 2)
            {
                foreach (var a in sources)
                    foreach (var b in sources)
                        if (!ReferenceEquals(a, b)) pairs.Add((a, b));
            }
            else if (_options.AllowMissingTarget)
                foreach (var a in sources) pairs.Add((a, NoActor));
            else return false;
        }
        else
        {
            foreach (var a in sources)
                foreach (var b in targets)
                {
                    pairs.Add((a, b));
                    if (p.Symmetric && st.Sources.Count > 0) pairs.Add((b, a));
                }
        }
        // A target found only in the rest of the clause is too loose a reading to keep the source
        // from the country it names ("their forces completed their withdrawal from the Bosnian town").
        for (int n = 0; n < pairs.Count; n++)
            pairs[n] = (Placed(ctx, pairs[n].Source, clauseTarget ? NoActor : pairs[n].Target, true), Placed(ctx, pairs[n].Target, pairs[n].Source, false));
        pairs.RemoveAll(x => SameAgent(x.Source, x.Target) || !Codable(x.Source) || (!Codable(x.Target) && !ReferenceEquals(x.Target, NoActor)));
        // One actor named twice in a slot ("Lee Do-hoon, Seoul's special representative, held
        // talks") is one party to one event.
        for (int n = pairs.Count - 1; n > 0; n--)
            for (int m = 0; m < n; m++)
                if (SameActor(pairs[m].Source, pairs[n].Source) && SameActor(pairs[m].Target, pairs[n].Target)) { pairs.RemoveAt(n); break; }
        if (pairs.Count == 0) return false;

        var modality = ModalityOf(ctx, at, boundary, p.Nominal);
        string code = Recode(ctx, at, p.Code, ref modality);
        var (date, basis) = DateOf(ctx, at, modality);
        // A sentence with no date of its own that continues an earlier event of the same two
        // parties ("In the Washington session, Biegun briefed Lee") takes that event's day.
        if (basis is DateBases.Context or DateBases.Publication && modality == Modality.Asserted)
            foreach (var (a, b) in pairs)
                if (ctx.DatedPairs.TryGetValue(PairKey(a, b), out var earlier)) { date = earlier; basis = DateBases.Context; break; }
        string? location = LocationOf(ctx, at, st.End);
        var sentence = ctx.Doc.Sentences[ctx.Sentence].Span;
        var evidence = new TextSpan(ctx.Tok(at).Span.Start, ctx.Tok(Math.Max(at, st.End - 1)).Span.End);
        string? attribution = ctx.SpeakerChunk >= 0 && !fromSpeaker && at < ctx.SpeechAt
            ? ctx.Chunks[ctx.SpeakerChunk].Actors[0].Name
            : null;
        // Confidence is an additive score of the evidence the coding rests on (README, "Confidence"):
        // 0.55 base; +0.10 a pattern of two or more words; +0.10 the sentence dates the event
        // itself; +0.10 the pattern names its target; -0.15 / -0.10 a source / target known only
        // by role or pronoun; -0.05 the source taken from the speaker of a subordinate clause;
        // -0.10 a code changed by a cue (offered, refused, unless) rather than read from the verb.
        double confidence = 0.55 + (p.Weight >= 2 ? 0.1 : 0) + (basis is DateBases.Explicit or DateBases.Weekday ? 0.1 : 0)
                            - (sources.Any(IsVague) ? 0.15 : 0) - (targets.Any(IsVague) ? 0.1 : 0) - (fromSpeaker ? 0.05 : 0)
                            + (targets.Count > 0 ? 0.1 : 0) - (code != p.Code ? 0.1 : 0);
        if (basis is DateBases.Explicit or DateBases.Weekday && date is { } known && modality == Modality.Asserted)
            foreach (var (a, b) in pairs) ctx.DatedPairs[PairKey(a, b)] = known;
        foreach (var (source, target) in pairs)
        {
            events.Add(new EventMention
            {
                ArticleId = ctx.Doc.Article.Id,
                SentenceIndex = ctx.Sentence,
                Sentence = sentence,
                Evidence = evidence,
                Source = source,
                Target = target,
                Cameo = code,
                Date = date,
                DateBasis = basis,
                Location = location,
                Modality = modality,
                Attribution = attribution,
                Confidence = Math.Round(Math.Clamp(confidence, 0.05, 0.99), 2),
            });
        }
        return true;
    }

    /// <summary>
    /// CAMEO's and PLOVER's rules for acts that are promised, threatened or refused rather than
    /// done: a cooperative act (04–08) that is intended ("will visit", "plans to give") or offered
    /// ("offered to hand over", "is willing to withdraw") is an expression of intent (03x, PLOVER
    /// AGREE: "cooperative actions reported in future tense imply intentions"); a conflictual
    /// act (10–20) that is intended or made conditional ("will boycott ... unless") is a threat
    /// (13x); a cooperative act refused ("will not accept", "refused to withdraw") is a rejection
    /// (12x). The promise, threat or refusal itself happened, so its modality becomes asserted.
    /// </summary>
    private static string Recode(SentenceContext ctx, int at, string code, ref Modality modality)
    {
        int root = code.Length >= 2 && int.TryParse(code.AsSpan(0, 2), out var r) ? r : 0;
        bool cooperative = root is >= 4 and <= 8, conflictual = root is >= 10 and <= 20 && root != 13;
        if (root is 3 or 12 or 13 || root == 0) return code;
        string cue = Cue(ctx, at);
        if (cue == "refuse" && cooperative) { modality = Modality.Asserted; return RejectOf(root); }
        if (cue == "offer" && cooperative) { modality = Modality.Asserted; return IntentOf(code, root); }
        if (cue == "offer" && conflictual) { modality = Modality.Asserted; return ThreatOf(root); }
        bool conditional = false;
        for (int k = at + 1; k < ctx.Count; k++) if (ctx.Word(k) == "unless") conditional = true;
        // "they said they would meet the mediator if ...": a reported conditional offer or threat
        // (would/will just before the verb, the condition after it) is a stated intention.
        if (modality == Modality.Hypothetical && (ctx.Word(at - 1) is "would" or "will" || ctx.Word(at - 2) is "would" or "will"))
        {
            bool ifBefore = false;
            for (int k = 0; k < at; k++)
                if (ctx.Word(k) is "if" or "whether" or "unless" or "possibility" or "possible" or "possibly" or "unclear" or "speculation"
                    or "speculations" or "rumors" or "rumours" or "may" or "might" or "could" or "perhaps" or "maybe" or "likely") ifBefore = true;
            if (!ifBefore) modality = Modality.Intended;
        }
        if (modality == Modality.Intended || (modality == Modality.Hypothetical && conditional))
        {
            if (cooperative && !conditional) return IntentOf(code, root);
            if (conflictual || (cooperative && conditional)) { modality = Modality.Asserted; return ThreatOf(root); }
        }
        return code;
    }

    // What the words before a verb make of it: "offer" (offered/promised/pledged/vowed/agreed/
    // willing/prepared/ready to), "refuse" (refused/declined to, will not, would not), or "".
    private static string Cue(SentenceContext ctx, int at)
    {
        int k = at - 1;
        while (k >= 0 && ctx.Word(k) is "also" or "not" or "be" or "further" or "immediately" or "soon") k--;
        bool to = k >= 0 && ctx.Word(k) == "to";
        string w1 = ctx.Word(to ? k - 1 : k), w0 = ctx.Word(at - 1), w2 = ctx.Word(at - 2);
        if (to && w1 is "offer" or "offers" or "offered" or "promise" or "promises" or "promised" or "pledge" or "pledges" or "pledged"
            or "vow" or "vows" or "vowed" or "agree" or "agrees" or "agreed" or "willing" or "prepared" or "ready" or "committed" or "sworn" or "swore")
            return "offer";
        if (to && w1 is "refuse" or "refuses" or "refused" or "refusing" or "decline" or "declines" or "declined") return "refuse";
        if (w0 == "not" && w2 is "will" or "would" or "shall" or "could" or "can" || w0 is "won't" or "cannot" || (w0 == "n't" && w2 is "wo" or "ca"))
            return "refuse";
        return "";
    }

    // 03x for an intended or offered cooperative act of root 04–08.
    private static string IntentOf(string code, int root) => root switch
    {
        4 => "036",
        5 => "032",
        6 => code.StartsWith("062", StringComparison.Ordinal) ? "0312" : code.StartsWith("061", StringComparison.Ordinal) ? "0311" : "031",
        7 => code.StartsWith("073", StringComparison.Ordinal) ? "0333" : code.StartsWith("072", StringComparison.Ordinal) ? "0332" : code.StartsWith("074", StringComparison.Ordinal) ? "0334" : "033",
        _ => code.StartsWith("084", StringComparison.Ordinal) ? "0353" : code.StartsWith("083", StringComparison.Ordinal) ? "0354"
            : code.StartsWith("087", StringComparison.Ordinal) ? "0356" : code.StartsWith("081", StringComparison.Ordinal) ? "0351" : "035",
    };

    // 12x for a refused cooperative act of root 04–08.
    private static string RejectOf(int root) => root switch { 4 => "125", 5 => "120", 6 => "121", 7 => "122", _ => "124" };

    // 13x for an intended or conditional conflictual act.
    private static string ThreatOf(int root) => root switch
    {
        10 or 11 or 12 => "130",
        14 => "130",
        15 => "138",
        16 => "131",
        17 => "137",
        _ => "138",
    };

    private static readonly HashSet<string> AttackNouns = new(StringComparer.Ordinal)
    {
        "bomb", "bombs", "bombing", "bombings", "blast", "blasts", "explosion", "explosions", "attack", "attacks", "ambush",
        "shelling", "rocket", "rockets", "mortar", "mortars", "mine", "mines", "minefield", "landmine", "airstrike", "airstrikes",
        "gunfire", "shooting", "grenade", "ied",
    };

    /// <summary>
    /// The doer of an attack whose subject is the weapon or the act itself ("A car bomb in Kabul
    /// killed two soldiers"): unidentified armed forces (UAF) of the country the subject places
    /// it in, as ICEWS and CAMEO code attacks nobody claimed; null for other codes or when the
    /// subject names no attack noun or no single country.
    /// </summary>
    private ActorRef? UnattributedAttack(SentenceContext ctx, VerbPattern p, int at)
    {
        if (!(p.Code.StartsWith("18", StringComparison.Ordinal) || p.Code.StartsWith("19", StringComparison.Ordinal) || p.Code.StartsWith("20", StringComparison.Ordinal)))
            return null;
        int noun = -1;
        string? country = null;
        for (int k = at - 1; k >= 0; k--)
        {
            string w = ctx.Word(k);
            if (w is ";" or ":" or "," || ctx.InQuote[k] || (ClauseWords.Contains(w) && ctx.ChunkAt[k] < 0)) break;
            if (AttackNouns.Contains(w)) noun = k;
            if (ctx.ChunkAt[k] >= 0)
            {
                var c = ctx.Chunks[ctx.ChunkAt[k]];
                if (!Governed(ctx, c.Start)) return null; // an actor is the subject after all
                string cc = c.Actors[0].CountryCode;
                if (!_dict.Names.ContainsKey(cc) || (country is not null && country != cc)) return null;
                country = cc;
                k = c.Start;
                continue;
            }
            if (char.IsUpper(ctx.Doc.Text[ctx.Tok(k).Span.Start]) && _dict.Places.Match(ctx.Doc.TokensOf(ctx.Sentence), k, out var place) > 0 && place is not null)
            {
                if (country is not null && country != place.Country) return null;
                country = place.Country;
            }
        }
        if (noun < 0 || country is null) return null;
        string text = ctx.Tok(noun).Span.TextOf(ctx.Doc.Text);
        return new ActorRef(text, text, country + "UAF");
    }

    // The chunk after "by" within a few tokens of a noun event's end: its index, -1 when "by"
    // is followed by no actor, null when there is no "by".
    private static int? ByAgent(SentenceContext ctx, int end)
    {
        for (int k = end; k < ctx.Count && k < end + 8; k++)
        {
            if (IsHardBoundary(ctx, k) || ctx.Word(k) is "," or "who") return null;
            if (ctx.Word(k) != "by") continue;
            for (int j = k + 1; j < ctx.Count && j <= k + 3; j++)
                if (ctx.ChunkAt[j] >= 0) return ctx.ChunkAt[j];
            return -1;
        }
        return null;
    }

    /// <summary>The target of a source-only event (<see cref="CodingOptions.AllowMissingTarget"/>).</summary>
    private static readonly ActorRef NoActor = new("", "", "");

    // An actor can be a party to an event only with a country or organisation: "the president"
    // alone (code "GOV") cannot.
    private bool Codable(ActorRef a) =>
        a.Code.Length >= 3 && (_options.AllowSectorOnlyActors || _dict.Names.ContainsKey(a.Code) || _dict.Names.ContainsKey(a.Code[..3])
                               || a.Code.StartsWith("IGO", StringComparison.Ordinal) || a.Code.StartsWith("NGO", StringComparison.Ordinal));

    private static readonly HashSet<string> PassiveAuxiliaries = new(StringComparer.Ordinal) { "was", "were", "been", "is", "are", "be", "being" };

    // "was arrested", "has been put under investigation", "were reportedly detained".
    private static bool IsPassive(SentenceContext ctx, int at)
    {
        // "is committed to", "is prepared to": a participle before "to" states a stance, not a passive act.
        if (ctx.Word(at).EndsWith("ing", StringComparison.Ordinal) || ctx.Word(at + 1) == "to") return false;
        int k = at - 1;
        while (k >= 0 && ctx.Word(k) is "reportedly" or "allegedly" or "later" or "also" or "briefly" or "recently" or "then") k--;
        return k >= 0 && PassiveAuxiliaries.Contains(ctx.Word(k));
    }

    // The country named by "in <country>" in the clause after a verb ("arrested in Lebanon").
    private ActorRef? PlaceAfter(SentenceContext ctx, int from)
    {
        for (int k = from; k + 1 < ctx.Count && k < from + 6; k++)
        {
            if (IsHardBoundary(ctx, k) || ctx.Word(k) == ",") return null;
            if (ctx.Word(k) != "in") continue;
            int j = ctx.Word(k + 1) == "the" ? k + 2 : k + 1;
            if (j < ctx.Count && ctx.ChunkAt[j] >= 0 && ctx.Chunks[ctx.ChunkAt[j]].Actors[0] is var a && _dict.Names.ContainsKey(a.Code))
                return a;
            return null;
        }
        return null;
    }

    // Sectors of the state: a minister or an army named without its country is rarely of the
    // country it acts on ("the minister met U.S. envoy ..."), so they never take the other party's country.
    private static bool StateSector(string sector) =>
        sector.StartsWith("GOV", StringComparison.Ordinal) || sector.StartsWith("MIL", StringComparison.Ordinal)
        || sector is "COP" or "SPY" or "JUD" or "LEG";

    private bool HasCountry(ActorRef a) =>
        a.Code.Length >= 3 && (_dict.Names.ContainsKey(a.Code[..3]) || _dict.Names.ContainsKey(a.Code)
                               || a.Code.StartsWith("IGO", StringComparison.Ordinal) || a.Code.StartsWith("NGO", StringComparison.Ordinal)
                               || a.Code.StartsWith("IMG", StringComparison.Ordinal) || a.Code.StartsWith("MNC", StringComparison.Ordinal));

    /// <summary>
    /// The country of an actor named by sector alone ("students", "the opposition party",
    /// "their forces") or as an ethnic group ("ethnic Albanians", coded, as CAMEO does, by where
    /// they live): the one country the rest of the sentence names, else the country of the
    /// sentence's named speaker ("..., Macedonian officials said") for a source outside the state sectors. Students, rebels, unions and parties
    /// act at home, so they may take the country of the party they act on ("students protested
    /// against the Indonesian government"); a state sector (government, military, police) never
    /// does, nor does the party acted on ("the United States bombed militants"). The actor is returned unchanged when no single country is found.
    /// </summary>
    private ActorRef Placed(SentenceContext ctx, ActorRef a, ActorRef other, bool isSource)
    {
        bool ethnic = ctx.Ethnic.Contains(a);
        if (ReferenceEquals(a, NoActor) || (!ethnic && HasCountry(a))) return a;
        string sector = ethnic ? a.Code.Length > 3 ? a.Code[3..] : "" : a.Code;
        string own = ethnic ? a.CountryCode : "";
        bool state = StateSector(sector);
        // "The United States bombed militants": the party acted on is not placed by the actor.
        // Students, unions and rebels contend with their own government ("students protested
        // against the Nigerian government"), but a protest against a country ("against the U.S.")
        // is as often abroad: only a government acted on places a non-state source.
        // A named office holder acted on ("the rebels will release Prime Minister Mahendra Chaudhry")
        // holds that office in the country of the sentence, whoever acts on them.
        bool namedOfficial = !isSource && state && !ethnic && a.Name != a.Text && a.Name.Length > 0;
        bool notOther = (state || !isSource || !(other.Code.Length > 3 && other.Code.AsSpan(3).StartsWith("GOV", StringComparison.Ordinal))) && !namedOfficial;
        string? found = null;
        bool several = false;
        foreach (var c in ctx.Chunks)
            foreach (var b in c.Actors)
            {
                if (b.Name == a.Name || !HasCountry(b) || !_dict.Names.ContainsKey(b.CountryCode) || b.CountryCode == own) continue;
                if (ctx.Ethnic.Contains(b) || (notOther && b.CountryCode == other.CountryCode)) continue;
                if (found is null) found = b.CountryCode;
                else if (found != b.CountryCode) several = true;
            }
        if (several || found is null)
        {
            found = null;
            // A state official is not placed by who reports on them ("The president ..., he stated"),
            // nor is the party acted on ("fighting with guerrillas ..., Thai military sources said").
            if (!state && isSource && ctx.SpeakerChunk >= 0 && !ctx.Chunks[ctx.SpeakerChunk].Coreference && ctx.Chunks[ctx.SpeakerChunk].Actors[0] is var speaker && speaker.Name != a.Name
                && _dict.Names.ContainsKey(speaker.CountryCode) && speaker.CountryCode != own)
                found = speaker.CountryCode;
        }
        return found is null ? a : a with { Code = found + sector };
    }

    private static string PairKey(ActorRef a, ActorRef b) =>
        string.CompareOrdinal(a.Name, b.Name) < 0 ? a.Name + "|" + b.Name : b.Name + "|" + a.Name;

    private static bool SameActor(ActorRef a, ActorRef b) => a.Name == b.Name && a.Code == b.Code;

    // One party on both sides of an event: the same actor, or one named person coded by two roles
    // (a pronoun taking "Vice President Biden"'s office, the short name "Biden" his role on the day).
    private static bool SameAgent(ActorRef a, ActorRef b) =>
        SameActor(a, b) || (a.Name.Length > 0 && a.Name == b.Name && char.IsUpper(a.Name[0]) && a.CountryCode == b.CountryCode);

    // An actor known only by its role or by coreference is less certain than a named one.
    private static bool IsVague(ActorRef a) => a.Name == a.Text && a.Code.Length > 3 && !char.IsUpper(a.Text.FirstOrDefault());

    /// <summary>
    /// The subject of the clause holding the pattern at <paramref name="at"/>: scans left to the
    /// clause boundary, skipping a relative clause (", who ... ,"); the first actor not governed
    /// by a preposition, with the actors coordinated with it. Nominal patterns take a possessor
    /// ("her meeting"). With no subject in the clause (a subordinate clause: "said ... after
    /// talks with"), the main clause's subject or speaker.
    /// </summary>
    private static List<ActorRef> FindSubject(SentenceContext ctx, VerbPattern p, int at, out bool fromSpeaker, out int boundary)
    {
        fromSpeaker = false;
        if (p.Nominal)
        {
            // "her first meeting", "Seoul's talks": a possessor within three tokens before the noun.
            for (int k = at - 1; k >= 0 && k >= at - 3; k--)
            {
                if (ctx.ChunkAt[k] >= 0)
                {
                    var c = ctx.Chunks[ctx.ChunkAt[k]];
                    bool possessive = c.End == k + 1 && (ctx.Word(k) is "his" or "her" or "their" || ctx.Word(k + 1) == "'s" || ctx.Word(k) == "'s");
                    if (possessive && !IsSpeakerInContent(ctx, ctx.ChunkAt[k], at)) { boundary = k; return [.. c.Actors]; }
                    break;
                }
                if (ctx.Word(k) is "," or "and" or "the") break;
            }
        }
        int start = at - 1;
        // Skip a relative clause or appositive that ends right before the verb: "Biegun, who ..., met".
        int q = start;
        while (q >= 0 && ctx.Word(q) is "also" or "later" or "have" or "has" or "had" or "will" or "would" or "did" or "not" or "then" or "again" or "reportedly" or "jointly" or "already" or "recently" or "earlier" or "each" or "both" or "to") q--;
        if (q >= 0 && ctx.Word(q) == ",")
        {
            for (int k = q - 1; k >= 1 && k >= q - 40; k--)
                if (ctx.Word(k) is "who" or "which" && ctx.Word(k - 1) == ",") { start = k - 2; break; }
        }
        boundary = -1;
        int first = -1;
        // "Wang criticized the United States for imposing sanctions", "accused Seoul of staging":
        // a gerund after "for" or "of" is done by the nearest actor before it (the object of the
        // verb of blame or praise), not by the clause's subject.
        bool nearest = at >= 2 && ctx.Word(at - 1) is "for" or "of" && ctx.Word(at).EndsWith("ing", StringComparison.Ordinal);
        for (int k = start; k >= 0; k--)
        {
            string w = ctx.Word(k);
            if (ctx.InQuote[k] && !ctx.InQuote[at]) { boundary = k; break; }
            if (w is ";" or ":" || (ClauseWords.Contains(w) && ctx.ChunkAt[k] < 0) || (k < at - 1 && SpeechVerbs.Contains(w) && k == ctx.SpeechAt)
                || IsDatelineDash(ctx, k, at))
            {
                boundary = k;
                break;
            }
            if (ctx.ChunkAt[k] >= 0)
            {
                var c = ctx.Chunks[ctx.ChunkAt[k]];
                k = c.Start;
                if (!Governed(ctx, c.Start) && !IsSpeakerInContent(ctx, ctx.ChunkAt[k], at))
                {
                    first = ctx.ChunkAt[k];
                    if (nearest) break;
                }
            }
        }
        // "killed one U.S. soldier and wounded two others": the actor before "and" is the first
        // verb's object; the second verb shares the first one's subject, not that object.
        if (first >= 0 && ctx.Word(q) == "and" && q >= 1 && ctx.ChunkAt[q - 1] >= 0 && IsObjectBeforeAnd(ctx, first, q)) return [];
        if (first >= 0) return Coordinated(ctx, first);

        // No subject in this clause: a subordinate clause takes the main clause's actor.
        // "Nigeria announced that it will withdraw": a reported clause whose subject is a pronoun
        // takes the reporter as its actor.
        bool reported = boundary >= 1 && ctx.Word(boundary) == "that" && SpeechVerbs.Contains(ctx.Word(boundary - 1))
                        && ctx.Word(boundary + 1) is "it" or "they" or "he" or "she" or "we";
        if (boundary >= 0 && (p.Nominal || reported || ctx.Word(boundary) is "after" or "before" or "when" or "while" or "as" || boundary == ctx.SpeechAt))
        {
            if (ctx.SpeakerChunk >= 0 && at > ctx.SpeechAt && ctx.SpeechAt >= 0)
            {
                fromSpeaker = true;
                return [.. ctx.Chunks[ctx.SpeakerChunk].Actors];
            }
            for (int k = boundary - 1; k >= 0; k--)
            {
                if (ctx.InQuote[k] || ctx.ChunkAt[k] < 0) continue;
                var c = ctx.Chunks[ctx.ChunkAt[k]];
                if (Governed(ctx, c.Start)) { k = c.Start; continue; }
                return Coordinated(ctx, ctx.ChunkAt[k]);
            }
        }
        return [];
    }

    // "BRUSSELS -- The European Union imposed": the dash that ends a dateline (a word in capitals
    // opens the sentence, the dash comes within ten tokens, and no second dash follows before the
    // verb, as one would after an aside: "IAEA -- the U.N. watchdog -- said") closes the clause;
    // the place is where the story was filed, not who acted.
    private static bool IsDatelineDash(SentenceContext ctx, int k, int at)
    {
        if (k < 1 || k > 10 || !IsDash(ctx.Word(k))) return false;
        for (int j = k + 1; j < at; j++)
            if (IsDash(ctx.Word(j)) && !(j == k + 1 && ctx.Word(j) == "-")) return false;
        if (IsDash(ctx.Word(k - 1))) return false;  // the first hyphen of "--" is the one that counts
        var first = ctx.Tok(0);
        if (first.Kind != TokenKind.Word || first.Span.Length < 3) return false;
        foreach (char c in ctx.Doc.Text.AsSpan(first.Span.Start, first.Span.Length))
            if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    private static bool IsDeterminer(string w) => w is "the" or "a" or "an" or "its" or "their" or "his" or "her";

    private static bool IsDash(string w) => w is "-" or "\u2014" or "\u2013";

    // True when the chunk `first`, the only subject candidate, ends at the "and" at q and a word
    // other than a determiner or quantity stands before it in the clause (the verb it is the object of).
    private static bool IsObjectBeforeAnd(SentenceContext ctx, int first, int q)
    {
        var c = ctx.Chunks[first];
        int group = ctx.ChunkAt[q - 1];
        if (group != first && ctx.Chunks[group].Start < c.Start) return false;
        int k = c.Start - 1;
        while (k >= 0 && (IsDeterminer(ctx.Word(k)) || ctx.Tok(k).Kind == TokenKind.Number
                          || QuantityWords.Contains(ctx.Word(k)))) k--;
        if (k < 0) return false;
        string w = ctx.Word(k);
        return ctx.Tok(k).Kind == TokenKind.Word && ctx.ChunkAt[k] < 0 && !ClauseWords.Contains(w) && !Prepositions.Contains(w) && w is not ("and" or "or");
    }

    // "in the Washington session": an actor after a preposition (and its determiners) is not a subject.
    private static bool Governed(SentenceContext ctx, int start)
    {
        int k = start - 1;
        // "in western Cambodia", "in the south of Lebanon": a compass word between the preposition and the place.
        while (k >= 0 && (IsDeterminer(ctx.Word(k)) || CompassWords.Contains(ctx.Word(k)))) k--;
        // "Thousands of Iraqi Kurds demonstrated", "a group of Yoruba leaders": a quantity's "of" heads no phrase.
        if (k >= 1 && ctx.Word(k) == "of" && ctx.Word(k - 1) is "thousands" or "hundreds" or "dozens" or "millions" or "tens" or "scores"
                or "group" or "groups" or "members" or "some" or "many" or "most" or "all" or "number" or "crowd" or "crowds") return false;
        return k >= 0 && Prepositions.Contains(ctx.Word(k));
    }

    private static readonly HashSet<string> CompassWords = new(StringComparer.Ordinal)
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
        "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west", "occupied", "neighboring", "neighbouring",
    };

    // The speaker of a sentence is not an actor of the events in what they are reported to say.
    private static bool IsSpeakerInContent(SentenceContext ctx, int chunk, int at) =>
        chunk == ctx.SpeakerChunk && at < ctx.SpeechAt;

    private static List<ActorRef> Coordinated(SentenceContext ctx, int first)
    {
        var result = new List<ActorRef>(ctx.Chunks[first].Actors);
        int end = ctx.Chunks[first].End;
        while (end + 1 < ctx.Count && ctx.Word(end) is "and" or "," && ctx.ChunkAt[end + 1] >= 0)
        {
            var next = ctx.Chunks[ctx.ChunkAt[end + 1]];
            result.AddRange(next.Actors);
            end = next.End;
        }
        return result;
    }

    private static Modality ModalityOf(SentenceContext ctx, int at, int boundary, bool nominal)
    {
        for (int k = 0; k < at; k++)
        {
            if (ctx.InQuote[k] && !ctx.InQuote[at]) continue;
            if (ctx.Word(k) is "if" or "unless" or "whether" or "possibility" or "unclear" or "speculation" or "rumors" or "rumours")
                return Modality.Hypothetical;
        }
        // "ways to resume North Korea-U.S. talks": a noun event after an infinitive is sought, not held.
        for (int k = at - 1; k >= 0 && k >= at - 5; k--)
            if (ctx.Word(k) == "to" && k + 1 < at && ctx.ChunkAt[k + 1] < 0 && ctx.Tok(k + 1).Kind == TokenKind.Word && !char.IsUpper(ctx.Doc.Text[ctx.Tok(k + 1).Span.Start]))
                return Modality.Intended;
        // "ahead of the summits with", "the upcoming talks", "supporting the talks": a planned event, not one that happened.
        for (int k = at - 1; k >= 0 && k >= at - 3; k--)
        {
            string w = ctx.Word(k);
            if (nominal && w is "supporting" or "support" or "supports" or "backing" or "preparing" or "preparations" or "prepare" or "toward" or "towards") return Modality.Intended;
            if (w is "ahead" or "upcoming" or "planned" or "proposed" or "slated" or "next" or "future" or "expected" or "pushing" or "seeking" or "proposing" or "pursuing") return Modality.Intended;
            if (w is "possible" or "potential") return Modality.Hypothetical;
        }
        int from = Math.Max(boundary, 0);
        for (int k = at - 1; k >= from && k >= at - 4; k--)
            if (NegationWords.Contains(ctx.Word(k))) return Modality.Negated;
        for (int k = at - 1; k >= from; k--)
        {
            string w = ctx.Word(k);
            if (w is "would" or "could" or "might" or "may" or "should") return Modality.Hypothetical;
        }
        for (int k = at - 1; k >= from && k >= at - 4; k--)
        {
            string w = ctx.Word(k);
            if (w is "will" or "shall" or "plans" or "plan" or "planned" or "scheduled" or "slated" or "expected" or "intends" or "seeks" or "seeking") return Modality.Intended;
            if (w == "to" && k == at - 1) return Modality.Intended;
        }
        return Modality.Asserted;
    }

    private static (DateOnly? Date, string Basis) DateOf(SentenceContext ctx, int at, Modality modality)
    {
        var doc = ctx.Doc;
        int pos = ctx.Tok(at).Span.Start;
        TimeExpression? best = null;
        foreach (var t in doc.Times)
        {
            if (t.Sentence != ctx.Sentence) continue;
            if (modality != Modality.Intended && PrecededBy(ctx, t.Span.Start, "for", "until", "by", "since", "slated", "scheduled")) continue;
            // What happened cannot have happened after the story was published.
            if (modality == Modality.Asserted && doc.Article.ReferenceDate is { } refDay && t.Date > refDay) continue;
            if (best is null || Math.Abs(t.Span.Start - pos) < Math.Abs(best.Span.Start - pos)) best = t;
        }
        if (best is not null)
        {
            var date = best.Date;
            if (modality == Modality.Intended && best.Basis == DateBases.Weekday && doc.Article.ReferenceDate is { } r && date < r)
                date = date.AddDays(7);
            return (date, best.Basis);
        }
        int paragraph = doc.Sentences[ctx.Sentence].Paragraph;
        foreach (var t in doc.Times)
            if (t.Sentence < doc.Sentences.Length && doc.Sentences[t.Sentence].Paragraph == paragraph && t.Basis is DateBases.Weekday or DateBases.Explicit
                && t.Sentence != ctx.Sentence)
                return (t.Date, DateBases.Context);
        if (ctx.StoryDay is { } story) return (story, DateBases.Context);
        if (doc.Article.ReferenceDate is { } published) return (published, DateBases.Publication);
        return (null, "unknown");
    }

    private static bool PrecededBy(SentenceContext ctx, int charPos, params string[] words)
    {
        for (int i = 0; i < ctx.Count; i++)
            if (ctx.Tok(i).Span.Start >= charPos)
            {
                int k = i - 1;
                while (k >= 0 && ctx.Word(k) is "late" or "early" or "mid" or "the" or "on") k--;
                return k >= 0 && words.Contains(ctx.Word(k));
            }
        return false;
    }

    private static string? LocationOf(SentenceContext ctx, int at, int end)
    {
        for (int k = 0; k + 1 < ctx.Count; k++)
        {
            if (ctx.Word(k) is not ("in" or "at") || ctx.InQuote[k]) continue;
            int j = k + 1;
            if (ctx.Word(j) == "the") j++;
            int s = j;
            while (j < ctx.Count && j < s + 4 && ctx.Tok(j).Kind == TokenKind.Word && char.IsUpper(ctx.Doc.Text[ctx.Tok(j).Span.Start])
                   && !TimeStage.Months.ContainsKey(ctx.Word(j)) && ctx.Word(j + 1) != "'s")
                j++;
            if (j == s) continue;
            if (ctx.Word(j) == "," && j + 1 < ctx.Count && ctx.Word(j + 1) is "d.c." ) j += 2;
            string place = new TextSpan(ctx.Tok(s).Span.Start, ctx.Tok(j - 1).Span.End).TextOf(ctx.Doc.Text);
            if (place is "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday") continue;
            return place;
        }
        return null;
    }
}
