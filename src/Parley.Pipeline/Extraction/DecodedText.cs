using System.Text;

namespace Parley.Pipeline.Extraction;

/// <summary>The result of <see cref="TextDecoder.Decode(ReadOnlySpan{byte}, string?, bool)"/>.</summary>
/// <param name="Text">The decoded text, without a BOM.</param>
/// <param name="Encoding">The encoding that was used.</param>
/// <param name="Basis">What chose it.</param>
/// <param name="Replacements">How many invalid byte sequences became U+FFFD (0 when the bytes were clean).</param>
public sealed record DecodedText(string Text, Encoding Encoding, DecodingBasis Basis, int Replacements);
