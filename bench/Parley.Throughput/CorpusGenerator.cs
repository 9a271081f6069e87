using System.Globalization;
using System.Text;

namespace Parley.Throughput;

/// <summary>
/// Makes a corpus that looks like a stream of real news captures: every story is written anew
/// from sentence frames with people who held office on its day (from the project's people
/// dictionary), countries and capitals (from its country dictionary), varied topics, numbers
/// and places, dated over three years; it is laid out as one of several site layouts (wire,
/// agency, newspaper page with menus, plain dump; HTML too for <c>mixed</c>). About one capture
/// in five reprints a story from a few captures before, under another outlet and layout, with
/// a paragraph added or dropped, as wire copy is reprinted: story groups stay small, as on a
/// real day of news. The same seed gives the same corpus.
/// </summary>
public sealed class CorpusGenerator
{
    private static readonly DateOnly First = new(2021, 1, 1);
    private const int Days = 3 * 365;

    private readonly List<Person> _people;
    private readonly List<Country> _countries;
    private readonly bool _html;
    private readonly int _seed;

    /// <summary>Loads names from the dictionaries under <paramref name="dataDir"/>.</summary>
    /// <param name="dataDir">The pipeline's <c>Data</c> folder (people.tsv, countries.tsv).</param>
    /// <param name="html">One capture in four is an HTML page.</param>
    /// <param name="seed">Seed for every random choice.</param>
    public CorpusGenerator(string dataDir, bool html, int seed = 7)
    {
        _html = html;
        _seed = seed;
        _countries = Rows(Path.Combine(dataDir, "countries.tsv"))
            .Where(c => c.Length >= 5 && c[0].Length == 3 && c[4].Length > 0 && c[3].Length > 0)
            .Select(c => new Country(c[0], c[1], c[3].Split('|')[0], c[4].Split('|')[0]))
            .ToList();
        var byCode = _countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _people = Rows(Path.Combine(dataDir, "people.tsv"))
            .Where(p => p.Length >= 6 && p[2].Length == 6 && byCode.ContainsKey(p[2][..3]) && DateOnly.TryParse(p[3], CultureInfo.InvariantCulture, out _))
            .Select(p => new Person(p[0], p[5], byCode[p[2][..3]], DateOnly.Parse(p[3], CultureInfo.InvariantCulture),
                p[4].Length > 0 ? DateOnly.Parse(p[4], CultureInfo.InvariantCulture) : DateOnly.MaxValue))
            .Where(p => p.End > First && p.Start < First.AddDays(Days) && p.Name.Contains(' '))
            .ToList();
        if (_people.Count < 50 || _countries.Count < 50) throw new InvalidOperationException($"too few people or countries under {dataDir}");
    }

    /// <summary>Writes <paramref name="count"/> captures under <paramref name="dir"/>, 1,000 per folder.</summary>
    /// <returns>Total bytes written.</returns>
    public long Write(string dir, int count)
    {
        long bytes = 0;
        for (int i = 0; i < count; i++)
        {
            var (name, content) = Make(i);
            var folder = Path.Combine(dir, (i / 1000).ToString("D4", CultureInfo.InvariantCulture));
            if (i % 1000 == 0) Directory.CreateDirectory(folder);
            var data = Encoding.UTF8.GetBytes(content);
            File.WriteAllBytes(Path.Combine(folder, name), data);
            bytes += data.Length;
        }
        return bytes;
    }

    /// <summary>Capture number <paramref name="index"/>: its file name and content.</summary>
    public (string Name, string Content) Make(int index)
    {
        var rng = new Random(HashCode.Combine(_seed, index));
        // A reprint tells the story of an earlier capture (same story seed), laid out anew.
        int storyIndex = index > 8 && rng.Next(5) == 0 ? index - 1 - rng.Next(8) : index;
        var story = WriteStory(storyIndex);
        var paragraphs = new List<string>(story.Paragraphs);
        if (storyIndex != index)
        {
            if (rng.Next(2) == 0 && paragraphs.Count > 4) paragraphs.RemoveAt(paragraphs.Count - 1);
            else paragraphs.Add(Filler(rng, story));
        }
        var published = story.Day.AddDays(rng.Next(2));
        bool html = _html && index % 4 == 3;
        int layout = rng.Next(4);
        var content = html ? Html(rng, story, paragraphs, published, index) : layout switch
        {
            0 => Wire(rng, story, paragraphs, published, index),
            1 => Agency(rng, story, paragraphs, published, index),
            2 => Newspaper(rng, story, paragraphs, published, index),
            _ => Plain(rng, story, paragraphs, published, index),
        };
        var name = FormattableString.Invariant($"{(html ? "page" : Layouts[layout])}-{published:yyyyMMdd}-{index:D6}{(html ? ".html" : ".txt")}");
        return (name, content);
    }

    private static readonly string[] Layouts = ["wire", "agency", "paper", "dump"];

    private Story WriteStory(int storyIndex)
    {
        var rng = new Random(HashCode.Combine(_seed, storyIndex, 0x5107));
        var day = First.AddDays(rng.Next(Days));
        var a = PersonOn(rng, day, null);
        var b = PersonOn(rng, day, a.Country);
        var third = _countries[rng.Next(_countries.Count)];
        var s = new Story(day, a, b, third, Topics[rng.Next(Topics.Length)], _countries[rng.Next(_countries.Count)].Capital);
        string when = Weekday(day);
        var lead = Lead(rng, s, when);
        s.Headline = Headline(rng, s);
        s.Paragraphs.Add(lead);
        int n = 3 + rng.Next(5);
        for (int k = 0; k < n; k++)
            s.Paragraphs.Add(rng.Next(3) == 0 ? Filler(rng, s) : Follow(rng, s, when));
        return s;
    }

    private Person PersonOn(Random rng, DateOnly day, Country? not)
    {
        for (int tries = 0; ; tries++)
        {
            var p = _people[rng.Next(_people.Count)];
            if ((p.Start <= day && day < p.End && p.Country != not) || tries > 40) return p;
        }
    }

    private static string Weekday(DateOnly d) => d.DayOfWeek.ToString();

    private static string Who(Random rng, Person p) => rng.Next(3) switch
    {
        0 => $"{p.Country.Demonym} {p.Role} {p.Name}",
        1 => $"{p.Name}, the {p.Country.Demonym} {p.Role.ToLowerInvariant()},",
        _ => p.Name,
    };

    private static string Surname(Person p) => p.Name[(p.Name.LastIndexOf(' ') + 1)..];

    private static string Headline(Random rng, Story s) => rng.Next(4) switch
    {
        0 => $"{s.A.Country.Name}, {s.B.Country.Name} leaders meet in {s.Place} on {s.Topic}",
        1 => $"{Surname(s.A)} urges {s.B.Country.Name} to act on {s.Topic}",
        2 => $"{s.A.Country.Name} accuses {s.B.Country.Name} over {s.Topic}",
        _ => $"{Surname(s.A)} and {Surname(s.B)} discuss {s.Topic}",
    };

    private static string Lead(Random rng, Story s, string when) => rng.Next(8) switch
    {
        0 => $"{Who(rng, s.A)} met {Who(rng, s.B)} in {s.Place} on {when} to discuss {s.Topic}, officials said.",
        1 => $"{Who(rng, s.A)} held talks with {Who(rng, s.B)} on {when} and agreed to cooperate on {s.Topic}.",
        2 => $"{Who(rng, s.A)} spoke by phone with {Who(rng, s.B)} on {when} about {s.Topic}, according to a statement.",
        3 => $"{Who(rng, s.A)} on {when} urged {s.B.Country.Name} to {Demands[rng.Next(Demands.Length)]}.",
        4 => $"{Who(rng, s.A)} accused {s.B.Country.Name} on {when} of {Wrongs[rng.Next(Wrongs.Length)]}.",
        5 => $"{s.A.Country.Name} pledged {rng.Next(5, 900)} million dollars in aid to {s.B.Country.Name} on {when} to support {s.Topic}.",
        6 => $"{Who(rng, s.A)} condemned {s.B.Country.Name} on {when} for {Wrongs[rng.Next(Wrongs.Length)]}.",
        _ => $"{s.A.Country.Name} imposed sanctions on {s.B.Country.Name} on {when} over {Wrongs[rng.Next(Wrongs.Length)]}.",
    };

    private static string Follow(Random rng, Story s, string when) => rng.Next(9) switch
    {
        0 => $"{Surname(s.A)} also urged {s.Third.Name} to {Demands[rng.Next(Demands.Length)]}, the {Offices[rng.Next(Offices.Length)]} said.",
        1 => $"{Surname(s.B)} praised {s.A.Country.Name} for its role in {s.Topic} and said the two sides would meet again in {Months[rng.Next(12)]}.",
        2 => $"{s.Third.Name} criticised the {s.A.Country.Demonym} move, saying it would {Effects[rng.Next(Effects.Length)]} {s.Topic}.",
        3 => $"The {s.B.Country.Demonym} {Offices[rng.Next(Offices.Length)]} said {Surname(s.B)} had rejected the claims as {Adjectives[rng.Next(Adjectives.Length)]}.",
        4 => $"{Surname(s.A)} is due to visit {s.Third.Capital} later this month, where {Pronoun(rng)} will hold talks with {s.Third.Demonym} officials on {Topics[rng.Next(Topics.Length)]}.",
        5 => $"Trade between {s.A.Country.Name} and {s.B.Country.Name} reached {rng.Next(2, 400)} billion dollars last year, up {rng.Next(1, 30)} percent.",
        6 => $"{s.B.Country.Name} threatened to {Retaliations[rng.Next(Retaliations.Length)]} if {s.A.Country.Name} went ahead, a spokesperson told reporters in {s.B.Country.Capital}.",
        7 => $"The two {People[rng.Next(People.Length)]} last met in {s.Third.Capital} in {Months[rng.Next(12)]}, when they signed an agreement on {Topics[rng.Next(Topics.Length)]}.",
        _ => $"{s.A.Country.Name} and {s.B.Country.Name} agreed to set up a working group on {s.Topic} that will report within {rng.Next(2, 13)} months.",
    };

    private static string Filler(Random rng, Story s) => rng.Next(6) switch
    {
        0 => $"{Observers[rng.Next(Observers.Length)]} said the {Nouns[rng.Next(Nouns.Length)]} could {Effects[rng.Next(Effects.Length)]} {Topics[rng.Next(Topics.Length)]} in the coming {(rng.Next(2) == 0 ? "weeks" : "months")}.",
        1 => $"The {Offices[rng.Next(Offices.Length)]} in {s.Place} did not respond to a request for comment {(rng.Next(2) == 0 ? "on the report" : "by late evening")}.",
        2 => $"About {rng.Next(20, 5000)} people {Crowds[rng.Next(Crowds.Length)]} outside the {Buildings[rng.Next(Buildings.Length)]} in {s.Place}, local media reported.",
        3 => $"{Observers[rng.Next(Observers.Length)]} in {s.Third.Capital} noted that {s.Topic} has {Histories[rng.Next(Histories.Length)]} since {2005 + rng.Next(16)}.",
        4 => $"Shares of {Firms[rng.Next(Firms.Length)]} {(rng.Next(2) == 0 ? "rose" : "fell")} {rng.Next(1, 9)}.{rng.Next(10)} percent after the {Nouns[rng.Next(Nouns.Length)]} was announced.",
        _ => $"A {rng.Next(2, 12)}-page {Documents[rng.Next(Documents.Length)]} released after the {Nouns[rng.Next(Nouns.Length)]} listed {rng.Next(3, 30)} points on {Topics[rng.Next(Topics.Length)]}.",
    };

    private static string Pronoun(Random rng) => rng.Next(2) == 0 ? "he" : "she";

    // ---- Layouts: each writes the same parts (chrome, date line, headline, byline, dateline, body) its own way.

    private static string Wire(Random rng, Story s, List<string> ps, DateOnly published, int index)
    {
        var sb = new StringBuilder();
        foreach (var l in Pick(rng, ["Skip to main content", "World", "Business", "Markets", "Technology", "More"], 3)) sb.Append(l).Append('\n');
        sb.Append(Months[published.Month - 1].ToUpperInvariant()).Append(' ').Append(published.Day).Append(", ").Append(published.Year)
            .Append(" / ").Append(1 + rng.Next(12)).Append(':').Append(rng.Next(60).ToString("D2", CultureInfo.InvariantCulture)).Append(rng.Next(2) == 0 ? " AM" : " PM").Append('\n');
        sb.Append(s.Headline).Append('\n');
        sb.Append("By ").Append(Reporter(rng)).Append('\n');
        sb.Append(rng.Next(2, 6)).Append(" Min Read\n");
        sb.Append(s.Place.ToUpperInvariant()).Append(" (Wire) - ").Append(ps[0]).Append('\n');
        for (int i = 1; i < ps.Count; i++) sb.Append(ps[i]).Append('\n');
        sb.Append("Reporting by ").Append(Reporter(rng)).Append("; Editing by ").Append(Reporter(rng)).Append('\n');
        Tail(rng, sb, index, "\n");
        return sb.ToString();
    }

    private static string Agency(Random rng, Story s, List<string> ps, DateOnly published, int index)
    {
        var sb = new StringBuilder();
        sb.Append("Go to Contents Go to Navigation\n\n");
        sb.Append(rng.Next(3) == 0 ? "(LEAD) " : "").Append(s.Headline).Append("\n\n");
        sb.Append("All News ").Append(rng.Next(7, 23)).Append(':').Append(rng.Next(60).ToString("D2", CultureInfo.InvariantCulture)).Append(' ')
            .Append(Months[published.Month - 1]).Append(' ').Append(published.Day).Append(", ").Append(published.Year).Append("\n\n");
        sb.Append("By ").Append(Reporter(rng)).Append("\n\n");
        sb.Append(s.Place.ToUpperInvariant()).Append(", ").Append(ShortMonths[published.Month - 1]).Append(' ').Append(published.Day).Append(" (Agency) -- ").Append(ps[0]).Append("\n\n");
        for (int i = 1; i < ps.Count; i++) sb.Append(ps[i]).Append("\n\n");
        sb.Append("(END)\n\n");
        Tail(rng, sb, index, "\n");
        return sb.ToString();
    }

    private static string Newspaper(Random rng, Story s, List<string> ps, DateOnly published, int index)
    {
        var sb = new StringBuilder();
        string eol = rng.Next(5) == 0 ? "\r\n" : "\n";
        sb.Append("The Daily ").Append(s.A.Country.Capital).Append(" close").Append(eol);
        foreach (var section in Pick(rng, ["National", "World", "Opinion", "Business", "Sports", "Lifestyle"], 4))
        {
            sb.Append(section).Append(eol);
            foreach (var sub in Pick(rng, ["Politics", "Diplomacy", "Defense", "Economy", "Markets", "Asia Pacific", "Americas", "Europe & Africa"], 3))
                sb.Append("  \u2022 ").Append(sub).Append(eol);
        }
        sb.Append(eol).Append(s.Headline).Append(eol).Append(eol);
        sb.Append(Months[published.Month - 1]).Append(' ').Append(published.Day).Append(", ").Append(published.Year).Append(" - ")
            .Append(rng.Next(24).ToString("D2", CultureInfo.InvariantCulture)).Append(':').Append(rng.Next(60).ToString("D2", CultureInfo.InvariantCulture))
            .Append(" By ").Append(Reporter(rng)).Append(eol).Append(eol);
        foreach (var p in ps) sb.Append(p).Append(eol).Append(eol);
        Tail(rng, sb, index, eol);
        return sb.ToString();
    }

    private static string Plain(Random rng, Story s, List<string> ps, DateOnly published, int index)
    {
        var sb = new StringBuilder();
        sb.Append(s.Headline).Append("\n\n");
        sb.Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(s.Place).Append(" \u2014 ").Append(ps[0]).Append("\n\n");
        for (int i = 1; i < ps.Count; i++) sb.Append(ps[i]).Append("\n\n");
        Tail(rng, sb, index, "\n");
        return sb.ToString();
    }

    private static string Html(Random rng, Story s, List<string> ps, DateOnly published, int index)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(s.Headline).Append("</title>\n");
        sb.Append("<meta property=\"article:published_time\" content=\"").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append("T0").Append(rng.Next(10)).Append(":00:00Z\"></head>\n<body>\n");
        if (rng.Next(3) == 0) sb.Append("<div class=\"page-wrap\">\n");
        sb.Append("<nav><ul>");
        foreach (var l in Pick(rng, ["World", "Politics", "Business", "Opinion", "Sports", "Culture"], 4)) sb.Append("<li><a href=\"/").Append(l.ToLowerInvariant()).Append("\">").Append(l).Append("</a></li>");
        sb.Append("</ul></nav>\n<article>\n<h1>").Append(s.Headline).Append("</h1>\n");
        sb.Append("<p class=\"byline\">By ").Append(Reporter(rng)).Append("</p>\n");
        sb.Append("<time datetime=\"").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\">")
            .Append(Months[published.Month - 1]).Append(' ').Append(published.Day).Append(", ").Append(published.Year).Append("</time>\n");
        foreach (var p in ps) sb.Append("<p>").Append(p).Append("</p>\n");
        sb.Append("</article>\n<aside class=\"most-read\"><h3>Most Read</h3><ol>");
        foreach (var l in Pick(rng, MostRead, rng.Next(1, 6))) sb.Append("<li>").Append(l).Append("</li>");
        sb.Append("</ol></aside>\n");
        sb.Append(FormattableString.Invariant($"<p class=\"ref\">Ref. {index:D6}-{rng.Next(1_000_000):D6}</p>\n"));
        if (sb.ToString().Contains("page-wrap", StringComparison.Ordinal)) sb.Append("</div>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Tail(Random rng, StringBuilder sb, int index, string eol)
    {
        int extra = rng.Next(0, 6);
        if (extra > 0)
        {
            sb.Append(eol).Append(rng.Next(2) == 0 ? "Most Read" : "Most Viewed").Append(eol);
            foreach (var l in Pick(rng, MostRead, extra)) sb.Append("  \u2022 ").Append(l).Append(eol);
        }
        sb.Append(eol).Append(FormattableString.Invariant($"Ref. {index:D6}-{rng.Next(1_000_000):D6}")).Append(eol);
    }

    private static IEnumerable<string> Pick(Random rng, string[] items, int n) => items.OrderBy(_ => rng.Next()).Take(n);

    private static string Reporter(Random rng) => $"{Given[rng.Next(Given.Length)]} {Family[rng.Next(Family.Length)]}";

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Skip(1).Select(l => l.Split('\t'));

    // Word lists for the frames: our own, varied enough that unrelated stories share few 4-word shingles.
    private static readonly string[] Topics =
    [
        "trade", "climate finance", "nuclear talks", "border security", "energy supplies", "refugee flows", "fishing rights",
        "chip exports", "grain shipments", "debt relief", "water sharing", "arms control", "cyber attacks", "vaccine supplies",
        "a free trade deal", "rail links", "the maritime dispute", "port access", "visa rules", "student exchanges",
        "oil prices", "a ceasefire", "prisoner swaps", "election monitoring", "drug trafficking", "satellite launches",
        "rare earth exports", "pipeline security", "tariffs on steel", "peacekeeping troops",
    ];
    private static readonly string[] Demands =
    [
        "release detained journalists", "return to the negotiating table", "halt missile tests", "withdraw its troops",
        "respect the ceasefire", "lift its export curbs", "open the border crossing", "hold free elections",
        "stop arms shipments", "share flood data", "protect minority rights", "pay its arrears",
    ];
    private static readonly string[] Wrongs =
    [
        "spying on its embassy", "violating the ceasefire", "dumping cheap steel", "interfering in its elections",
        "detaining its citizens", "arming rebel groups", "illegal fishing", "a cyber attack on its banks",
        "blocking aid convoys", "breaking the sanctions", "harassing its ships", "spreading false reports",
    ];
    private static readonly string[] Retaliations =
    [
        "expel its diplomats", "cut gas supplies", "suspend the trade talks", "recall its ambassador", "raise tariffs", "close its airspace",
    ];
    private static readonly string[] Effects = ["delay", "complicate", "speed up", "reshape", "undermine", "revive", "stall", "ease"];
    private static readonly string[] Adjectives = ["baseless", "unfounded", "politically motivated", "absurd", "premature", "misleading"];
    private static readonly string[] Offices = ["foreign ministry", "presidential office", "embassy", "defence ministry", "prime minister's office", "trade ministry"];
    private static readonly string[] People = ["leaders", "ministers", "delegations", "envoys", "negotiators"];
    private static readonly string[] Observers = ["Analysts", "Diplomats", "Economists", "Opposition lawmakers", "Business groups", "Former officials"];
    private static readonly string[] Nouns = ["talks", "dispute", "deal", "decision", "visit", "agreement", "proposal", "summit"];
    private static readonly string[] Crowds = ["gathered", "protested", "rallied", "marched", "waited"];
    private static readonly string[] Buildings = ["parliament", "embassy", "city hall", "central station", "main square", "courthouse"];
    private static readonly string[] Histories = ["divided the region", "been on the agenda", "strained relations", "drawn protests", "stalled repeatedly"];
    private static readonly string[] Firms = ["shipbuilders", "steelmakers", "airlines", "chipmakers", "banks", "carmakers", "energy firms"];
    private static readonly string[] Documents = ["statement", "joint communique", "fact sheet", "action plan", "memorandum"];
    private static readonly string[] Given = ["Mina", "David", "Laura", "Sung-min", "Omar", "Ines", "Tomas", "Aiko", "Ravi", "Grace", "Pavel", "Nadia", "Chen", "Lucas"];
    private static readonly string[] Family = ["Kwon", "Hart", "Moreau", "Okafor", "Silva", "Tanaka", "Novak", "Haddad", "Brennan", "Iyer", "Larsen", "Yilmaz"];
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] ShortMonths =
        ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
    private static readonly string[] MostRead =
    [
        "Port city opens new ferry terminal", "Rail workers vote on wage offer", "Rainy season arrives a week early",
        "Chip exports rebound for second month", "Museum returns ancient bell to temple", "Baseball club names new manager",
        "City to add night buses on weekends", "Budget airline adds routes to islands", "Exam season brings traffic curbs",
        "Bank holds rate steady as prices cool", "Film festival announces jury members", "Farmers expect record rice harvest",
    ];

    private sealed record Country(string Code, string Name, string Demonym, string Capital);

    private sealed record Person(string Name, string Role, Country Country, DateOnly Start, DateOnly End);

    private sealed class Story(DateOnly day, Person a, Person b, Country third, string topic, string place)
    {
        public DateOnly Day { get; } = day;
        public Person A { get; } = a;
        public Person B { get; } = b;
        public Country Third { get; } = third;
        public string Topic { get; } = topic;
        public string Place { get; } = place;
        public string Headline { get; set; } = "";
        public List<string> Paragraphs { get; } = [];
    }
}
