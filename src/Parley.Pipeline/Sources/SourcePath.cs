namespace Parley.Pipeline.Sources;

/// <summary>Classifies a path by its extension: the kind of content and whether it is gzip-compressed.</summary>
internal static class SourcePath
{
    /// <summary>True for names this reader picks up when it walks a folder.</summary>
    public static bool IsKnown(string path) => Classify(path).Kind != SourceKind.Unknown;

    /// <summary>The content kind and compression implied by the file name.</summary>
    public static (SourceKind Kind, bool Gzip) Classify(string path)
    {
        var name = Path.GetFileName(path.AsSpan());
        var gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzip)
        {
            name = name[..^3];
        }

        var ext = Path.GetExtension(name);
        SourceKind kind =
            ext.Equals(".txt", StringComparison.OrdinalIgnoreCase) ? SourceKind.Text :
            ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase) ? SourceKind.Html :
            ext.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) ? SourceKind.Jsonl :
            ext.Equals(".warc", StringComparison.OrdinalIgnoreCase) ? SourceKind.Warc :
            SourceKind.Unknown;
        if (kind == SourceKind.Unknown && gzip && ext.IsEmpty)
        {
            // "page.gz": compressed, content kind found by sniffing after decompression.
            return (SourceKind.Unknown, true);
        }

        return (kind, gzip);
    }

    /// <summary>Guesses the kind of a capture from its first bytes, for names that do not say.</summary>
    public static SourceKind Sniff(ReadOnlySpan<byte> head)
    {
        var trimmed = SkipBomAndSpace(head);
        if (trimmed.StartsWith("WARC/"u8))
        {
            return SourceKind.Warc;
        }

        if (trimmed.StartsWith("{"u8))
        {
            return SourceKind.Jsonl;
        }

        if (trimmed.StartsWith("<"u8))
        {
            return SourceKind.Html;
        }

        return SourceKind.Text;
    }

    private static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var i = 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return bytes[i..];
    }
}
