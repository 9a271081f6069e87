using System.Collections.Frozen;

namespace Parley.Pipeline.Extraction;

/// <summary>
/// Guesses the time zone a page's readers live in, from its locale ("de-DE", "fr_CA") or, failing
/// that, its host's country domain and then its language. Used only to restate UTC time stamps as
/// the local day; a wrong guess moves a day only for stamps near midnight.
/// </summary>
internal static class PageZones
{
    /// <summary>IANA zone by ISO 3166 country code (also the country domains, with "uk" for "gb").</summary>
    private static readonly FrozenDictionary<string, string> ByCountry = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "Europe/Berlin", ["at"] = "Europe/Vienna", ["ch"] = "Europe/Zurich", ["it"] = "Europe/Rome", ["fr"] = "Europe/Paris",
        ["es"] = "Europe/Madrid", ["nl"] = "Europe/Amsterdam", ["be"] = "Europe/Brussels", ["lu"] = "Europe/Luxembourg",
        ["pl"] = "Europe/Warsaw", ["cz"] = "Europe/Prague", ["sk"] = "Europe/Bratislava", ["hu"] = "Europe/Budapest",
        ["dk"] = "Europe/Copenhagen", ["se"] = "Europe/Stockholm", ["no"] = "Europe/Oslo", ["fi"] = "Europe/Helsinki",
        ["ba"] = "Europe/Sarajevo", ["hr"] = "Europe/Zagreb", ["si"] = "Europe/Ljubljana", ["rs"] = "Europe/Belgrade",
        ["gr"] = "Europe/Athens", ["ro"] = "Europe/Bucharest", ["bg"] = "Europe/Sofia", ["ua"] = "Europe/Kyiv", ["ru"] = "Europe/Moscow",
        ["tr"] = "Europe/Istanbul", ["gb"] = "Europe/London", ["uk"] = "Europe/London", ["ie"] = "Europe/Dublin", ["pt"] = "Europe/Lisbon",
        ["us"] = "America/New_York", ["ca"] = "America/Toronto", ["mx"] = "America/Mexico_City", ["br"] = "America/Sao_Paulo",
        ["ar"] = "America/Argentina/Buenos_Aires", ["cl"] = "America/Santiago", ["co"] = "America/Bogota",
        ["jp"] = "Asia/Tokyo", ["kr"] = "Asia/Seoul", ["cn"] = "Asia/Shanghai", ["tw"] = "Asia/Taipei", ["hk"] = "Asia/Hong_Kong",
        ["in"] = "Asia/Kolkata", ["pk"] = "Asia/Karachi", ["ir"] = "Asia/Tehran", ["il"] = "Asia/Jerusalem", ["ae"] = "Asia/Dubai",
        ["sg"] = "Asia/Singapore", ["id"] = "Asia/Jakarta", ["ph"] = "Asia/Manila", ["au"] = "Australia/Sydney", ["nz"] = "Pacific/Auckland",
        ["za"] = "Africa/Johannesburg", ["ng"] = "Africa/Lagos", ["ke"] = "Africa/Nairobi", ["eg"] = "Africa/Cairo",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The country most pages in a language come from, when nothing else tells.</summary>
    private static readonly FrozenDictionary<string, string> ByLanguage = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["de"] = "de", ["fr"] = "fr", ["it"] = "it", ["es"] = "es", ["nl"] = "nl", ["pl"] = "pl", ["cs"] = "cz", ["da"] = "dk",
        ["sv"] = "se", ["nb"] = "no", ["fi"] = "fi", ["bs"] = "ba", ["hr"] = "hr", ["sr"] = "rs", ["el"] = "gr", ["ro"] = "ro",
        ["ru"] = "ru", ["uk"] = "ua", ["tr"] = "tr", ["pt"] = "br", ["ja"] = "jp", ["ko"] = "kr", ["zh"] = "cn", ["fa"] = "ir",
        ["he"] = "il", ["en"] = "us", ["hi"] = "in", ["id"] = "id",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The zone for a page, or null when neither its locale, its host nor its language points to one.</summary>
    /// <param name="lang">The html element's lang attribute ("de", "en-US").</param>
    /// <param name="locale">The og:locale ("fr_CA").</param>
    /// <param name="url">The page address.</param>
    public static TimeZoneInfo? Guess(string? lang, string? locale, string? url)
    {
        foreach (var tag in new[] { lang, locale })
        {
            var parts = (tag ?? "").Split('-', '_');
            if (parts.Length >= 2 && ByCountry.TryGetValue(parts[1], out var zone))
            {
                return Find(zone);
            }
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var tld = uri.Host[(uri.Host.LastIndexOf('.') + 1)..];
            if (tld is "scot" or "wales" or "london")
            {
                return Find("Europe/London");
            }

            if (tld.Length == 2 && ByCountry.TryGetValue(tld, out var zone))
            {
                return Find(zone);
            }
        }

        foreach (var tag in new[] { lang, locale })
        {
            var language = (tag ?? "").Split('-', '_')[0];
            if (ByLanguage.TryGetValue(language, out var country) && ByCountry.TryGetValue(country, out var zone))
            {
                return Find(zone);
            }
        }

        return null;
    }

    private static TimeZoneInfo? Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
