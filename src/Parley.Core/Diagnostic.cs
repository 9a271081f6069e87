namespace Parley;

/// <summary>How bad a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Worth knowing; nothing was lost.</summary>
    Info,
    /// <summary>Something was skipped or guessed; the rest went on.</summary>
    Warning,
    /// <summary>An input or stage failed; the rest of the batch went on.</summary>
    Error,
}

/// <summary>
/// A coded message about bad input or a failed stage. Bad content becomes a diagnostic,
/// never an exception that stops the batch.
/// </summary>
/// <param name="Code">Stable code, e.g. "PAR101"; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Source">The culprit: a file path, or file plus record.</param>
/// <param name="Position">Byte or character offset in the source, or -1 when it has none.</param>
/// <param name="Message">What went wrong and what to do about it.</param>
public sealed record Diagnostic(string Code, Severity Severity, string Source, long Position, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Position >= 0
            ? $"{Severity.ToString().ToLowerInvariant()} {Code}: {Source} @{Position}: {Message}"
            : $"{Severity.ToString().ToLowerInvariant()} {Code}: {Source}: {Message}";
}
