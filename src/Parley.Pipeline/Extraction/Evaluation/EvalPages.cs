using System.IO.Compression;
using Parley.Pipeline.Sources;

namespace Parley.Pipeline.Extraction.Evaluation;

/// <summary>Loads benchmark pages (gzip-compressed HTML files) as captures.</summary>
public static class EvalPages
{
    /// <summary>Reads <paramref name="path"/>, un-gzipping it when its name ends in <c>.gz</c>, as an HTML capture of <paramref name="url"/>.</summary>
    public static Capture Load(string path, string? url)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        else
        {
            bytes = File.ReadAllBytes(path);
        }

        return new Capture(CaptureIds.FromContent(bytes), path, url, CaptureFormat.Html, bytes, null);
    }
}
