namespace Parley.Pipeline.Sources;

/// <summary>
/// Decides whether bytes can be a capture at all: not empty, not binary. Binary means a NUL byte
/// in the first 8 KB (text encodings other than UTF-16/32, which announce themselves by a BOM,
/// never hold one) or the magic number of a format that is never a page (PNG, JPEG, GIF, PDF, ZIP).
/// </summary>
internal static class ContentCheck
{
    /// <summary>How far to look for NUL bytes; 8 KB is what git and grep look at too.</summary>
    private const int BinaryProbeBytes = 8 * 1024;

    /// <summary>Finds why <paramref name="content"/> is binary.</summary>
    /// <param name="content">The bytes to test.</param>
    /// <param name="position">Offset of the NUL byte, or 0 for a magic number.</param>
    /// <param name="what">A short name of what was found ("PNG image", "NUL byte").</param>
    /// <returns>True when the content is binary and must not become a capture.</returns>
    public static bool IsBinary(ReadOnlySpan<byte> content, out long position, out string what)
    {
        position = 0;
        what = "";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            what = "PNG image";
            return true;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            what = "JPEG image";
            return true;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            what = "GIF image";
            return true;
        }

        if (content.StartsWith("%PDF"u8))
        {
            what = "PDF document";
            return true;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            what = "ZIP archive";
            return true;
        }

        if (HasUnicodeBom(content))
        {
            return false;
        }

        var probe = content[..Math.Min(content.Length, BinaryProbeBytes)];
        var nul = probe.IndexOf((byte)0);
        if (nul >= 0)
        {
            position = nul;
            what = "NUL byte";
            return true;
        }

        return false;
    }

    private static bool HasUnicodeBom(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ||
        content.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
}
