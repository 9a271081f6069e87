using System.Collections.Frozen;
using System.Collections.Immutable;
using Parley.Pipeline.Dictionaries;

namespace Parley.Pipeline.Stages;

public sealed partial class CodingStage
{
    private sealed class MatchState
    {
        public readonly List<int> Targets = [];
        public readonly List<int> Sources = [];
        public int End;

        public void Clear()
        {
            Targets.Clear();
            Sources.Clear();
            End = 0;
        }
    }

    private void CodeSentence(SentenceContext ctx, ImmutableArray<EventMention>.Builder events)
    {
        var st = new MatchState();
        for (int i = 0; i < ctx.Count; i++)
        {
            if (ctx.InQuote[i] || ctx.ChunkAt[i] >= 0) continue;
            // Patterns with a target first; a source-only reading only when none of them fits.
            int end = TryPatterns(ctx, i, st, false, events);
            if (end < 0 && _options.AllowMissingTarget) end = TryPatterns(ctx, i, st, true, events);
            if (end > 0) i = end - 1;
        }
    }

    // The end of the first pattern at token i that matched and coded an event, or -1.
    private int TryPatterns(SentenceContext ctx, int i, MatchState st, bool optionalTarget, ImmutableArray<EventMention>.Builder events)
    {
        foreach (var pattern in _dict.Verbs.StartingWith(ctx.Word(i)))
        {
            st.Clear();
            if (!Match(ctx, pattern, 1, i + 1, st, optionalTarget)) continue;
            if (Emit(ctx, pattern, i, st, events)) return st.End;
        }
        return -1;
    }

    private static bool Match(SentenceContext ctx, VerbPattern p, int e, int j, MatchState st, bool optionalTarget)
    {
        if (e == p.Elements.Length)
        {
            st.End = j;
            return true;
        }
        var el = p.Elements[e];
        switch (el.Kind)
        {
            case PatternElementKind.Word:
                if (j < ctx.Count && !ctx.InQuote[j] && el.Forms!.Contains(ctx.Word(j))) return Match(ctx, p, e + 1, j + 1, st, optionalTarget);
                // "concluded on Saturday that", "reiterated its demand today that": a time adverb inside the phrase.
                int after = e > 0 ? AfterTimeAdverb(ctx, j) : j;
                return after > j && after < ctx.Count && !ctx.InQuote[after] && el.Forms!.Contains(ctx.Word(after)) && Match(ctx, p, e + 1, after + 1, st, optionalTarget);
            case PatternElementKind.Gap:
                for (int g = 0; g <= VerbPattern.MaxGap && j + g <= ctx.Count; g++)
                {
                    if (g > 0 && IsHardBoundary(ctx, j + g - 1)) break;
                    int t = st.Targets.Count, s = st.Sources.Count;
                    if (Match(ctx, p, e + 1, j + g, st, optionalTarget)) return true;
                    st.Targets.RemoveRange(t, st.Targets.Count - t);
                    st.Sources.RemoveRange(s, st.Sources.Count - s);
                }
                return false;
            default:
                var list = el.Kind == PatternElementKind.Target ? st.Targets : st.Sources;
                int c = ChunkNear(ctx, j);
                // A source-only event: the target slot may stay empty when it ends the pattern.
                if (c < 0) return optionalTarget && el.Kind == PatternElementKind.Target && e == p.Elements.Length - 1 && Match(ctx, p, e + 1, j, st, optionalTarget);
                list.Add(c);
                int end = ctx.Chunks[c].End;
                // "A and B" in a slot, unless the pattern itself continues with "and".
                bool patternTakesAnd = e + 1 < p.Elements.Length && p.Elements[e + 1].Forms?.Contains("and") == true;
                while (!patternTakesAnd && end + 1 < ctx.Count && ctx.Word(end) is "and" or "," && ctx.ChunkAt[end + 1] >= 0)
                {
                    int next = ctx.ChunkAt[end + 1];
                    list.Add(next);
                    end = ctx.Chunks[next].End;
                }
                // Skip an appositive after the slot: "Lee Do-hoon, special representative for ..., and".
                if (patternTakesAnd)
                {
                    // After an appositive (", special representative for peace and security affairs, and")
                    // the coordinating "and" is the one after a comma.
                    bool appositive = ctx.Word(end) == ",";
                    int k = end;
                    while (k < ctx.Count && k < end + 16 && !IsHardBoundary(ctx, k)
                           && !(ctx.Word(k) == "and" && (!appositive || ctx.Word(k - 1) == ","))) k++;
                    if (k < ctx.Count && ctx.Word(k) == "and") end = k;
                }
                return Match(ctx, p, e + 1, end, st, optionalTarget);
        }
    }

    // The token after a time adverb at j ("today", "yesterday", "Monday", "on Monday"), or j when none.
    private static int AfterTimeAdverb(SentenceContext ctx, int j)
    {
        // Called on every failed literal of every pattern tried: cheap tests first.
        string w = ctx.Word(j);
        if (w == "on") return TimeStage.Weekdays.ContainsKey(ctx.Word(j + 1)) ? j + 2 : j;
        if (w == "tonight" || (w.EndsWith("day", StringComparison.Ordinal) && (w is "today" or "yesterday" || TimeStage.Weekdays.ContainsKey(w)))) return j + 1;
        return j;
    }

    private static bool IsHardBoundary(SentenceContext ctx, int i) =>
        ctx.Word(i) is ";" or ":" or "\"" or "\u201C" or "\u201D" or "." || (ctx.Word(i) is "that" or "which" or "who");

    // The actor at j, or after up to two determiners or adjectives ("the", "his", "new"), or after
    // a quantity ("killed one U.S. soldier", "arrested more than 100 Palestinians", "up to 16
    // Russian advisers", "scores of Liberian refugees").
    private static int ChunkNear(SentenceContext ctx, int j)
    {
        int j0 = QuantityEnd(ctx, j);
        for (int k = j0; k < ctx.Count && k <= j0 + 2; k++)
        {
            if (ctx.ChunkAt[k] >= 0) return ctx.Chunks[ctx.ChunkAt[k]].Start == k ? ctx.ChunkAt[k] : -1;
            var t = ctx.Tok(k);
            if (t.Kind != TokenKind.Word || char.IsUpper(ctx.Doc.Text[t.Span.Start]) || Prepositions.Contains(t.Lower) || ClauseWords.Contains(t.Lower))
                return -1;
        }
        return -1;
    }

    private static readonly FrozenSet<string> QuantityWords = new[]
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty", "fifty", "hundred", "thousand",
        "scores", "dozens", "hundreds", "thousands", "tens", "millions", "dozen", "several", "some", "more", "than", "least", "up",
        "nearly", "almost", "about", "around", "over", "fewer", "less",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The token after a quantity that starts at j ("at least three", "more than 100", "scores of"),
    // or j when none starts there.
    private static int QuantityEnd(SentenceContext ctx, int j)
    {
        int k = j;
        bool number = false;
        while (k < ctx.Count && k < j + 5)
        {
            string w = ctx.Word(k);
            if (ctx.Tok(k).Kind == TokenKind.Number) { number = true; k++; continue; }
            if (w == "at" && ctx.Word(k + 1) == "least") { k += 2; continue; }
            if (w == "up" && ctx.Word(k + 1) == "to") { k += 2; continue; }
            if (QuantityWords.Contains(w) && w is not ("at" or "up")) { number |= w is not ("more" or "than" or "some" or "about" or "around" or "over" or "nearly" or "almost" or "fewer" or "less"); k++; continue; }
            if (w == "of" && number && k > j) { k++; break; }
            break;
        }
        return number ? k : j;
    }
}
