using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parley.Pipeline.Sources;

/// <summary>
/// Reads JSON Lines captures: each line an object with <c>url</c>, <c>html</c> or <c>text</c>, and
/// <c>fetched_at</c>. A bad line is reported with its number and byte offset and skipped.
/// </summary>
internal sealed class JsonlReader(CaptureReaderOptions options)
{
    /// <summary>Yields one capture per good line of <paramref name="stream"/>.</summary>
    public IEnumerable<Capture> Read(string source, Stream stream, Diagnostics diagnostics, CancellationToken ct)
    {
        using var reader = new ByteReader(stream);
        var lineNumber = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var offset = reader.Position;
            var line = reader.ReadLine(options.MaxCaptureBytes, out var tooLong);
            if (line is null)
            {
                break;
            }

            lineNumber++;
            var locator = $"{source}#L{lineNumber}";
            if (tooLong)
            {
                diagnostics.Report(DiagnosticCodes.TooLarge, Severity.Error, locator, offset,
                    $"Line {lineNumber} is longer than the bound of {options.MaxCaptureBytes:N0} bytes (CaptureReaderOptions.MaxCaptureBytes); skipped.");
                continue;
            }

            if (line.AsSpan().Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            var capture = ParseLine(line, locator, lineNumber, offset, diagnostics);
            if (capture is not null)
            {
                yield return capture;
            }
        }

        if (reader.ReadError is { } error)
        {
            diagnostics.Report(DiagnosticCodes.BadCompression, Severity.Error, source, reader.Position,
                $"Reading stopped after line {lineNumber}: {error}. The lines before it were kept.");
        }
    }

    private static Capture? ParseLine(byte[] line, string locator, int lineNumber, long offset, Diagnostics diagnostics)
    {
        string? url = null, html = null, text = null, fetched = null;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Bad(locator, lineNumber, offset, "is not a JSON object", diagnostics);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
                switch (name)
                {
                    case "url": url = value; break;
                    case "html": html = value; break;
                    case "text": text = value; break;
                    case "fetched_at": fetched = value; break;
                }
            }

            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            return Bad(locator, lineNumber, offset, $"is not valid JSON ({ex.Message})", diagnostics);
        }

        var isHtml = !string.IsNullOrEmpty(html);
        var content = isHtml ? html : text;
        if (string.IsNullOrEmpty(content))
        {
            return Bad(locator, lineNumber, offset, "has no non-empty \"html\" or \"text\" string", diagnostics);
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        if (ContentCheck.IsBinary(bytes, out _, out var what))
        {
            diagnostics.Report(DiagnosticCodes.BinaryInput, Severity.Error, locator, offset,
                $"Line {lineNumber} holds binary content ({what}); skipped.");
            return null;
        }

        DateTimeOffset? fetchedAt = DateTimeOffset.TryParse(fetched, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var f) ? f : null;

        // The JSON string is Unicode; its bytes are UTF-8 whatever the page's own <meta charset> said.
        return new Capture(CaptureIds.FromContent(bytes), locator, url, isHtml ? CaptureFormat.Html : CaptureFormat.Text, bytes, fetchedAt, "utf-8");
    }

    private static Capture? Bad(string locator, int lineNumber, long offset, string why, Diagnostics diagnostics)
    {
        diagnostics.Report(DiagnosticCodes.BadJsonLine, Severity.Error, locator, offset,
            $"Line {lineNumber} {why}; expected {{\"url\": ..., \"html\" or \"text\": ..., \"fetched_at\": ...}}. The line was skipped.");
        return null;
    }
}
