using System.Security.Cryptography;

namespace Parley.Pipeline.Sources;

/// <summary>Computes the content-derived id of a <see cref="Capture"/>.</summary>
public static class CaptureIds
{
    /// <summary>Number of SHA-256 bytes kept in an id: 16 bytes (128 bits) make collisions negligible for any corpus.</summary>
    private const int IdBytes = 16;

    /// <summary>The id of a capture with these bytes.</summary>
    /// <param name="content">The raw, undecoded content bytes.</param>
    /// <returns>Lower-case hex of the first 16 bytes of the SHA-256 of <paramref name="content"/> (32 characters).</returns>
    public static string FromContent(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return Convert.ToHexStringLower(hash[..IdBytes]);
    }
}
