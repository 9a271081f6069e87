namespace Parley;

/// <summary>A temporal expression in a body, resolved against the article's date.</summary>
/// <param name="Span">Where it stands.</param>
/// <param name="Date">The calendar day it names.</param>
/// <param name="Basis">How the day was worked out (see <see cref="DateBases"/>).</param>
/// <param name="Sentence">Index of the sentence that holds it.</param>
public sealed record TimeExpression(TextSpan Span, DateOnly Date, string Basis, int Sentence);

/// <summary>The names of the ways an event's date is worked out, most to least direct.</summary>
public static class DateBases
{
    /// <summary>An absolute date in the sentence ("on March 6, 2019", "Aug. 21").</summary>
    public const string Explicit = "explicit";
    /// <summary>A weekday resolved to the latest such day on or before the article date ("Friday").</summary>
    public const string Weekday = "weekday";
    /// <summary>A relative expression ("yesterday", "last month", "earlier this week").</summary>
    public const string Relative = "relative";
    /// <summary>A month without a day ("in June"): the first day of that month.</summary>
    public const string Month = "month";
    /// <summary>A date stated elsewhere in the same paragraph or the dateline.</summary>
    public const string Context = "context";
    /// <summary>No date in the text: the publication date, marked as a fallback.</summary>
    public const string Publication = "publication";
}
