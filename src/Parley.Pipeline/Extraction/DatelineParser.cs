using System.Text.RegularExpressions;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Recognises wire datelines: "SEOUL/WASHINGTON, March 7 (Yonhap) -- ...", "SEOUL (Reuters) - ...",
/// "SEOUL, Dec. 23 (Yonhap) ...", "WASHINGTON -- ...". A place in capitals followed by a dash
/// counts alone; a place in any case counts when an agency in parentheses follows it.
/// </summary>
public static partial class DatelineParser
{
    /// <summary>Finds a dateline at the start of <paramref name="paragraph"/>.</summary>
    /// <returns>The dateline, or null when the paragraph does not start with one.</returns>
    public static Dateline? Parse(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (paragraph.Length < 12)
        {
            return null;
        }

        var m = WithAgency().Match(paragraph);
        if (m.Success && m.Groups["rest"].Length > 0)
        {
            var agency = Outlets.Canonical(m.Groups["agency"].Value);
            return new Dateline(m.Groups["dl"].Value.Trim(), m.Groups["place"].Value.Trim(), agency, m.Groups["rest"].Value.Trim());
        }

        m = CapitalsWithDash().Match(paragraph);
        if (m.Success && m.Groups["rest"].Length > 0)
        {
            return new Dateline(m.Groups["dl"].Value.Trim(), m.Groups["place"].Value.Trim(), null, m.Groups["rest"].Value.Trim());
        }

        return null;
    }

    [GeneratedRegex(@"^(?<dl>(?<place>[A-Z][A-Za-z.'’-]*(?:[ /][A-Z][A-Za-z.'’-]*){0,4})(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][a-z]{2,8}\.?))?\s*\((?<agency>Yonhap|Reuters|AP|AFP|Xinhua|Kyodo|KCNA|UPI|dpa|Bloomberg|Korea Herald|Korea Times|The Korea Herald|The Korea Times)\))\s*(?:--|—|–|-|:)?\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex WithAgency();

    [GeneratedRegex(@"^(?<dl>(?<place>[A-Z][A-Z.'’-]{2,}(?:[ /][A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?)\s*(?:--|—|–)\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CapitalsWithDash();
}
