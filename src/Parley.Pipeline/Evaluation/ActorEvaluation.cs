using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parley.Pipeline.Dictionaries;

namespace Parley.Pipeline.Evaluation;

/// <summary>One scored actor-resolution case.</summary>
/// <param name="Test">The test name in the gold file.</param>
/// <param name="Method"><c>search_nat</c> or <c>agent_to_code</c>.</param>
/// <param name="Input">The text resolved.</param>
/// <param name="Expected">The asserts that were scored, as written in the gold file.</param>
/// <param name="Got">What Parley resolved: "country=KOR code_1=GOV", or "none".</param>
/// <param name="Passed">True when every scored assert holds.</param>
public sealed record ActorCase(string Test, string Method, string Input, string Expected, string Got, bool Passed);

/// <summary>The result of <see cref="ActorEvaluation.Run"/>.</summary>
/// <param name="Cases">Every scored case.</param>
/// <param name="Unscorable">Calls left out: arguments not given in the file, or only Wikipedia asserts.</param>
public sealed record ActorReport(IReadOnlyList<ActorCase> Cases, int Unscorable)
{
    /// <summary>Share of passed cases of <paramref name="method"/>.</summary>
    public double Accuracy(string method)
    {
        var c = Cases.Where(x => x.Method == method).ToList();
        return c.Count == 0 ? 0 : c.Count(x => x.Passed) / (double)c.Count;
    }

    /// <summary>Number of scored cases of <paramref name="method"/>.</summary>
    public int Count(string method) => Cases.Count(x => x.Method == method);
}

/// <summary>
/// Scores actor resolution on NGEC-style test cases (one JSON object a line: <c>calls</c> with
/// <c>method</c> and <c>args</c>, and Python <c>asserts</c>). Two methods are scored:
/// <c>search_nat(text)</c>, the nationality in a phrase and the phrase without it, and
/// <c>agent_to_code(text, context, date)</c>, the country and sector codes of an actor phrase.
/// Asserts on <c>country</c>, <c>code_1</c>, <c>code_2</c>, <c>cc</c>, <c>text</c> and "no code"
/// are scored; asserts on Wikipedia titles and jobs are not (Parley does not look actors up
/// online). Two contradictory <c>code_1</c> asserts in one case are read as alternatives. A case
/// without a date is resolved on <see cref="UndatedDay"/>, when the test set was written. Keyword
/// arguments (<c>query_date</c>, <c>context</c>, <c>known_country</c>) count as the positional ones.
/// </summary>
public static partial class ActorEvaluation
{
    /// <summary>
    /// The day undated cases (and "today") are resolved on: autumn 2022, when the test set was
    /// written (it has Uhuru Kenyatta, out of office from 2022-09-13, as a former leader, and Jai
    /// Ram Thakur, chief minister until 2022-12-11, in office).
    /// </summary>
    public static readonly DateOnly UndatedDay = new(2022, 10, 1);

    /// <summary>Resolves and scores every case of <paramref name="path"/>.</summary>
    public static ActorReport Run(string path, DictionarySet dictionaries)
    {
        var resolver = new ActorResolver(dictionaries);
        var cases = new List<ActorCase>();
        int unscorable = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument json;
            try { json = JsonDocument.Parse(line); }
            catch (JsonException) { unscorable++; continue; }
            using (json)
            {
                var r = json.RootElement;
                string test = r.TryGetProperty("test", out var t) ? t.GetString() ?? "" : "";
                var asserts = r.TryGetProperty("asserts", out var a) ? a.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
                foreach (var call in r.GetProperty("calls").EnumerateArray())
                {
                    string method = call.GetProperty("method").GetString() ?? "";
                    if (method is not ("search_nat" or "agent_to_code")) continue;
                    var args = call.GetProperty("args").EnumerateArray().Select(x => x.GetString() ?? "").ToList();
                    // Keyword arguments stand for the positional ones: agent_to_code(text, context, query_date).
                    if (method == "agent_to_code" && args.Count > 0 && call.TryGetProperty("kwargs", out var kw) && kw.ValueKind == JsonValueKind.Object)
                    {
                        string Kw(string name) => kw.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
                        string ctx = Kw("context") is { Length: > 0 } c ? c : Kw("known_country") is { Length: > 0 } k ? k : Kw("country");
                        if (args.Count < 2) args.Add(ctx);
                        if (args.Count < 3 && Kw("query_date") is { Length: > 0 } qd) args.Add(qd);
                    }
                    if (args.Count == 0 || args.Any(x => x.StartsWith("d[", StringComparison.Ordinal))) { unscorable++; continue; }
                    var scored = asserts.Where(x => Scored(x, method)).ToList();
                    if (scored.Count == 0) { unscorable++; continue; }
                    cases.Add(method == "search_nat" ? Nat(resolver, test, args[0], scored) : Agent(resolver, test, args, scored));
                }
            }
        }
        return new ActorReport(cases, unscorable);
    }

    private static bool Scored(string assert, string method) => method == "search_nat"
        ? assert.StartsWith("cc ", StringComparison.Ordinal) || assert.StartsWith("text ", StringComparison.Ordinal)
        : assert.Contains("['country']", StringComparison.Ordinal) || assert.Contains("['code_1']", StringComparison.Ordinal)
          || assert.Contains("['code_2']", StringComparison.Ordinal) || assert is "code is None" or "not code" or "code == None";

    private static ActorCase Nat(ActorResolver resolver, string test, string input, List<string> asserts)
    {
        var (cc, rest) = resolver.Nationality(input);
        var values = new Dictionary<string, string> { ["cc"] = cc, ["text"] = rest };
        bool ok = asserts.All(x => Check(x, values, isNone: false));
        return new ActorCase(test, "search_nat", input, string.Join(" and ", asserts), $"cc={cc} text='{rest}'", ok);
    }

    private static ActorCase Agent(ActorResolver resolver, string test, List<string> args, List<string> asserts)
    {
        string text = args[0], context = args.Count > 1 ? args[1] : "";
        DateOnly day = args.Count > 2 && ParseDay(args[2]) is { } d ? d : UndatedDay;
        var code = resolver.Resolve(text, context, day);
        var values = new Dictionary<string, string>
        {
            ["country"] = code?.Country ?? "", ["code_1"] = code?.Code1 ?? "", ["code_2"] = code?.Code2 ?? "",
        };
        // Two code_1 asserts in one case contradict each other: either one holding is a pass.
        var code1 = asserts.Where(x => x.Contains("['code_1'] ==", StringComparison.Ordinal)).ToList();
        var rest = asserts.Except(code1).ToList();
        bool ok = rest.All(x => Check(x, values, code is null)) && (code1.Count == 0 || code1.Any(x => Check(x, values, code is null)));
        string got = code is null ? "none" : $"country={code.Country} code_1={code.Code1} code_2={code.Code2}";
        return new ActorCase(test, "agent_to_code", context.Length > 0 ? $"{text} | {context}" : text, string.Join(" and ", asserts), got, ok);
    }

    private static DateOnly? ParseDay(string s)
    {
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateOnly.TryParseExact(s, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return d;
        return null;
    }

    private static bool Check(string assert, Dictionary<string, string> values, bool isNone)
    {
        if (assert is "code is None" or "not code" or "code == None") return isNone;
        var m = AssertRegex().Match(assert);
        if (!m.Success) return false;
        string key = m.Groups["key"].Value, op = m.Groups["op"].Value, want = m.Groups["value"].Value;
        if (isNone) return false;
        string got = values.GetValueOrDefault(key, "");
        return op == "==" ? got == want : got != want;
    }

    [GeneratedRegex(@"^(?:code\['(?<key>\w+)'\]|(?<key>cc|text))\s*(?<op>==|!=)\s*'(?<value>[^']*)'$")]
    private static partial Regex AssertRegex();
}
