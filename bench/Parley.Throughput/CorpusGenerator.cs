using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Throughput;

/// <summary>
/// Makes a corpus of distinct captures from the project's sample captures: each one is a
/// sample with people and third countries swapped for others of the same kind, every date moved
/// by a whole number of weeks (so weekdays in the text stay true), and its page chrome varied
/// (menu lines dropped, "most read" lines added, blank lines and line endings changed, a
/// reference line that makes its bytes unique). The same seed gives the same corpus.
/// </summary>
public sealed partial class CorpusGenerator
{
    // Interchangeable people (full name, then the surname the stories use on second mention).
    private static readonly string[][][] PeopleGroups =
    [
        [["Yoon Suk Yeol", "Yoon"], ["Moon Jae-in", "Moon"], ["Lee Jae-myung", "Lee"]],
        [["Joe Biden", "Biden"], ["Donald Trump", "Trump"], ["Barack Obama", "Obama"]],
        [["Fumio Kishida", "Kishida"], ["Shinzo Abe", "Abe"], ["Yoshihide Suga", "Suga"]],
        [["Antony Blinken", "Blinken"], ["Mike Pompeo", "Pompeo"], ["Rex Tillerson", "Tillerson"]],
        [["Park Jin", "Park"], ["Kang Kyung-wha", "Kang"], ["Chung Eui-yong", "Chung"]],
        [["Wang Yi", "Wang"], ["Qin Gang", "Qin"], ["Yang Jiechi", "Yang"]],
    ];

    // Third countries: name, capital, demonym.
    private static readonly string[][] Countries =
    [
        ["China", "Beijing", "Chinese"],
        ["Russia", "Moscow", "Russian"],
        ["India", "New Delhi", "Indian"],
        ["Germany", "Berlin", "German"],
        ["France", "Paris", "French"],
    ];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // News-agency style: the short months keep their period, the short names are written out.
    private static readonly string[] ShortMonths =
        ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    private static readonly string[] MostRead =
    [
        "Port city opens new ferry terminal", "Rail workers vote on wage offer", "Rainy season arrives a week early",
        "Chip exports rebound for second month", "Museum returns ancient bell to temple", "Baseball club names new manager",
        "City to add night buses on weekends", "Budget airline adds routes to islands", "Exam season brings traffic curbs",
        "Bank holds rate steady as prices cool", "Film festival announces jury members", "Farmers expect record rice harvest",
    ];

    private static readonly string[] Headers =
    [
        "Skip to main content", "Menu", "Subscribe | Sign in", "Edition: International", "Go to Contents Go to Navigation",
    ];

    private readonly List<Template> _templates;
    private readonly int _seed;

    /// <summary>Loads the templates from <paramref name="samplesDir"/>.</summary>
    /// <param name="samplesDir">The project's <c>samples/</c> folder.</param>
    /// <param name="html">Also use the HTML samples (one capture in four is then HTML).</param>
    /// <param name="seed">Seed for every random choice.</param>
    public CorpusGenerator(string samplesDir, bool html, int seed = 7)
    {
        _seed = seed;
        _templates = Directory.EnumerateFiles(samplesDir, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new Template(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f), false)).ToList();
        if (html)
            _templates.AddRange(Directory.EnumerateFiles(samplesDir, "*.html").Order(StringComparer.Ordinal)
                .Select(f => new Template(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f), true)));
        if (_templates.Count == 0) throw new InvalidOperationException($"no sample captures in {samplesDir}");
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
        var t = PickTemplate(index, rng);
        int weeks = rng.Next(-150, 60);
        var text = SwapNames(t.Text, rng);
        text = ShiftDates(text, weeks, t.BaseYear);
        text = t.Html ? VaryHtml(text, rng, index) : VaryText(text, rng, index);
        var day = new DateOnly(t.BaseYear, 6, 1).AddDays(7 * weeks);
        var name = FormattableString.Invariant($"{t.Name}-{day:yyyyMMdd}-{index:D6}{(t.Html ? ".html" : ".txt")}");
        return (name, text);
    }

    private Template PickTemplate(int index, Random rng)
    {
        var text = _templates.Where(t => !t.Html).ToList();
        var html = _templates.Where(t => t.Html).ToList();
        if (html.Count > 0 && index % 4 == 3) return html[rng.Next(html.Count)];
        return text[rng.Next(text.Count)];
    }

    private static string SwapNames(string text, Random rng)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in PeopleGroups)
        {
            var perm = Permutation(group.Length, rng);
            for (int k = 0; k < group.Length; k++)
                for (int part = 0; part < 2; part++)
                    map[group[k][part]] = group[perm[k]][part];
        }
        var cp = Permutation(Countries.Length, rng);
        for (int k = 0; k < Countries.Length; k++)
            for (int part = 0; part < 3; part++)
                map[Countries[k][part]] = Countries[cp[k]][part];
        // One pass over the text, longest key first, so "Yoon Suk Yeol" never becomes "Moon Suk Yeol".
        var pattern = @"\b(?:" + string.Join('|', map.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")\b";
        return Regex.Replace(text, pattern, m => map[m.Value]);
    }

    private static int[] Permutation(int n, Random rng)
    {
        var p = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(p);
        return p;
    }

    private static string ShiftDates(string text, int weeks, int baseYear)
    {
        text = IsoDate().Replace(text, m =>
        {
            var d = new DateOnly(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value)).AddDays(7 * weeks);
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        });
        return MonthDay().Replace(text, m =>
        {
            int month = MonthIndex(m.Groups["m"].Value);
            if (month < 0 || !char.IsUpper(m.Groups["m"].Value[0])) return m.Value;
            bool hasYear = m.Groups["y"].Success;
            int year = hasYear ? int.Parse(m.Groups["y"].Value) : baseYear;
            int day = int.Parse(m.Groups["d"].Value);
            if (day > DateTime.DaysInMonth(year, month + 1)) return m.Value;
            var d = new DateOnly(year, month + 1, day).AddDays(7 * weeks);
            string word = m.Groups["m"].Value;
            bool full = Months[month].Equals(word, StringComparison.OrdinalIgnoreCase);
            string name = full ? Months[d.Month - 1] : ShortMonths[d.Month - 1];
            if (m.Groups["dot"].Value.Length == 0) name = name.TrimEnd('.');
            if (word.All(char.IsUpper)) name = name.ToUpperInvariant();
            return FormattableString.Invariant($"{name} {d.Day}") + (hasYear ? FormattableString.Invariant($", {d.Year}") : "");
        });
    }

    private static int MonthIndex(string word)
    {
        for (int i = 0; i < Months.Length; i++)
            if (Months[i].StartsWith(word.Length >= 3 ? word[..3] : word, StringComparison.OrdinalIgnoreCase)
                && (word.Length <= 4 || Months[i].Equals(word, StringComparison.OrdinalIgnoreCase)))
                return i;
        return -1;
    }

    private static string VaryText(string text, Random rng, int index)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        // Page chrome: drop some menu bullets, add a site header and "most read" lines.
        lines.RemoveAll(l => l.StartsWith("  \u2022 ", StringComparison.Ordinal) && rng.Next(4) == 0);
        if (rng.Next(2) == 0) lines.Insert(0, Headers[rng.Next(Headers.Length)]);
        int extra = rng.Next(0, 8);
        if (extra > 0)
        {
            lines.Add("");
            lines.Add(rng.Next(2) == 0 ? "Most Read" : "Most Viewed");
            for (int k = 0; k < extra; k++) lines.Add("  \u2022 " + MostRead[rng.Next(MostRead.Length)]);
        }
        lines.Add("");
        lines.Add(FormattableString.Invariant($"Ref. {index:D6}-{rng.Next(1_000_000):D6}"));
        var sb = new StringBuilder(text.Length + 512);
        bool wideGaps = rng.Next(3) == 0;
        string eol = rng.Next(5) == 0 ? "\r\n" : "\n";
        foreach (var l in lines)
        {
            sb.Append(l).Append(eol);
            if (wideGaps && l.Length == 0) sb.Append(eol);
        }
        return sb.ToString();
    }

    private static string VaryHtml(string html, Random rng, int index)
    {
        var extra = new StringBuilder();
        int n = rng.Next(0, 8);
        if (n > 0)
        {
            extra.Append("<aside class=\"most-read\"><h3>Most Read</h3><ol>");
            for (int k = 0; k < n; k++) extra.Append("<li><a href=\"/r/").Append(k).Append("\">").Append(MostRead[rng.Next(MostRead.Length)]).Append("</a></li>");
            extra.Append("</ol></aside>\n");
        }
        extra.Append(FormattableString.Invariant($"<p class=\"ref\">Ref. {index:D6}-{rng.Next(1_000_000):D6}</p>\n"));
        int at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        html = at < 0 ? html + extra : html.Insert(at, extra.ToString());
        if (rng.Next(3) == 0) html = html.Replace("<body>", "<body>\n<div class=\"page-wrap\">").Replace("</body>", "</div>\n</body>");
        return html;
    }

    [GeneratedRegex(@"\b(\d{4})-(\d{2})-(\d{2})")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?<dot>\.?) (?<d>\d{1,2})\b(?:, (?<y>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDay();

    private sealed class Template(string name, string text, bool html)
    {
        public string Name { get; } = name;
        public string Text { get; } = text;
        public bool Html { get; } = html;
        public int BaseYear { get; } = FirstYear(text);

        private static int FirstYear(string text)
        {
            var m = Regex.Match(text, @"\b(20\d{2})\b");
            return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 2023;
        }
    }
}
