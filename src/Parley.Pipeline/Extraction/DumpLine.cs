namespace Parley.Pipeline.Extraction;

/// <summary>A classified line of a text dump.</summary>
/// <param name="Index">Line number, from 0.</param>
/// <param name="Kind">What the line is.</param>
/// <param name="Text">The line with whitespace normalized.</param>
/// <param name="Value">The part that matters for the kind (a date, a name, a headline), or null.</param>
/// <param name="Extra">A second part (the byline of a <see cref="DumpLineKind.DateByline"/>, the site of a <see cref="DumpLineKind.SiteHeadline"/>), or null.</param>
internal readonly record struct DumpLine(int Index, DumpLineKind Kind, string Text, string? Value = null, string? Extra = null);
