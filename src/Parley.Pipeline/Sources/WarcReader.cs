using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parley.Pipeline.Sources;

/// <summary>
/// Reads WARC 1.0/1.1 files (plain or gzip with one member per record, like Common Crawl's
/// CC-NEWS) and yields a capture for each response, resource or conversion record that holds a
/// page. Records are read one at a time, so memory stays flat in the size of the file.
/// </summary>
internal sealed class WarcReader(CaptureReaderOptions options)
{
    /// <summary>Longest WARC or HTTP header line accepted; real ones are well under 8 KB.</summary>
    private const int MaxHeaderLine = 64 * 1024;

    /// <summary>Yields the captures in <paramref name="stream"/>, reporting bad records to <paramref name="diagnostics"/>.</summary>
    public IEnumerable<Capture> Read(string source, Stream stream, bool gzip, Diagnostics diagnostics, CancellationToken ct)
    {
        var ordinal = new Counter();
        if (gzip && stream.CanSeek)
        {
            var members = new GzipMemberReader(stream, options.MaxExpandedBytes);
            while (members.TryReadNext(out var member))
            {
                ct.ThrowIfCancellationRequested();
                if (member.Error is not null)
                {
                    diagnostics.Report(
                        member.Truncated ? DiagnosticCodes.BadWarcRecord : DiagnosticCodes.BadCompression,
                        member.Truncated && member.Data.Length > 0 ? Severity.Warning : Severity.Error,
                        source,
                        member.Offset,
                        $"The gzip member at byte {member.Offset} could not be read whole: {member.Error}. " +
                        (member.Data.Length > 0 ? "What was read is kept; " : "") + "reading goes on with the next member.");
                }

                if (member.Data.Length == 0)
                {
                    continue;
                }

                using var reader = new ByteReader(new MemoryStream(member.Data));
                foreach (var capture in ReadRecords(reader, source, member.Offset, member.Error is not null, ordinal, diagnostics, ct))
                {
                    yield return capture;
                }
            }

            yield break;
        }

        var input = gzip ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
        using (var reader = new ByteReader(input))
        {
            foreach (var capture in ReadRecords(reader, source, null, false, ordinal, diagnostics, ct))
            {
                yield return capture;
            }

            if (reader.ReadError is { } error)
            {
                diagnostics.Report(
                    gzip ? DiagnosticCodes.BadCompression : DiagnosticCodes.Unreadable, Severity.Error, source, reader.Position,
                    $"Reading stopped at byte {reader.Position}: {error}. The records before it were kept.");
            }
        }
    }

    private IEnumerable<Capture> ReadRecords(
        ByteReader reader, string source, long? memberOffset, bool quietTruncation, Counter ordinal, Diagnostics diagnostics, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var (record, problem, problemOffset) = ReadRecord(reader);
            if (problem is not null)
            {
                diagnostics.Report(DiagnosticCodes.BadWarcRecord, Severity.Error, source, memberOffset ?? problemOffset, problem);
            }

            if (record is null)
            {
                if (reader.AtEnd)
                {
                    yield break;
                }

                continue;
            }

            ordinal.Value++;
            var capture = ToCapture(record, source, ordinal.Value, memberOffset ?? record.Offset, quietTruncation, diagnostics);
            if (capture is not null)
            {
                yield return capture;
            }
        }
    }

    /// <summary>Reads the next record; a problem found on the way is returned with the record that follows it.</summary>
    private (WarcRecord? Record, string? Problem, long ProblemOffset) ReadRecord(ByteReader reader)
    {
        while (reader.Peek() is '\r' or '\n')
        {
            reader.Skip(1);
        }

        var offset = reader.Position;
        var line = reader.ReadLine(MaxHeaderLine, out _);
        if (line is null)
        {
            return (null, null, offset);
        }

        string? problem = null;
        var problemOffset = offset;
        if (!line.AsSpan().StartsWith("WARC/"u8))
        {
            problem = $"No WARC record starts at byte {offset} (expected a \"WARC/1.0\" or \"WARC/1.1\" line); skipped to the next record.";
            while (line is not null && !line.AsSpan().StartsWith("WARC/"u8))
            {
                offset = reader.Position;
                line = reader.ReadLine(MaxHeaderLine, out _);
            }

            if (line is null)
            {
                return (null, problem, problemOffset);
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        while (true)
        {
            var h = reader.ReadLine(MaxHeaderLine, out _);
            if (h is null)
            {
                return (null, problem ?? $"The WARC record at byte {offset} is truncated inside its header; nothing of it was kept.", offset);
            }

            if (h.Length == 0)
            {
                break;
            }

            var text = Encoding.UTF8.GetString(h);
            if (text[0] is ' ' or '\t' && last is not null)
            {
                headers[last] += " " + text.Trim();
                continue;
            }

            var colon = text.IndexOf(':');
            if (colon > 0)
            {
                last = text[..colon].Trim();
                headers[last] = text[(colon + 1)..].Trim();
            }
        }

        if (!headers.TryGetValue("Content-Length", out var lengthText) ||
            !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return (null, problem ?? $"The WARC record at byte {offset} has no valid Content-Length; skipped to the next record.", offset);
        }

        if (length > options.MaxCaptureBytes)
        {
            reader.Skip(length);
            var message = $"The WARC record at byte {offset} holds {length:N0} bytes, over the bound of {options.MaxCaptureBytes:N0} (CaptureReaderOptions.MaxCaptureBytes); skipped.";
            return (null, problem is null ? message : problem + " " + message, offset);
        }

        var block = reader.ReadBytes((int)length);
        return (new WarcRecord(offset, headers, block, block.Length < length), problem, problemOffset);
    }

    private Capture? ToCapture(WarcRecord record, string source, int ordinal, long position, bool quietTruncation, Diagnostics diagnostics)
    {
        var type = record.Type;
        if (type is not ("response" or "resource" or "conversion"))
        {
            return null;
        }

        var locator = $"{source}#record-{ordinal}";
        if (record.Truncated && !quietTruncation)
        {
            diagnostics.Report(
                DiagnosticCodes.BadWarcRecord, Severity.Warning, locator, position,
                $"The WARC record at byte {record.Offset} is truncated: its Content-Length says {record["Content-Length"]} bytes " +
                $"but the file ends after {record.Block.Length}. What was read is kept.");
        }

        var url = record["WARC-Target-URI"]?.Trim().Trim('<', '>');
        DateTimeOffset? fetched = DateTimeOffset.TryParse(
            record["WARC-Date"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

        string mediaType;
        string? charset;
        byte[] body;
        if (type == "response")
        {
            var http = HttpMessage.Parse(record.Block, options.MaxExpandedBytes);
            if (http is null)
            {
                if (!record.Truncated)
                {
                    diagnostics.Report(
                        DiagnosticCodes.BadWarcRecord, Severity.Error, locator, position,
                        $"The WARC response record at byte {record.Offset} holds no HTTP header block ending in a blank line; skipped.");
                }

                return null;
            }

            if (http.Error is not null)
            {
                diagnostics.Report(DiagnosticCodes.BadCompression, Severity.Error, locator, position,
                    $"The HTTP body of the record at byte {record.Offset} could not be decoded: {http.Error}; skipped.");
                return null;
            }

            if (options.SkipNonSuccessResponses && http.Status != 0 && http.Status is < 200 or > 299)
            {
                return null;
            }

            (mediaType, charset, body) = (http.ContentType, http.Charset, http.Body);
        }
        else
        {
            (mediaType, charset) = HttpMessage.SplitContentType(record["Content-Type"] ?? "");
            body = record.Block;
        }

        CaptureFormat format;
        if (mediaType.Contains("html", StringComparison.Ordinal))
        {
            format = CaptureFormat.Html;
        }
        else if (mediaType == "text/plain")
        {
            format = CaptureFormat.Text;
        }
        else if (mediaType.Length == 0)
        {
            format = SourcePath.Sniff(body.AsSpan(0, Math.Min(body.Length, 512))) == SourceKind.Html ? CaptureFormat.Html : CaptureFormat.Text;
        }
        else
        {
            return null;
        }

        if (body.Length == 0)
        {
            diagnostics.Report(DiagnosticCodes.EmptyInput, Severity.Warning, locator, position,
                $"The WARC record at byte {record.Offset} has an empty body; no capture was made.");
            return null;
        }

        if (ContentCheck.IsBinary(body, out _, out var what))
        {
            diagnostics.Report(DiagnosticCodes.BinaryInput, Severity.Warning, locator, position,
                $"The WARC record at byte {record.Offset} is labelled {mediaType} but its body is binary ({what}); skipped.");
            return null;
        }

        return new Capture(CaptureIds.FromContent(body), locator, url, format, body, fetched, charset);
    }

    private sealed class Counter
    {
        public int Value;
    }
}
