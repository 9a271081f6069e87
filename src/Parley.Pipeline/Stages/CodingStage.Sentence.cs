namespace Parley.Pipeline.Stages;

public sealed partial class CodingStage
{
    /// <summary>An actor as the coder sees it: a token range and one or two actors (a pair).</summary>
    private sealed record Chunk(int Start, int End, ActorRef[] Actors, bool Coreference);

    /// <summary>What the coder knows about one sentence.</summary>
    private sealed class SentenceContext
    {
        public readonly Document Doc;
        public readonly int Sentence;
        public readonly int TokenBase;
        public readonly int Count;
        public readonly List<Chunk> Chunks = [];
        public readonly int[] ChunkAt;       // token → chunk index, -1 when none
        public readonly bool[] InQuote;
        public readonly DateOnly? StoryDay;
        public int SpeechAt = -1;
        public readonly Dictionary<string, DateOnly> DatedPairs;
        public int SpeakerChunk = -1;

        public SentenceContext(Document doc, int sentence, ActorMention[] mentions, DateOnly? storyDay, Dictionary<string, DateOnly> datedPairs)
        {
            DatedPairs = datedPairs;
            Doc = doc;
            Sentence = sentence;
            StoryDay = storyDay;
            TokenBase = doc.SentenceTokenStarts[sentence];
            Count = doc.SentenceTokenStarts[sentence + 1] - TokenBase;
            ChunkAt = new int[Count];
            Array.Fill(ChunkAt, -1);
            InQuote = new bool[Count];
            bool quote = false;
            for (int i = 0; i < Count; i++)
            {
                string w = Tok(i).Lower;
                if (w == "\"") { InQuote[i] = true; quote = !quote; continue; }
                if (w == "\u201C") { InQuote[i] = true; quote = true; continue; }
                if (w == "\u201D") { InQuote[i] = true; quote = false; continue; }
                InQuote[i] = quote;
            }
            // Mentions grouped by span, groups in order of first appearance (as GroupBy would, without
            // its lookup table: a sentence has a handful of mentions).
            Span<bool> grouped = mentions.Length <= 128 ? stackalloc bool[mentions.Length] : new bool[mentions.Length];
            for (int g = 0; g < mentions.Length; g++)
            {
                if (grouped[g]) continue;
                var span = mentions[g].Span;
                int size = 0;
                for (int j = g; j < mentions.Length; j++)
                    if (mentions[j].Span == span) { grouped[j] = true; size++; }
                int start = TokenIndex(span.Start), end = TokenIndex(span.End - 1) + 1;
                if (start < 0 || end <= start) continue;
                var actors = new ActorRef[size];
                for (int j = g, k = 0; k < size; j++)
                    if (mentions[j].Span == span) actors[k++] = mentions[j].Actor;
                var chunk = new Chunk(start, end, actors, mentions[g].Kind == ActorKind.Coreference);
                for (int i = start; i < end; i++) ChunkAt[i] = Chunks.Count;
                Chunks.Add(chunk);
            }
            FindSpeaker();
            foreach (var c in Chunks)
                if (c.Start > 0 && Word(c.Start - 1) == "ethnic")
                    foreach (var a in c.Actors) Ethnic.Add(a);
        }

        /// <summary>Actors named as an ethnic group ("ethnic Albanians"): their demonym is not their country.</summary>
        public readonly HashSet<ActorRef> Ethnic = new(ReferenceEqualityComparer.Instance);

        public Token Tok(int i) => Doc.Tokens[TokenBase + i];

        public string Word(int i) => i >= 0 && i < Count ? Tok(i).Lower : "";

        private int TokenIndex(int charPos)
        {
            for (int i = 0; i < Count; i++)
                if (Tok(i).Span.Start <= charPos && charPos < Tok(i).Span.End) return i;
            return -1;
        }

        // "..., Cheong Wa Dae said, Friday." / "Yoon said" / "said Yoon" / "according to Yoon".
        private void FindSpeaker()
        {
            for (int i = 0; i < Count; i++)
            {
                if (InQuote[i] || !SpeechVerbs.Contains(Word(i))) continue;
                if (Word(i) == "according" && Word(i + 1) == "to")
                {
                    if (i + 2 < Count && ChunkAt[i + 2] >= 0) { SpeechAt = i; SpeakerChunk = ChunkAt[i + 2]; }
                    continue;
                }
                int k = i - 1;
                while (k >= 0 && (Word(k) is "also" or "later" or "has" or "had" or "have" or "was" or "were" or "then" or "further" or "officially"
                                  or "today" or "yesterday" or "tonight" or "on" or "earlier" or "late" || TimeStage.Weekdays.ContainsKey(Word(k)))) k--;
                if (k >= 0 && ChunkAt[k] >= 0 && Chunks[ChunkAt[k]].End == k + 1)
                {
                    SpeechAt = i;
                    SpeakerChunk = ChunkAt[k];
                }
                else if (i + 1 < Count && ChunkAt[i + 1] >= 0 && Word(i) is "said" or "says")
                {
                    SpeechAt = i;
                    SpeakerChunk = ChunkAt[i + 1];
                }
                else if (Word(i) == "quoted" && FindBy(i) is int by and >= 0)
                {
                    SpeechAt = i;
                    SpeakerChunk = by;
                }
            }
        }

        // "Moon was quoted as saying by chief press secretary Yoon Young-chan"
        private int FindBy(int from)
        {
            for (int i = from; i < Math.Min(Count, from + 6); i++)
                if (Word(i) == "by")
                    for (int j = i + 1; j < Math.Min(Count, i + 6); j++)
                        if (ChunkAt[j] >= 0) return ChunkAt[j];
            return -1;
        }
    }
}
