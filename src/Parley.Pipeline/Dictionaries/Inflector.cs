using System.Collections.Frozen;

namespace Parley.Pipeline.Dictionaries;

/// <summary>English verb and noun inflection for dictionary lemmas: "meet" → meets, met, meeting.</summary>
public static class Inflector
{
    private static readonly FrozenDictionary<string, string[]> Irregular = new Dictionary<string, string[]>
    {
        ["meet"] = ["met"], ["speak"] = ["spoke", "spoken"], ["hold"] = ["held"], ["take"] = ["took", "taken"],
        ["make"] = ["made"], ["say"] = ["said"], ["tell"] = ["told"], ["give"] = ["gave", "given"],
        ["seek"] = ["sought"], ["fight"] = ["fought"], ["send"] = ["sent"], ["lead"] = ["led"],
        ["sell"] = ["sold"], ["begin"] = ["began", "begun"], ["break"] = ["broke", "broken"],
        ["bring"] = ["brought"], ["buy"] = ["bought"], ["come"] = ["came"], ["get"] = ["got", "gotten"],
        ["go"] = ["went", "gone"], ["keep"] = ["kept"], ["leave"] = ["left"], ["put"] = ["put"],
        ["run"] = ["ran"], ["see"] = ["saw", "seen"], ["set"] = ["set"], ["shoot"] = ["shot"],
        ["stand"] = ["stood"], ["strike"] = ["struck", "stricken"], ["swear"] = ["swore", "sworn"],
        ["throw"] = ["threw", "thrown"], ["win"] = ["won"], ["withdraw"] = ["withdrew", "withdrawn"],
        ["forgive"] = ["forgave", "forgiven"], ["hit"] = ["hit"], ["cut"] = ["cut"], ["quit"] = ["quit"],
        ["shut"] = ["shut"], ["bear"] = ["bore", "borne"], ["hang"] = ["hung", "hanged"], ["seize"] = ["seized"],
        ["rebuild"] = ["rebuilt"], ["build"] = ["built"], ["lay"] = ["laid"], ["pay"] = ["paid"],
        ["fly"] = ["flew", "flown"], ["blow"] = ["blew", "blown"], ["draw"] = ["drew", "drawn"],
        ["undertake"] = ["undertook", "undertaken"], ["overthrow"] = ["overthrew", "overthrown"],
        ["be"] = ["is", "are", "was", "were", "been", "being", "am"], ["have"] = ["has", "had", "having"],
        ["do"] = ["does", "did", "done", "doing"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Short verbs whose final consonant doubles ("plan" → planned); longer stressed-final ones listed.
    private static readonly FrozenSet<string> Doubling = new[]
    {
        "commit", "admit", "regret", "submit", "permit", "rebut", "abet", "compel", "expel", "propel", "control",
        "patrol", "occur", "refer", "prefer", "confer", "defer", "deter", "transfer", "equip", "acquit", "embed",
        "kidnap", "airdrop", "outstrip",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>All forms of verb <paramref name="lemma"/>: base, third person, past, participles.</summary>
    public static IEnumerable<string> VerbForms(string lemma)
    {
        yield return lemma;
        yield return ThirdPerson(lemma);
        if (Irregular.TryGetValue(lemma, out var irr))
        {
            foreach (var f in irr) yield return f;
            if (lemma is "be" or "have" or "do") yield break;
        }
        else yield return Past(lemma);
        yield return Gerund(lemma);
    }

    /// <summary>Singular and plural of noun <paramref name="noun"/>.</summary>
    public static IEnumerable<string> NounForms(string noun)
    {
        yield return noun;
        yield return ThirdPerson(noun);
    }

    private static string ThirdPerson(string w)
    {
        if (w.EndsWith("s", StringComparison.Ordinal) || w.EndsWith("x", StringComparison.Ordinal) ||
            w.EndsWith("z", StringComparison.Ordinal) || w.EndsWith("ch", StringComparison.Ordinal) ||
            w.EndsWith("sh", StringComparison.Ordinal) || (w.EndsWith("o", StringComparison.Ordinal) && w.Length > 2))
            return w + "es";
        if (w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2])) return w[..^1] + "ies";
        return w + "s";
    }

    private static string Past(string w)
    {
        if (w.EndsWith('e')) return w + "d";
        if (w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2])) return w[..^1] + "ied";
        if (ShouldDouble(w)) return w + w[^1] + "ed";
        return w + "ed";
    }

    private static string Gerund(string w)
    {
        if (w.EndsWith("ie", StringComparison.Ordinal)) return w[..^2] + "ying";
        if (w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) && w.Length > 2) return w[..^1] + "ing";
        if (ShouldDouble(w)) return w + w[^1] + "ing";
        return w + "ing";
    }

    private static bool ShouldDouble(string w)
    {
        if (Doubling.Contains(w)) return true;
        if (w.Length < 3 || w.Length > 4) return false;
        char a = w[^3], b = w[^2], c = w[^1];
        return !IsVowel(a) && IsVowel(b) && !IsVowel(c) && c is not ('w' or 'x' or 'y');
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
