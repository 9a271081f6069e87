namespace Parley.Pipeline.Sources;

/// <summary>One member of a multi-member gzip file, as expanded by <see cref="GzipMemberReader"/>.</summary>
/// <param name="Offset">Byte offset of the member's header in the compressed file.</param>
/// <param name="Data">The expanded bytes; partial when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the member could not be read whole, or null.</param>
/// <param name="Truncated">True when the file ends inside the member (as opposed to corrupt or too large).</param>
internal readonly record struct GzipMember(long Offset, byte[] Data, string? Error, bool Truncated);
