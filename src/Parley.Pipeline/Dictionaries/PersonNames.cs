namespace Parley.Pipeline.Dictionaries;

/// <summary>Rules for the parts of personal names as English news writes them.</summary>
public static class PersonNames
{
    /// <summary>
    /// The name news uses alone after the first mention: the family name. Korean, Chinese and
    /// North Korean names are written family-name first with a hyphenated or two-syllable given
    /// name ("Kang Kyung-wha" → "Kang", "Xi Jinping" → "Xi"); others family-name last
    /// ("Mike Pompeo" → "Pompeo").
    /// </summary>
    public static string ShortName(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1) return parts[0];
        if (parts.Length == 2 && parts[1].Contains('-') && !parts[0].Contains('-')) return parts[0];
        if (parts.Length is 2 or 3 && FamilyFirst.Contains(parts[0])) return parts[0];
        return parts[^1];
    }

    // East Asian family names that stand first; a given name without a hyphen ("Xi Jinping") is
    // recognised by its family name.
    private static readonly HashSet<string> FamilyFirst = new(StringComparer.Ordinal)
    {
        "Xi", "Hu", "Wen", "Li", "Wang", "Qin", "Zhao", "Zhang", "Yang", "Liu", "Chen", "Jiang", "Zhu", "Wu", "Han",
        "Kim", "Lee", "Park", "Moon", "Yoon", "Choi", "Chung", "Kang", "Ban", "Roh", "Ri", "Choe", "Pak",
        "Suh", "Cho", "Goh", "Shin", "Cui", "Dai", "Tang", "Zeng", "Kong", "Zhou", "Xie", "Song", "Ma", "Hong", "Hua", "Lu",
        "Geng", "Mao", "Lin", "Guo", "Chi", "Cao", "Liang", "Chang", "Wei", "Dong", "Noh", "Yang", "Jeong", "Jung", "Lim",
        "Han", "Oh", "Ahn", "Hwang", "Yoo", "Nam", "Ko", "Ryu", "Baek", "Heo", "Jang", "Kwon", "Son", "Bae", "Chun",
    };
}
