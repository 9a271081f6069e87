namespace Parley.Pipeline.Extraction;

/// <summary>A block of text in an HTML page (a paragraph, heading, list item, or text between two line breaks).</summary>
/// <param name="Text">The text, whitespace normalized.</param>
/// <param name="LinkChars">How many of its characters are inside links.</param>
/// <param name="Tag">The block element that holds it ("p", "h2", "li", "div").</param>
internal readonly record struct HtmlBlock(string Text, int LinkChars, string Tag)
{
    /// <summary>Share of the text inside links, from 0 to 1.</summary>
    public double LinkDensity => Text.Length == 0 ? 0 : Math.Min(1.0, (double)LinkChars / Text.Length);
}
