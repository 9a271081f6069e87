using System.Collections.Frozen;
using System.Collections.Immutable;
using Parley.Pipeline.Dictionaries;

namespace Parley.Pipeline.Stages;

public sealed partial class ActorStage
{
    private enum ItemKind : byte { Country, Demonym, Metonym, Organization, Person, UnknownName, Agent, Pronoun, Place }

    private readonly record struct Item(int Start, int End, ItemKind Kind, LexEntry? Entry, ActorRef? Ref);

    private void ChunkSentence(Document doc, int s, DateOnly? day, CorefState state, ImmutableArray<ActorMention>.Builder output)
    {
        string text = doc.Text;
        var tokens = doc.TokensOf(s);
        var items = FindItems(text, tokens, state, day);
        int k = 0;
        while (k < items.Count)
        {
            var item = items[k];
            if (item.Kind == ItemKind.Pronoun)
            {
                EmitPronoun(doc, tokens, item, s, state, output);
                k++;
                continue;
            }
            // Grow a chunk: items joined by fillers, "of"/"for" before another item, and an
            // appositive comma before a name ("his American counterpart, Stephen Biegun").
            int first = k, last = k;
            int j = k + 1;
            while (j < items.Count)
            {
                int gapStart = items[last].End, gapEnd = items[j].Start;
                if (items[j].Kind == ItemKind.Pronoun) break;
                bool hasAgent = false, hasCountry = false;
                for (int q = first; q <= last; q++)
                {
                    hasAgent |= items[q].Kind == ItemKind.Agent;
                    hasCountry |= IsCountryLike(items[q].Kind) || items[q].Kind == ItemKind.Person;
                }
                if (!Joinable(tokens, gapStart, gapEnd, items[last], items[j], hasAgent, hasCountry)) break;
                last = j;
                j++;
            }
            // "the top nuclear envoys of South Korea and the United States": the agent applies to each country.
            int agentAt = -1;
            for (int q = first; q < last; q++)
                if (items[q].Kind == ItemKind.Agent && tokens[items[q].End].Lower == "of" && IsCountryLike(items[q + 1].Kind)) agentAt = q;
            if (agentAt >= 0 && IsCountryLike(items[last].Kind) && last + 1 < items.Count && IsCountryLike(items[last + 1].Kind)
                && Only(tokens, items[last].End, items[last + 1].Start, "and", "the", ","))
            {
                var sector = items[agentAt].Entry!.Code;
                int m = last;
                EmitChunk(doc, tokens, items, first, m, s, day, state, output, sector);
                while (m + 1 < items.Count && IsCountryLike(items[m + 1].Kind) && Only(tokens, items[m].End, items[m + 1].Start, "and", "the", ","))
                {
                    m++;
                    EmitChunk(doc, tokens, items, m, m, s, day, state, output, sector);
                }
                k = m + 1;
                continue;
            }
            EmitChunk(doc, tokens, items, first, last, s, day, state, output, null);
            k = last + 1;
        }
    }

    private static bool IsCountryLike(ItemKind k) => k is ItemKind.Country or ItemKind.Metonym or ItemKind.Demonym or ItemKind.Organization or ItemKind.Place;

    private static bool Only(ReadOnlySpan<Token> tokens, int from, int to, params string[] allowed)
    {
        for (int i = from; i < to; i++)
            if (Array.IndexOf(allowed, tokens[i].Lower) < 0) return false;
        return true;
    }

    private static bool Joinable(ReadOnlySpan<Token> tokens, int gapStart, int gapEnd, Item left, Item right, bool chunkHasAgent, bool chunkHasCountry)
    {
        // "U.S. Special Representative for North Korea Stephen Biegun": a title runs into its holder's name.
        if (chunkHasAgent && right.Kind is ItemKind.Person or ItemKind.UnknownName && left.Kind is not (ItemKind.Person or ItemKind.UnknownName)
            && (gapEnd == gapStart || (gapEnd - gapStart == 1 && tokens[gapStart].Lower == ",")))
            return true;
        if (gapEnd - gapStart > 4) return false;
        // Two complete names side by side are two actors ("Moon, Trump vow").
        bool leftNamed = left.Kind is ItemKind.Person or ItemKind.UnknownName or ItemKind.Country or ItemKind.Organization;
        bool rightNamed = right.Kind is ItemKind.Person or ItemKind.UnknownName or ItemKind.Country or ItemKind.Organization;
        if (leftNamed && rightNamed && !(gapEnd - gapStart >= 1 && tokens[gapStart].Lower is "'s" or "of" or "for")) return false;
        if (left.Kind is ItemKind.Person or ItemKind.UnknownName) return false; // a name ends its chunk
        for (int i = gapStart; i < gapEnd; i++)
        {
            string w = tokens[i].Lower;
            if (Fillers.Contains(w)) continue;
            if (w is "of" or "for" && i > gapStart - 1 && left.Kind is ItemKind.Agent or ItemKind.Organization or ItemKind.Country or ItemKind.Metonym) continue;
            // "rebels in the Ivory Coast", "security forces in Guinea", "police in Mariupol": a sector placed in a country.
            if (w == "in" && left.Kind == ItemKind.Agent && right.Kind is ItemKind.Country or ItemKind.Place && !chunkHasCountry) continue;
            // "U.S.-led forces": the forces of the country that leads them.
            if (w == "-" && i + 2 == gapEnd && tokens[i + 1].Lower == "led" && IsCountryLike(left.Kind) && right.Kind == ItemKind.Agent) return true;
            if (w == "," && right.Kind is ItemKind.Person or ItemKind.UnknownName && left.Kind == ItemKind.Agent && gapEnd - gapStart == 1) continue;
            return false;
        }
        return true;
    }

    private List<Item> FindItems(string text, ReadOnlySpan<Token> tokens, CorefState state, DateOnly? day)
    {
        var items = new List<Item>();
        for (int i = 0; i < tokens.Length;)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Punct) { i++; continue; }
            int len = _dict.Actors.Match(tokens, i, out var values);
            // "Vietnamese-led forces", "Saudi-led coalition": the forces of the country that leads them.
            if (len == 0 && t.Kind == TokenKind.Word && char.IsUpper(text[t.Span.Start]) && LedBy(tokens, i) is { } leadingCountry)
            {
                items.Add(new Item(i, i + 1, ItemKind.Demonym, leadingCountry, null));
                i++;
                continue;
            }
            // "Ethopia has agreed", "Quatar's emir": a capitalised unknown word one letter off a
            // country's name or demonym, when it names no place or person we know.
            if (len == 0 && t.Kind == TokenKind.Word && char.IsUpper(text[t.Span.Start]) && t.Lower.Length >= 5
                && !_dict.PeopleByShortName.ContainsKey(t.Lower) && !state.ShortNames.ContainsKey(t.Lower) && _dict.Agents.Match(tokens, i, out _) == 0
                && _dict.Places.Match(tokens, i, out _) == 0 && _dict.MatchMisspeltCountry(t.Lower) is { } misspelt)
            {
                items.Add(new Item(i, i + 1, misspelt.Kind == ActorKind.Demonym ? ItemKind.Demonym : ItemKind.Country, misspelt, null));
                i++;
                continue;
            }
            if (len > 0 && AnyCapital(text, tokens, i, len))
            {
                if (values.Any(v => v.Code.Length == 0)) { i += len; continue; } // a place or thing, not an actor
                var best = values.OrderBy(v => Priority(v.Kind)).First();
                items.Add(new Item(i, i + len, ToItemKind(best.Kind), best, null));
                i += len;
                continue;
            }
            int alen = _dict.Agents.Match(tokens, i, out var agents);
            if (alen > 0)
            {
                items.Add(new Item(i, i + alen, ItemKind.Agent, agents[0], null));
                i += alen;
                continue;
            }
            // A place below country level before a role word gives the role its country ("Kano State
            // government", "Mariupol police", "Dehli police" with two letters swapped), and so does one
            // after a role word and "of"/"in" ("the government of Sindh"); a bare place is not an actor.
            if (char.IsUpper(text[t.Span.Start]) && !state.ShortNames.ContainsKey(t.Lower)
                && PlaceAt(tokens, i) is var at && (at.Length > 0 ? at : PlaceAfterRole(tokens, i, items)) is (> 0 and var placeLen, { } place))
            {
                items.Add(new Item(i, i + placeLen, ItemKind.Place, new LexEntry(ActorKind.Country, place.Country, place.Name), null));
                i += placeLen;
                continue;
            }
            // A title and a family name ("Deputy Secretary Hicks"): the one person of that name in a role on the day.
            if (char.IsUpper(text[t.Span.Start]) && items.Count > 0 && items[^1].Kind == ItemKind.Agent && items[^1].End == i
                && !(i + 1 < tokens.Length && char.IsUpper(text[tokens[i + 1].Span.Start]) && tokens[i + 1].Kind == TokenKind.Word)
                && !state.ShortNames.ContainsKey(t.Lower) && SoleInOffice(t.Lower, day) is { } inOffice)
            {
                items.Add(new Item(i, i + 1, ItemKind.Person, new LexEntry(ActorKind.Person, inOffice.CodeOn(day), inOffice.Name, inOffice), null));
                i++;
                continue;
            }
            if (char.IsUpper(text[t.Span.Start]) && state.ShortNames.TryGetValue(t.Lower, out var known))
            {
                // "Trump and Kim": a family name paired with a leader is the leader of that name,
                // not the official of the same name mentioned last ("Kim Hyun-chong").
                if (LeaderNamed(t.Lower, known, tokens, i, day, state) is { } leader)
                {
                    var leaderRef = new ActorRef("", leader.Name, leader.CodeOn(day));
                    items.Add(new Item(i, i + 1, ItemKind.Person, new LexEntry(ActorKind.Person, leaderRef.Code, leader.Name, leader), null));
                    i++;
                    continue;
                }
                items.Add(new Item(i, i + 1, ItemKind.Person, null, known));
                i++;
                continue;
            }
            if (SingularPronouns.Contains(t.Lower) || MatchPair(tokens, i) > 0 || t.Lower == "they")
            {
                int plen = SingularPronouns.Contains(t.Lower) || t.Lower == "they" ? 1 : MatchPair(tokens, i);
                // "Scott and DeSantis both promised", "they both said": a "both" floating after its
                // subject (a name, not the sentence's first word, or a pronoun) is no mention of its own.
                if (t.Lower == "both" && plen == 1 && i >= 1 && (tokens[i - 1].Lower is "they" or "we"
                        || (i >= 2 && tokens[i - 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[i - 1].Span.Start]))))
                {
                    i++;
                    continue;
                }
                items.Add(new Item(i, i + plen, ItemKind.Pronoun, null, null));
                i += plen;
                continue;
            }
            // A leader's bare family name with no earlier full mention ("Putin offered ..."): the
            // one person of that name leading a state or government on the day.
            if (char.IsUpper(text[t.Span.Start]) && t.Lower.Length > 2 && !(i + 1 < tokens.Length && char.IsUpper(text[tokens[i + 1].Span.Start]) && tokens[i + 1].Kind == TokenKind.Word)
                && SoleLeader(t.Lower, day) is { } sole)
            {
                items.Add(new Item(i, i + 1, ItemKind.Person, new LexEntry(ActorKind.Person, sole.CodeOn(day), sole.Name, sole), null));
                i++;
                continue;
            }
            // A title right before a family name whose bearers all served one country ("President
            // Bush" on a day neither Bush held office): the title's holder of that country.
            if (items.Count > 0 && items[^1].Kind == ItemKind.Agent && items[^1].End == i && char.IsUpper(text[t.Span.Start])
                && !(i + 1 < tokens.Length && char.IsUpper(text[tokens[i + 1].Span.Start]) && tokens[i + 1].Kind == TokenKind.Word)
                && TitledFamilyName(t.Lower, items[^1].Entry!.Code) is { } titled)
            {
                items.Add(new Item(i, i + 1, ItemKind.Person, null, titled));
                i++;
                continue;
            }
            // An unknown capitalised name right after a title: "envoy, Kenji Kanasugi".
            if (items.Count > 0 && items[^1].Kind == ItemKind.Agent && UnknownName(text, tokens, i) is int nlen and > 0
                && i - items[^1].End <= 1)
            {
                items.Add(new Item(i, i + nlen, ItemKind.UnknownName, null, null));
                i += nlen;
                continue;
            }
            i++;
        }
        return items;
    }

    // The leader called <paramref name="shortName"/> on the day, when the short name at i stands
    // beside another leader ("Trump and Kim", "Kim and Moon") and the last person of that name was not a leader.
    private Person? LeaderNamed(string shortName, ActorRef known, ReadOnlySpan<Token> tokens, int i, DateOnly? day, CorefState state)
    {
        if (!_dict.PeopleByShortName.TryGetValue(shortName, out var people) || people.Count < 2) return null;
        if (state.ShortNamePeople.TryGetValue(shortName, out var last) && last.IsLeaderOn(day)) return null;
        Person? leader = null;
        int bestRank = int.MaxValue;
        bool tie = false;
        foreach (var p in people)
        {
            int rank = p.Name == known.Name ? -1 : p.LeaderRankOn(day);
            if (rank < 0) continue;
            if (rank < bestRank) { leader = p; bestRank = rank; tie = false; }
            else if (rank == bestRank) tie = true;
        }
        if (leader is null || tie) return null;
        bool before = i >= 2 && tokens[i - 1].Lower is "and" or "," && PairedLeader(tokens[i - 2].Lower, shortName, day);
        bool after = i + 2 < tokens.Length && tokens[i + 1].Lower is "and" or "," && PairedLeader(tokens[i + 2].Lower, shortName, day);
        bool titled = i >= 1 && tokens[i - 1].Lower is "chairman" or "leader" or "president";
        return before || after || titled ? leader : null;
    }

    // Capitalised title words that are also names of towns ("Federal", Entre Ríos; "Union", New
    // Jersey): before a role word they are part of the title ("Federal Minister"), not a place.
    private static readonly FrozenSet<string> TitleWords = new[]
    {
        "federal", "central", "union", "national", "general", "supreme", "royal", "interior", "state", "provincial",
        "regional", "municipal", "defense", "defence", "justice", "labor", "labour", "security", "foreign", "home",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The place named at token i right after a role word and "of"/"in" ("the government of Sindh
    // province", "police in Mariupol"): the role's country is the place's.
    private (int Length, Place? Place) PlaceAfterRole(ReadOnlySpan<Token> tokens, int i, List<Item> items)
    {
        if (items.Count == 0 || items[^1].Kind != ItemKind.Agent) return (0, null);
        int gap = i - items[^1].End;
        if (gap is < 1 or > 2 || tokens[items[^1].End].Lower is not ("of" or "in") || (gap == 2 && tokens[i - 1].Lower != "the")) return (0, null);
        int len = _dict.Places.Match(tokens, i, out var place);
        return len > 0 && place is not null && !(len == 1 && TitleWords.Contains(tokens[i].Lower)) ? (len, place) : (0, null);
    }

    // The country entry a "<Name>-led" token is led by ("Vietnamese-led", "Saudi-led"), or null.
    private LexEntry? LedBy(ReadOnlySpan<Token> tokens, int i)
    {
        string w = tokens[i].Lower;
        if (!w.EndsWith("-led", StringComparison.Ordinal) || w.Length < 6) return null;
        ReadOnlySpan<Token> head = [new Token(tokens[i].Span, TokenKind.Word, w[..^4])];
        if (_dict.Actors.Match(head, 0, out var values) != 1) return null;
        foreach (var v in values)
            if (v.Kind is ActorKind.Country or ActorKind.Demonym && v.Code.Length == 3) return v;
        return null;
    }

    // The place named at token i when a role word follows it (after "State"/"Province" fillers).
    private (int Length, Place? Place) PlaceAt(ReadOnlySpan<Token> tokens, int i)
    {
        int len = _dict.Places.Match(tokens, i, out var place);
        if (len == 1 && TitleWords.Contains(tokens[i].Lower)) return (0, null);
        Place? found = place;
        // A misspelt city is only looked for right before a role word, the one place it can stand.
        if (len == 0 && tokens[i].Kind == TokenKind.Word && i + 1 < tokens.Length && _dict.Agents.Match(tokens, i + 1, out _) > 0)
        {
            found = _dict.Places.MatchMisspelt(tokens[i].Lower);
            len = found is null ? 0 : 1;
        }
        if (len == 0) return (0, null);
        int next = i + len;
        while (next < tokens.Length && tokens[next].Lower is "state" or "province" or "region" or "city" or "'s") next++;
        return next < tokens.Length && _dict.Agents.Match(tokens, next, out _) > 0 ? (len, found) : (0, null);
    }

    // The one person of that family name in any role on the day, or leading a state or government on it.
    private Person? SoleInOffice(string shortName, DateOnly? day) =>
        day is { } d ? Sole(shortName, p => p.Roles.Any(r => r.Covers(d))) : null;

    private Person? SoleLeader(string shortName, DateOnly? day) =>
        day is null ? null : Sole(shortName, p => p.IsLeaderOn(day));

    // The only person of that family name for whom `holds` is true; null when none or several.
    private Person? Sole(string shortName, Func<Person, bool> holds)
    {
        if (!_dict.PeopleByShortName.TryGetValue(shortName, out var people)) return null;
        Person? found = null;
        foreach (var p in people)
            if (holds(p)) { if (found is not null) return null; found = p; }
        return found;
    }

    // The actor a title and a bare family name stand for when every known person of that family
    // name belongs to one country: that country with the title's sector; null when the name is
    // unknown or shared across countries.
    private ActorRef? TitledFamilyName(string shortName, string sector)
    {
        if (!_dict.PeopleByShortName.TryGetValue(shortName, out var people) || people.Count == 0) return null;
        string? country = null;
        foreach (var p in people)
            foreach (var r in p.Roles)
            {
                if (r.Code.Length < 3 || !_dict.Names.ContainsKey(r.Code[..3])) return null;
                if (country is null) country = r.Code[..3];
                else if (country != r.Code[..3]) return null;
            }
        return country is null ? null : new ActorRef("", people[^1].Name, country + sector);
    }

    private bool PairedLeader(string word, string shortName, DateOnly? day) =>
        word != shortName && _dict.PeopleByShortName.TryGetValue(word, out var ps) && ps.Any(p => p.IsLeaderOn(day));

    private static int UnknownName(string text, ReadOnlySpan<Token> tokens, int i)
    {
        if (i < tokens.Length && tokens[i].Lower == ",") i++;
        int n = 0;
        while (i + n < tokens.Length && n < 3 && tokens[i + n].Kind == TokenKind.Word && char.IsUpper(text[tokens[i + n].Span.Start])
               && !TimeStage.Months.ContainsKey(tokens[i + n].Lower))
            n++;
        return n >= 2 ? (tokens[i - 1].Lower == "," ? n + 1 : n) : 0;
    }

    private static int MatchPair(ReadOnlySpan<Token> tokens, int i)
    {
        foreach (var p in PairPhrases)
        {
            if (i + p.Length > tokens.Length) continue;
            bool ok = true;
            for (int k = 0; k < p.Length && ok; k++) ok = tokens[i + k].Lower == p[k];
            if (!ok) continue;
            // "the two" and "both" stand alone only before a verb or a comma, not "both Koreas".
            if (p.Length <= 2 && p[^1] is "two" or "both" && i + p.Length < tokens.Length && tokens[i + p.Length].Kind == TokenKind.Word
                && char.IsUpper(tokens[i + p.Length].Lower[0]))
                return 0;
            return p.Length;
        }
        return 0;
    }

    private static bool AnyCapital(string text, ReadOnlySpan<Token> tokens, int i, int len)
    {
        // "al-Qaeda": a name may begin with a lower-case particle.
        for (int k = i; k < i + len; k++)
            foreach (char c in text.AsSpan(tokens[k].Span.Start, tokens[k].Span.End - tokens[k].Span.Start))
                if (char.IsUpper(c)) return true;
        return false;
    }

    private static int Priority(ActorKind k) => k switch
    {
        ActorKind.Person => 0, ActorKind.Organization => 1, ActorKind.Country => 2, ActorKind.Metonym => 3, _ => 4,
    };

    private static ItemKind ToItemKind(ActorKind k) => k switch
    {
        ActorKind.Person => ItemKind.Person,
        ActorKind.Organization => ItemKind.Organization,
        ActorKind.Metonym => ItemKind.Metonym,
        ActorKind.Demonym => ItemKind.Demonym,
        _ => ItemKind.Country,
    };

    private void EmitPronoun(Document doc, ReadOnlySpan<Token> tokens, Item item, int s, CorefState state,
        ImmutableArray<ActorMention>.Builder output)
    {
        var span = new TextSpan(tokens[item.Start].Span.Start, tokens[item.End - 1].Span.End);
        string w = tokens[item.Start].Lower;
        if (SingularPronouns.Contains(w))
        {
            // "her American counterpart": a possessive before a title is a determiner, not a mention.
            if (w is "his" or "her" && item.End < tokens.Length && _dict.Agents.Starts(tokens[item.End].Lower)) return;
            if (w is "his" or "her" && item.End < tokens.Length && _dict.Actors.Starts(tokens[item.End].Lower)) return;
            if ((state.SentenceSubject ?? state.PrevSubject ?? state.LastPerson) is { } p)
            {
                if (state.SentenceMentions++ == 0) state.SentenceSubject = p;
                // "His talks with Takehiro Funakoshi": the person a pronoun stands for is a party
                // of the sentence as much as one named, for a later "the two sides".
                if (!Reports(tokens, item.Start, item.End)) state.Note(p, true);
                output.Add(new ActorMention(span, ActorKind.Coreference, p with { Text = span.TextOf(doc.Text) }, s));
            }
            return;
        }
        string head = tokens[item.End - 1].Lower;
        bool countries = head is "countries" or "nations" or "sides" or "allies";
        bool persons = head is "leaders" or "ministers" or "envoys" or "diplomats" or "presidents";
        if (state.Pair(countries, persons, bare: head is "two" or "both") is var (a, b))
        {
            string text = span.TextOf(doc.Text);
            output.Add(new ActorMention(span, ActorKind.Coreference, a with { Text = text }, s));
            output.Add(new ActorMention(span, ActorKind.Coreference, b with { Text = text }, s));
        }
    }

    private void EmitChunk(Document doc, ReadOnlySpan<Token> tokens, List<Item> items, int first, int last, int s, DateOnly? day,
        CorefState state, ImmutableArray<ActorMention>.Builder output, string? sectorOverride)
    {
        string text = doc.Text;
        bool onlyPlaces = true;
        for (int k = first; k <= last; k++) onlyPlaces &= items[k].Kind == ItemKind.Place;
        if (onlyPlaces) return;
        string? country = null, sector = sectorOverride, name = null;
        ActorRef? person = null;
        ActorKind kind = ActorKind.Agent;
        for (int k = first; k <= last; k++)
        {
            var it = items[k];
            switch (it.Kind)
            {
                case ItemKind.Person when it.Ref is { } known:
                    person = state.ShortNamePeople.TryGetValue(tokens[it.Start].Lower, out var kp) ? known with { Code = kp.CodeOn(day) } : known;
                    kind = ActorKind.Coreference;
                    break;
                case ItemKind.Person:
                    var p = it.Entry!.Person!;
                    person = new ActorRef("", p.Name, p.CodeOn(day));
                    kind = ActorKind.Person;
                    state.ShortNames[p.ShortName.ToLowerInvariant()] = person;
                    state.ShortNamePeople[p.ShortName.ToLowerInvariant()] = p;
                    break;
                case ItemKind.UnknownName:
                    int ns = tokens[it.Start].Lower == "," ? it.Start + 1 : it.Start;
                    name = new TextSpan(tokens[ns].Span.Start, tokens[it.End - 1].Span.End).TextOf(text);
                    kind = ActorKind.Person;
                    break;
                case ItemKind.Agent:
                    // The head of a title is its last agent word ("foreign ministry spokesman").
                    sector = sectorOverride ?? it.Entry!.Code;
                    if (kind != ActorKind.Person && kind != ActorKind.Coreference) kind = ActorKind.Agent;
                    break;
                case ItemKind.Organization:
                    country ??= it.Entry!.Code;
                    if (kind == ActorKind.Agent && sector is null) kind = ActorKind.Organization;
                    break;
                default:
                    if (country is null || country.Length > 3)
                        country = it.Entry!.Code;
                    if (kind == ActorKind.Agent && sector is null)
                        kind = it.Kind == ItemKind.Metonym ? ActorKind.Metonym : it.Kind == ItemKind.Demonym ? ActorKind.Demonym : ActorKind.Country;
                    break;
            }
        }
        if (items[first].Kind == ItemKind.Metonym && sector is null && person is null) sector = "GOV";
        // A present-tense office title before a name out of office on the day ("Prime Minister
        // Scott Morrison" just after he left) is the writer's word for the office: the title's sector wins.
        if (person is not null && sectorOverride is null && sector is not null && sector != "ELI" && person.Code.Length == 6
            && person.Code.EndsWith("ELI", StringComparison.Ordinal) && !TitleSaysFormer(tokens, items[first].Start, items[last].End))
            person = person with { Code = person.Code[..3] + sector };
        // "a former CIA official", "a retired police chief": an office no longer held is an elite, not the office.
        if (person is null && name is null && sector is not null && sectorOverride is null && SaysFormer(tokens, items[first].Start, items[last].End))
        {
            sector = "ELI";
            if (country is { Length: > 3 } && !country.StartsWith("IGO", StringComparison.Ordinal) && !country.StartsWith("NGO", StringComparison.Ordinal))
                country = country[..3];
        }
        var span = new TextSpan(tokens[items[first].Start].Span.Start, tokens[items[last].End - 1].Span.End);
        string surface = span.TextOf(text);
        ActorRef actor;
        if (person is not null)
            actor = person with { Text = surface };
        else
        {
            string code = country is null ? sector ?? "" : country.Length > 3 ? country : country + (sector ?? "");
            actor = new ActorRef(surface, name ?? (country is not null && sector is null ? _dict.Names.GetValueOrDefault(country, surface) : surface), code);
            if (name is not null && country is not null)
                state.ShortNames[Dictionaries.PersonNames.ShortName(name).ToLowerInvariant()] = actor with { Name = name };
        }
        if (actor.Code.Length == 0) return;
        string head = tokens[items[last].End - 1].Lower;
        int chunkStart = items[first].Start, chunkEnd = items[last].End;
        // "Kim Gunn, Seoul's special representative for ..., held talks": a title set off by a
        // comma right after a name is that person again, not a second actor.
        if (person is null && name is null && state.AppositiveTo(s, tokens, chunkStart) is { } named
            && (country is null || actor.CountryCode == named.CountryCode) && IsPersonTitle(kind, sector, head)
            && !(chunkEnd < tokens.Length && tokens[chunkEnd].Lower is "and" or "or"))
        {
            output.Add(new ActorMention(span, ActorKind.Coreference, named with { Text = surface }, s));
            return;
        }
        // A seat of government ("Seoul") or a body ("the foreign ministry") is not a person: it is
        // neither "he" nor one of "the two ministers".
        bool personLike = person is not null || name is not null || (country is not null && IsPersonTitle(kind, sector, head));
        if (person is not null || name is not null) state.Named(s, chunkEnd, actor);
        state.Saw(actor, personLike);
        // Who reports the sentence is not a party to what it reports: no pair for a later "the two" is made with them.
        if (!Reports(tokens, chunkStart, chunkEnd)) state.Note(actor, personLike);
        if (state.SentenceMentions++ == 0 && personLike) state.SentenceSubject = actor;
        output.Add(new ActorMention(span, kind, actor, s));
    }

    // A title that names one person ("special representative", "top diplomat"), not a seat of
    // government, a body ("foreign ministry", "presidential office") or a group ("officials").
    private static bool IsPersonTitle(ActorKind kind, string? sector, string head) =>
        kind == ActorKind.Agent && sector is not null && !IsPlural(head) && !BodyWords.Contains(head);

    private static readonly FrozenSet<string> BodyWords = new[]
    {
        "ministry", "office", "department", "government", "administration", "agency", "council", "commission", "committee",
        "bureau", "cabinet", "parliament", "assembly", "congress", "senate", "court", "embassy", "mission", "regime", "secretariat",
        "military", "army", "navy", "police", "party", "media", "press", "coalition", "junta", "opposition", "house", "legislature",
    }.ToFrozenSet(StringComparer.Ordinal);

    // True when the actor at tokens [start, end) reports the sentence: "according to Park",
    // "..., said Park", "Seoul's foreign ministry said", "Lee later added".
    private static bool Reports(ReadOnlySpan<Token> tokens, int start, int end)
    {
        if (start >= 2 && tokens[start - 2].Lower == "according" && tokens[start - 1].Lower == "to") return true;
        // "..., said Park": the verb after the reported words; "Park said Kang met Pompeo" is not this.
        if (start >= 2 && tokens[start - 1].Lower is "said" or "says" && tokens[start - 2].Lower is "," or "\"" or "\u201D") return true;
        int k = end;
        while (k < tokens.Length && (tokens[k].Lower is "also" or "later" or "further" or "then" or "on" or "today" or "yesterday"
                                     || TimeStage.Weekdays.ContainsKey(tokens[k].Lower))) k++;
        return k < tokens.Length && tokens[k].Lower is "said" or "says" or "added" or "stated";
    }

    private static bool SaysFormer(ReadOnlySpan<Token> tokens, int start, int end)
    {
        for (int i = Math.Max(0, start - 2); i < end; i++)
            if (tokens[i].Lower is "former" or "ex" or "ex-" or "retired") return true;
        return false;
    }

    private static bool TitleSaysFormer(ReadOnlySpan<Token> tokens, int start, int end)
    {
        for (int i = Math.Max(0, start - 2); i < end; i++)
            if (tokens[i].Lower is "former" or "ex" or "ex-" or "then" or "late" or "elect" or "president-elect" or "candidate" or "hopeful")
                return true;
        return false;
    }

    private static bool IsPlural(string w) => w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal);
}
