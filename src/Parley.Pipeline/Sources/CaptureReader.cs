namespace Parley.Pipeline.Sources;

/// <summary>
/// Reads captures from files, folders (recursively), globs and streams, lazily: a capture is read
/// when the caller asks for it, so memory stays flat in the size of the corpus.
/// </summary>
/// <remarks>
/// <para>By file name: <c>.txt</c> is a text dump, <c>.html</c>/<c>.htm</c> HTML, <c>.jsonl</c> one
/// capture per line, <c>.warc</c> one capture per page record; any of them may end in <c>.gz</c>.
/// Other names given explicitly are sniffed from their first bytes; a folder walk skips them.</para>
/// <para>Bad content never throws: an empty file is PAR101, a binary one PAR102, one over
/// <see cref="CaptureReaderOptions.MaxCaptureBytes"/> PAR103, an unreadable one PAR104, bad gzip
/// PAR105, a bad JSONL line PAR106, a bad WARC record PAR107, a path that names nothing PAR108.
/// Each names the file (or record) and a byte offset, and the rest of the batch goes on.</para>
/// </remarks>
public sealed class CaptureReader
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInput = "-";

    private readonly WarcReader _warc;
    private readonly JsonlReader _jsonl;

    /// <summary>Creates a reader with <paramref name="options"/>, or the defaults.</summary>
    public CaptureReader(CaptureReaderOptions? options = null)
    {
        Options = options ?? CaptureReaderOptions.Default;
        _warc = new WarcReader(Options);
        _jsonl = new JsonlReader(Options);
    }

    /// <summary>The bounds in force.</summary>
    public CaptureReaderOptions Options { get; }

    /// <summary>Reads every capture that <paramref name="paths"/> name, in order.</summary>
    /// <param name="paths">Files, folders, globs, or "-" for standard input.</param>
    /// <param name="diagnostics">Receives a diagnostic for each input that was skipped or repaired.</param>
    /// <param name="ct">Stops the enumeration between captures.</param>
    /// <returns>A lazy sequence of captures; enumerating it twice reads the files twice.</returns>
    public IEnumerable<Capture> Read(IEnumerable<string> paths, Diagnostics diagnostics, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return ReadAll(paths, diagnostics, ct);
    }

    /// <summary>Reads every capture that <paramref name="path"/> names.</summary>
    /// <inheritdoc cref="Read(IEnumerable{string}, Diagnostics, CancellationToken)"/>
    public IEnumerable<Capture> Read(string path, Diagnostics diagnostics, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read([path], diagnostics, ct);
    }

    /// <summary>
    /// Reads captures from a stream whose kind is sniffed from its first bytes (gzip, WARC, JSONL,
    /// HTML, else a text dump). Used for standard input.
    /// </summary>
    /// <param name="stream">The stream; it is read to its end but not disposed.</param>
    /// <param name="source">The name diagnostics and captures give the stream ("stdin").</param>
    /// <param name="diagnostics">Receives a diagnostic for each input that was skipped or repaired.</param>
    /// <param name="ct">Stops the enumeration between captures.</param>
    /// <returns>A lazy sequence of captures.</returns>
    public IEnumerable<Capture> ReadStream(Stream stream, string source, Diagnostics diagnostics, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return ReadSniffed(stream, source, diagnostics, ct);
    }

    private IEnumerable<Capture> ReadAll(IEnumerable<string> paths, Diagnostics diagnostics, CancellationToken ct)
    {
        foreach (var path in paths)
        {
            ct.ThrowIfCancellationRequested();
            if (path == StandardInput)
            {
                using var stdin = Console.OpenStandardInput();
                foreach (var capture in ReadSniffed(stdin, "stdin", diagnostics, ct))
                {
                    yield return capture;
                }

                continue;
            }

            foreach (var file in PathExpander.Expand(path, diagnostics))
            {
                foreach (var capture in ReadFile(file, diagnostics, ct))
                {
                    yield return capture;
                }
            }
        }
    }

    private IEnumerable<Capture> ReadFile(string path, Diagnostics diagnostics, CancellationToken ct)
    {
        var (kind, gzip) = SourcePath.Classify(path);
        if (kind is SourceKind.Jsonl or SourceKind.Warc)
        {
            var stream = Open(path, diagnostics);
            if (stream is null)
            {
                yield break;
            }

            using (stream)
            {
                if (stream.Length == 0)
                {
                    diagnostics.Report(DiagnosticCodes.EmptyInput, Severity.Error, path, 0, "The file is empty; no capture was made.");
                    yield break;
                }

                var captures = kind == SourceKind.Warc
                    ? _warc.Read(path, stream, gzip, diagnostics, ct)
                    : _jsonl.Read(path, gzip ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress) : stream, diagnostics, ct);
                foreach (var capture in captures)
                {
                    yield return capture;
                }
            }

            yield break;
        }

        var bytes = ReadWhole(path, gzip, diagnostics);
        if (bytes is null)
        {
            yield break;
        }

        foreach (var capture in FromBytes(bytes, path, kind, diagnostics, ct))
        {
            yield return capture;
        }
    }

    /// <summary>Reads a single-capture file whole, within the bounds; null when it was reported instead.</summary>
    private byte[]? ReadWhole(string path, bool gzip, Diagnostics diagnostics)
    {
        // Unbuffered: the file goes straight into an array of its own length (or into the gzip
        // reader's own buffer), so a 64 KB stream buffer would only be one more allocation per
        // capture (about half of what the worker side allocated per text capture).
        var stream = Open(path, diagnostics, buffered: false);
        if (stream is null)
        {
            return null;
        }

        using (stream)
        {
            var length = stream.Length;
            if (length == 0)
            {
                diagnostics.Report(DiagnosticCodes.EmptyInput, Severity.Error, path, 0, "The file is empty; no capture was made.");
                return null;
            }

            if (length > Options.MaxCaptureBytes)
            {
                diagnostics.Report(DiagnosticCodes.TooLarge, Severity.Error, path, Options.MaxCaptureBytes,
                    $"The file holds {length:N0} bytes, over the bound of {Options.MaxCaptureBytes:N0} (CaptureReaderOptions.MaxCaptureBytes); skipped.");
                return null;
            }

            try
            {
                if (!gzip)
                {
                    var bytes = new byte[length];
                    stream.ReadExactly(bytes);
                    return bytes;
                }

                var expanded = Gzip.Decompress(stream, Options.MaxExpandedBytes, out var error);
                if (expanded is null)
                {
                    diagnostics.Report(DiagnosticCodes.BadCompression, Severity.Error, path, 0, $"The file could not be decompressed: {error}; skipped.");
                    return null;
                }

                if (expanded.Length > Options.MaxCaptureBytes)
                {
                    diagnostics.Report(DiagnosticCodes.TooLarge, Severity.Error, path, Options.MaxCaptureBytes,
                        $"The file expands to {expanded.Length:N0} bytes, over the bound of {Options.MaxCaptureBytes:N0} (CaptureReaderOptions.MaxCaptureBytes); skipped.");
                    return null;
                }

                return expanded;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Report(DiagnosticCodes.Unreadable, Severity.Error, path, 0, $"The file could not be read ({ex.Message}); skipped.");
                return null;
            }
        }
    }

    /// <summary>Makes captures from the whole content of one file or stream.</summary>
    private IEnumerable<Capture> FromBytes(byte[] bytes, string source, SourceKind kind, Diagnostics diagnostics, CancellationToken ct)
    {
        if (bytes.Length == 0)
        {
            diagnostics.Report(DiagnosticCodes.EmptyInput, Severity.Error, source, 0, "The content is empty; no capture was made.");
            return [];
        }

        if (kind == SourceKind.Unknown)
        {
            kind = SourcePath.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, 512)));
        }

        switch (kind)
        {
            case SourceKind.Warc:
                return _warc.Read(source, new MemoryStream(bytes, writable: false), gzip: false, diagnostics, ct);
            case SourceKind.Jsonl:
                return _jsonl.Read(source, new MemoryStream(bytes, writable: false), diagnostics, ct);
        }

        if (ContentCheck.IsBinary(bytes, out var position, out var what))
        {
            diagnostics.Report(DiagnosticCodes.BinaryInput, Severity.Error, source, position,
                $"The content is binary ({what} at byte {position}), not a page; skipped.");
            return [];
        }

        var format = kind == SourceKind.Html ? CaptureFormat.Html : CaptureFormat.Text;
        return [new Capture(CaptureIds.FromContent(bytes), source, null, format, bytes, null)];
    }

    private IEnumerable<Capture> ReadSniffed(Stream stream, string source, Diagnostics diagnostics, CancellationToken ct)
    {
        var bytes = ReadStreamBytes(stream, source, diagnostics);
        return bytes is null ? [] : FromBytes(bytes, source, SourceKind.Unknown, diagnostics, ct);
    }

    /// <summary>Reads a stream whole (expanding it when it is gzip), within the bounds; null when reported instead.</summary>
    private byte[]? ReadStreamBytes(Stream stream, string source, Diagnostics diagnostics)
    {
        try
        {
            var bytes = Gzip.ReadBounded(stream, Options.MaxExpandedBytes, out var error);
            if (bytes is null)
            {
                diagnostics.Report(DiagnosticCodes.TooLarge, Severity.Error, source, Options.MaxExpandedBytes, $"The stream is too large: {error}.");
                return null;
            }

            if (bytes.AsSpan().StartsWith(Gzip.Magic))
            {
                bytes = Gzip.Decompress(new MemoryStream(bytes), Options.MaxExpandedBytes, out error);
                if (bytes is null)
                {
                    diagnostics.Report(DiagnosticCodes.BadCompression, Severity.Error, source, 0, $"The stream could not be decompressed: {error}.");
                }
            }

            return bytes;
        }
        catch (IOException ex)
        {
            diagnostics.Report(DiagnosticCodes.Unreadable, Severity.Error, source, 0, $"The stream could not be read ({ex.Message}).");
            return null;
        }
    }

    private static FileStream? Open(string path, Diagnostics diagnostics, bool buffered = true)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: buffered ? 64 * 1024 : 0);
        }
        catch (FileNotFoundException)
        {
            diagnostics.Report(DiagnosticCodes.NoSuchPath, Severity.Error, path, 0, "The file vanished before it could be read; skipped.");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCodes.Unreadable, Severity.Error, path, 0, $"The file could not be opened ({ex.Message}); skipped.");
            return null;
        }
    }
}
