using System.Text;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// A decoder fallback that writes U+FFFD for each invalid sequence, as the default one does, and
/// counts them: one pass tells both the text and whether the bytes were valid, without exceptions.
/// One instance per decode call (it holds the count).
/// </summary>
internal sealed class CountingDecoderFallback : DecoderFallback
{
    /// <summary>Invalid byte sequences seen so far.</summary>
    public int Count { get; private set; }

    /// <inheritdoc/>
    public override int MaxCharCount => 1;

    /// <inheritdoc/>
    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Count++;
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            return '\uFFFD';
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
