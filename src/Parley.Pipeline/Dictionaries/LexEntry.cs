namespace Parley.Pipeline.Dictionaries;

/// <summary>What a phrase in the actor lexicon stands for.</summary>
/// <param name="Kind">Country name, demonym, seat of government, organisation, person or agent word.</param>
/// <param name="Code">ISO3 country code, organisation code, or sector code for agents.</param>
/// <param name="Name">Canonical name ("South Korea", "Kang Kyung-wha", "foreign minister").</param>
/// <param name="Person">The person, for <see cref="ActorKind.Person"/> entries.</param>
public sealed record LexEntry(ActorKind Kind, string Code, string Name, Person? Person = null);

/// <summary>A role a person held, from <see cref="Start"/> up to but not including <see cref="End"/>.</summary>
/// <param name="Code">CAMEO actor code while in the role ("KORGOV").</param>
/// <param name="Start">First day, or null when unknown.</param>
/// <param name="End">Day the role ended, or null when ongoing.</param>
/// <param name="Title">Short description of the role.</param>
public sealed record Role(string Code, DateOnly? Start, DateOnly? End, string Title)
{
    /// <summary>True when the role was held on <paramref name="day"/>.</summary>
    public bool Covers(DateOnly day) => (Start is null || day >= Start) && (End is null || day < End);
}

/// <summary>A person with dated roles.</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Roles">Roles in start order.</param>
public sealed record Person(string Name, IReadOnlyList<Role> Roles)
{
    /// <summary>The family name as news uses it alone ("Kang" for "Kang Kyung-wha", "Trump" for "Donald Trump").</summary>
    public string ShortName => PersonNames.ShortName(Name);

    /// <summary>
    /// The actor code on <paramref name="day"/>: the role held then; out of office after a role
    /// ended (between terms, retired), the country's elite code; before any began, the first role's code.
    /// With no day, the latest role.
    /// </summary>
    public string CodeOn(DateOnly? day)
    {
        if (Roles.Count == 0) return "";
        // With no date, the most salient role: the latest government role, else the latest.
        if (day is not { } d) return (Roles.LastOrDefault(r => Rank(r.Code) == 0) ?? Roles[^1]).Code;
        Role? best = null;
        foreach (var r in Roles)
            if (r.Covers(d) && (best is null || Rank(r.Code) < Rank(best.Code))) best = r;
        if (best is not null) return best.Code;
        // Out of office after a role ended (between terms, or retired): a former official.
        Role? ended = null;
        foreach (var r in Roles)
            if (r.End is { } e && d >= e && (ended is null || e > ended.End)) ended = r;
        if (ended is not null) return Country(ended.Code) + "ELI";
        var next = Roles.Where(r => r.Start is { } s && s > d).OrderBy(r => r.Start).FirstOrDefault();
        return next?.Code ?? Roles[^1].Code;
    }

    // Government roles outrank elite/opposition roles when two overlap (a president-elect who is also a senator).
    private static int Rank(string code) => code.EndsWith("GOV", StringComparison.Ordinal) ? 0
        : code.EndsWith("MIL", StringComparison.Ordinal) ? 1 : code.StartsWith("IGO", StringComparison.Ordinal) ? 0 : 2;

    private static string Country(string code) => code.Length >= 3 ? code[..3] : code;

    /// <summary>
    /// How the person led on <paramref name="day"/>: 0 head of state or supreme leader (president,
    /// king, emir, chairman), 1 head of government (prime minister, premier, chancellor), -1 not a
    /// leader (deputies, former leaders, nominal heads of state included).
    /// </summary>
    public int LeaderRankOn(DateOnly? day)
    {
        int best = -1;
        foreach (var r in Roles)
        {
            if (day is { } d && !r.Covers(d)) continue;
            if (day is null && r.End is not null) continue;
            var t = r.Title;
            if (t.Contains("Vice", StringComparison.OrdinalIgnoreCase) || t.Contains("Deputy", StringComparison.OrdinalIgnoreCase)
                || t.Contains("Former", StringComparison.OrdinalIgnoreCase) || t.Contains("candidate", StringComparison.OrdinalIgnoreCase)
                || t.Contains("nominal", StringComparison.OrdinalIgnoreCase) || t.Contains("Presidium", StringComparison.Ordinal)
                || t.Contains("Chief of Staff", StringComparison.OrdinalIgnoreCase)) continue;
            int rank = t.StartsWith("President", StringComparison.Ordinal) || t.StartsWith("Supreme Leader", StringComparison.Ordinal)
                       || t.StartsWith("King", StringComparison.Ordinal) || t.StartsWith("Emir", StringComparison.Ordinal) ? 0
                : t.StartsWith("Prime Minister", StringComparison.Ordinal) || t.StartsWith("Premier", StringComparison.Ordinal)
                  || t.StartsWith("Chancellor", StringComparison.Ordinal) ? 1 : -1;
            if (rank >= 0 && (best < 0 || rank < best)) best = rank;
        }
        return best;
    }

    /// <summary>True when the person led a state or government on <paramref name="day"/> (see <see cref="LeaderRankOn"/>).</summary>
    public bool IsLeaderOn(DateOnly? day) => LeaderRankOn(day) >= 0;
}
