using System.Collections.Frozen;
using System.Globalization;

namespace Parley.Pipeline.Dictionaries;

/// <summary>The CAMEO event codes with Goldstein values, quad classes and PLOVER types.</summary>
public sealed class CameoTable
{
    private readonly FrozenDictionary<string, CameoCode> _codes;

    /// <summary>Builds the table from the rows of a cameo.tsv file.</summary>
    public CameoTable(IEnumerable<TsvFile.Row> rows)
    {
        var d = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var code = r["code"];
            if (code.Length == 0) continue;
            d[code] = new CameoCode(
                code,
                r["description"],
                double.TryParse(r["goldstein"], NumberStyles.Float, CultureInfo.InvariantCulture, out var g) ? g : 0,
                (QuadClass)(int.TryParse(r["quad"], out var q) ? q : QuadOf(code)),
                r["plover"],
                r["plover_mode"]);
        }
        _codes = d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Number of codes.</summary>
    public int Count => _codes.Count;

    /// <summary>All codes.</summary>
    public IEnumerable<CameoCode> All => _codes.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>
    /// The entry for <paramref name="code"/>; an unknown code falls back to its parent
    /// ("0412" → "041" → "04") so that user patterns with finer codes still get values.
    /// </summary>
    public CameoCode Get(string code)
    {
        for (var c = code; c.Length >= 2; c = c[..^1])
            if (_codes.TryGetValue(c, out var hit))
                return c == code ? hit : hit with { Code = code };
        return new CameoCode(code, "", 0, (QuadClass)QuadOf(code), "", "");
    }

    /// <summary>True when the table knows <paramref name="code"/> exactly.</summary>
    public bool Contains(string code) => _codes.ContainsKey(code);

    // CAMEO's rule: roots 01–05 verbal cooperation, 06–09 material cooperation, 10–14 verbal conflict, 15–20 material conflict.
    private static int QuadOf(string code) =>
        int.TryParse(code.AsSpan(0, Math.Min(2, code.Length)), out var root)
            ? root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4
            : 1;
}
