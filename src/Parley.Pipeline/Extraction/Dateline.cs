namespace Parley.Pipeline.Extraction;

/// <summary>A dateline found at the start of a paragraph.</summary>
/// <param name="Text">The dateline as printed, without its dash ("SEOUL/WASHINGTON, March 7 (Yonhap)").</param>
/// <param name="Place">The place part ("SEOUL/WASHINGTON").</param>
/// <param name="Agency">The canonical outlet in parentheses ("Yonhap"), or null.</param>
/// <param name="Rest">The paragraph after the dateline and its dash.</param>
public sealed record Dateline(string Text, string Place, string? Agency, string Rest);
