using System.Globalization;

namespace Parley.Pipeline.Dictionaries;

/// <summary>
/// Reads PETRARCH/TABARI actor and agent dictionaries into a <see cref="DictionarySet"/>, so an
/// existing dictionary carries over. Actor files: a line per actor name ("KAN_NAOTO_"), optional
/// synonyms on "+" lines, and dated codes "[JPNGOV 100608-110902]". Agent files:
/// "PHRASE_ [~GOV]". Comments start with '#'.
/// </summary>
public static class PetrarchImporter
{
    /// <summary>Imports one file; <paramref name="agents"/> selects the agents format.</summary>
    public static void Import(DictionarySet set, TextReader reader, bool agents)
    {
        string? current = null;
        var names = new List<string>();
        while (reader.ReadLine() is { } raw)
        {
            var line = StripComment(raw);
            if (line.Length == 0) continue;
            if (agents)
            {
                ImportAgent(set, line);
                continue;
            }
            if (line[0] == '+')
            {
                if (current is not null) names.Add(Phrase(line[1..]));
                continue;
            }
            if (line[0] == '[')
            {
                if (current is not null) AddCode(set, current, names, line);
                continue;
            }
            // A new actor line; it may carry its code on the same line.
            int bracket = line.IndexOf('[');
            var namePart = bracket >= 0 ? line[..bracket] : line;
            current = Phrase(namePart);
            names.Clear();
            if (bracket >= 0) AddCode(set, current, names, line[bracket..]);
        }
    }

    private static void ImportAgent(DictionarySet set, string line)
    {
        int b = line.IndexOf('[');
        if (b < 0) return;
        var phrase = Phrase(line[..b]);
        var code = line[(b + 1)..].TrimEnd(']', ' ').Trim('~');
        if (phrase.Length > 0 && code.Length > 0) set.AddAgent(phrase, code);
    }

    private static void AddCode(DictionarySet set, string name, List<string> synonyms, string codePart)
    {
        var inner = codePart.Trim().TrimStart('[').TrimEnd(']').Trim();
        var parts = inner.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return;
        var code = parts[0];
        if (parts.Length > 1)
        {
            var (start, end) = ParseRange(parts[1]);
            var display = ToDisplayName(name);
            set.AddPersonRole(display, synonyms.Prepend(name).Distinct(), new Role(code, start, end, "imported"));
        }
        else if (!set.People.ContainsKey(ToDisplayName(name)) && !set.HasPersonRoles(ToDisplayName(name)))
        {
            // An undated code after dated roles ("[CHNELI]") is the person's code outside those
            // roles, which Person.CodeOn already derives; alone it is a fixed code.
            foreach (var n in synonyms.Prepend(name)) set.AddNamedActor(n, code, ToDisplayName(name));
        }
    }

    // "100608-110902" from 2010-06-08 to 2011-09-02; "<100608" until; ">100608" from.
    private static (DateOnly?, DateOnly?) ParseRange(string s)
    {
        if (s.StartsWith('<')) return (null, Yymmdd(s[1..]));
        if (s.StartsWith('>')) return (Yymmdd(s[1..]), null);
        var dash = s.IndexOf('-');
        return dash < 0 ? (Yymmdd(s), null) : (Yymmdd(s[..dash]), Yymmdd(s[(dash + 1)..]));
    }

    // Six digits (YYMMDD, years before 50 are 20xx) or eight (YYYYMMDD), both found in Phoenix files.
    private static DateOnly? Yymmdd(string s)
    {
        if (s.Length is not (6 or 8) || !int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return null;
        int yy = v / 10000, mm = v / 100 % 100, dd = v % 100;
        int year = s.Length == 8 ? yy : yy < 50 ? 2000 + yy : 1900 + yy;
        if (year < 1 || mm == 0) return null;
        try { return new DateOnly(year, Math.Clamp(mm, 1, 12), Math.Clamp(dd, 1, DateTime.DaysInMonth(year, Math.Clamp(mm, 1, 12)))); }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    private static string Phrase(string s) => s.Trim().TrimEnd('_').Replace('_', ' ').Trim();

    private static string ToDisplayName(string phrase) =>
        string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length <= 1 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}
