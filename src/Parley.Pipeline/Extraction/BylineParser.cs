using System.Text.RegularExpressions;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Reads "By ..." lines: author names, or an outlet when the line names one ("By Yonhap").
/// Titles after a comma ("Staff reporter") are dropped.
/// </summary>
public static partial class BylineParser
{
    /// <summary>Longest byline line accepted; longer "By ..." lines are sentences.</summary>
    private const int MaxLength = 100;

    /// <summary>Parses a line that may be a byline.</summary>
    /// <param name="line">A normalized line.</param>
    /// <param name="names">The author names, in order.</param>
    /// <param name="outlet">The canonical outlet when the line names one instead of people.</param>
    /// <returns>True when the line is a byline.</returns>
    public static bool TryParse(string line, out IReadOnlyList<string> names, out string? outlet)
    {
        ArgumentNullException.ThrowIfNull(line);
        names = [];
        outlet = null;
        if (line.Length > MaxLength)
        {
            return false;
        }

        var m = By().Match(line);
        if (!m.Success)
        {
            return false;
        }

        return TryParseNames(m.Groups["names"].Value, out names, out outlet);
    }

    /// <summary>Parses the part after "By": names joined by commas, "and" or "&amp;".</summary>
    public static bool TryParseNames(string text, out IReadOnlyList<string> names, out string? outlet)
    {
        names = [];
        outlet = null;
        var value = text.Trim().TrimEnd('.', ',');
        if (Outlets.IsKnown(value))
        {
            outlet = Outlets.Canonical(value);
            return true;
        }

        var found = new List<string>();
        foreach (var part in Separator().Split(value))
        {
            var p = part.Trim();
            if (p.Length == 0 || Title().IsMatch(p))
            {
                continue;
            }

            if (Outlets.IsKnown(p))
            {
                outlet ??= Outlets.Canonical(p);
                continue;
            }

            if (!Name().IsMatch(p))
            {
                return false;
            }

            found.Add(p);
        }

        names = found;
        return found.Count > 0 || outlet is not null;
    }

    [GeneratedRegex(@"^By\s*:?\s+(?<names>[^\s].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex By();

    [GeneratedRegex(@"\s*(?:,|\band\b|&|/)\s*")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^[\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|de|van|von|der|da|al|bin|el|la|le)){0,4}$")]
    private static partial Regex Name();

    [GeneratedRegex(@"\b(?:staff|reporter|writer|correspondent|editor|columnist|contributor|bureau|chief|senior|news)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Title();
}
