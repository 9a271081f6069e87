using System.Collections.Immutable;
using Parley.Pipeline.Text;

namespace Parley.Pipeline.Stages;

/// <summary>Splits the body into sentences and tokens.</summary>
public sealed class SentenceStage : IStage
{
    /// <inheritdoc/>
    public string Name => "sentences";
    /// <inheritdoc/>
    public Layer Requires => Layer.None;
    /// <inheritdoc/>
    public Layer Provides => Layer.Sentences;

    /// <inheritdoc/>
    public Document Run(Document doc, Diagnostics diagnostics, CancellationToken ct)
    {
        var sentences = SentenceSplitter.Split(doc.Text);
        var tokens = new List<Token>(doc.Text.Length / 5);
        var starts = ImmutableArray.CreateBuilder<int>(sentences.Count + 1);
        foreach (var s in sentences)
        {
            starts.Add(tokens.Count);
            Tokenizer.Tokenize(doc.Text, s.Span, tokens);
        }
        starts.Add(tokens.Count);
        return doc with
        {
            Layers = doc.Layers | Layer.Sentences,
            Sentences = [.. sentences],
            Tokens = [.. tokens],
            SentenceTokenStarts = starts.MoveToImmutable(),
        };
    }
}
