using System.Buffers;
using AngleSharp.Dom;

namespace Parley.Pipeline.Extraction;

/// <summary>A parsed page and the pooled buffer its DOM was read from.</summary>
internal sealed class ParsedPage(IDocument document, char[] buffer) : IDisposable
{
    private char[]? _buffer = buffer;

    /// <summary>The DOM.</summary>
    public IDocument Document { get; } = document;

    /// <summary>Returns the buffer to the pool; the DOM must not be read after.</summary>
    public void Dispose()
    {
        if (_buffer is { } b)
        {
            _buffer = null;
            ArrayPool<char>.Shared.Return(b);
        }
    }
}
