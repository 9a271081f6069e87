using System.Buffers;
using System.Text;

namespace Parley.Pipeline.Extraction;

/// <summary>Decoded characters in a buffer rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Dispose"/> returns it.</summary>
/// <param name="buffer">The rented buffer.</param>
/// <param name="length">How many characters of it are the text.</param>
/// <param name="encoding">The encoding used.</param>
/// <param name="basis">Why that encoding was chosen.</param>
/// <param name="replacements">Byte sequences that could not be decoded and became U+FFFD.</param>
internal sealed class DecodedChars(char[] buffer, int length, Encoding encoding, DecodingBasis basis, int replacements) : IDisposable
{
    private char[]? _buffer = buffer;

    /// <summary>The text; empty once disposed.</summary>
    public ReadOnlySpan<char> Span => _buffer is null ? [] : _buffer.AsSpan(0, length);

    /// <summary>The encoding used.</summary>
    public Encoding Encoding { get; } = encoding;

    /// <summary>Why that encoding was chosen.</summary>
    public DecodingBasis Basis { get; } = basis;

    /// <summary>Byte sequences replaced with U+FFFD.</summary>
    public int Replacements { get; } = replacements;

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer is { } b)
        {
            _buffer = null;
            ArrayPool<char>.Shared.Return(b);
        }
    }
}
