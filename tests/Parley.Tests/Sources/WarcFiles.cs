using System.IO.Compression;
using System.Text;

namespace Parley.Tests.Sources;

/// <summary>Builds small WARC files for tests.</summary>
internal static class WarcFiles
{
    public static byte[] Response(string uri, string body, string contentType = "text/html; charset=utf-8", int status = 200, Encoding? encoding = null)
    {
        var payload = (encoding ?? Encoding.UTF8).GetBytes(body);
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} OK\r\nContent-Type: {contentType}\r\nContent-Length: {payload.Length}\r\n\r\n");
        return Record("response", uri, [.. head, .. payload], "application/http; msgtype=response");
    }

    public static byte[] Record(string type, string uri, byte[] block, string contentType)
    {
        var header = $"WARC/1.1\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-03-07T07:00:00Z\r\n" +
            $"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nContent-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    /// <summary>Each record compressed as its own gzip member, concatenated, as WARC files store them.</summary>
    public static byte[] GzipMembers(params byte[][] records)
    {
        using var output = new MemoryStream();
        foreach (var record in records)
        {
            output.Write(Gzip(record));
        }

        return output.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(data);
        }

        return ms.ToArray();
    }
}
