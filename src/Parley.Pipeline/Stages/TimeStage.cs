using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Parley.Pipeline.Stages;

/// <summary>
/// Finds temporal expressions and resolves them against the article's date: weekdays
/// ("Friday", "on Wednesday (local time)") to the latest such day on or before it, month-day
/// dates ("Aug. 21", "April 27, 2018"), ISO dates, and relative words ("yesterday",
/// "earlier in the day", "last month").
/// </summary>
public sealed class TimeStage : IStage
{
    internal static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Month names and abbreviations (with and without the period) to month numbers.</summary>
    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["jan."] = 1, ["jan"] = 1, ["february"] = 2, ["feb."] = 2, ["feb"] = 2,
        ["march"] = 3, ["mar."] = 3, ["april"] = 4, ["apr."] = 4, ["may"] = 5, ["june"] = 6, ["jun."] = 6,
        ["july"] = 7, ["jul."] = 7, ["august"] = 8, ["aug."] = 8, ["aug"] = 8, ["september"] = 9, ["sept."] = 9,
        ["sep."] = 9, ["sept"] = 9, ["october"] = 10, ["oct."] = 10, ["oct"] = 10, ["november"] = 11,
        ["nov."] = 11, ["nov"] = 11, ["december"] = 12, ["dec."] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <inheritdoc/>
    public string Name => "times";
    /// <inheritdoc/>
    public Layer Requires => Layer.Sentences;
    /// <inheritdoc/>
    public Layer Provides => Layer.Times;

    /// <inheritdoc/>
    public Document Run(Document doc, Diagnostics diagnostics, CancellationToken ct)
    {
        var reference = doc.Article.ReferenceDate;
        var found = ImmutableArray.CreateBuilder<TimeExpression>();
        var sameDay = new List<int>();
        string text = doc.Text;
        for (int s = 0; s < doc.Sentences.Length; s++)
        {
            var tokens = doc.TokensOf(s);
            for (int i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                string w = t.Lower;
                if (Weekdays.TryGetValue(w, out var dow) && char.IsUpper(text[t.Span.Start]))
                {
                    if (reference is not { } r) continue;
                    int back = ((int)r.DayOfWeek - (int)dow + 7) % 7;
                    var date = r.AddDays(-back);
                    bool next = i > 0 && tokens[i - 1].Lower == "next";
                    if (next) date = r.AddDays(back == 0 ? 7 : 7 - back);
                    int end = i + 1;
                    // "Wednesday (local time)", "Wednesday morning (KST)"
                    if (end < tokens.Length && tokens[end].Lower is "morning" or "afternoon" or "evening" or "night") end++;
                    if (end + 3 < tokens.Length + 1 && end < tokens.Length && tokens[end].Lower == "(")
                    {
                        int close = end;
                        while (close < tokens.Length && close < end + 4 && tokens[close].Lower != ")") close++;
                        if (close < tokens.Length && tokens[close].Lower == ")") end = close + 1;
                    }
                    found.Add(new TimeExpression(new TextSpan(t.Span.Start, tokens[end - 1].Span.End), date, DateBases.Weekday, s));
                    i = end - 1;
                    continue;
                }
                if (Months.TryGetValue(w, out int month) && char.IsUpper(text[t.Span.Start]) && i + 1 < tokens.Length
                    && tokens[i + 1].Kind == TokenKind.Number && int.TryParse(tokens[i + 1].Lower, out int day) && day is >= 1 and <= 31)
                {
                    int end = i + 2;
                    int? year = null;
                    if (end + 1 < tokens.Length && tokens[end].Lower == "," && tokens[end + 1].Kind == TokenKind.Number
                        && int.TryParse(tokens[end + 1].Lower, out int y) && y is >= 1900 and <= 2100)
                    {
                        year = y;
                        end += 2;
                    }
                    var date = Resolve(month, day, year, reference);
                    if (date is { } d)
                        found.Add(new TimeExpression(new TextSpan(t.Span.Start, tokens[end - 1].Span.End), d,
                            year is null && reference is null ? DateBases.Context : DateBases.Explicit, s));
                    i = end - 1;
                    continue;
                }
                // "in June", "last December", "since March": the first day of the latest such month.
                if (Months.TryGetValue(w, out int m2) && w.Length >= 3 && !w.EndsWith('.') && char.IsUpper(text[t.Span.Start]) && i > 0
                    && tokens[i - 1].Lower is "in" or "last" or "since" or "early" or "late" or "mid" or "this" or "next" or "until"
                    && reference is { } rm)
                {
                    int year = rm.Year;
                    if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Number && int.TryParse(tokens[i + 1].Lower, out int yy) && yy is >= 1900 and <= 2100)
                        year = yy;
                    else if (tokens[i - 1].Lower == "next" ? m2 <= rm.Month : m2 > rm.Month + 2)
                        year += tokens[i - 1].Lower == "next" ? 1 : -1;
                    found.Add(new TimeExpression(t.Span, new DateOnly(year, m2, 1), DateBases.Month, s));
                    continue;
                }
                if (t.Kind == TokenKind.Number && w.Length == 10 && DateOnly.TryParseExact(w, "yyyy-MM-dd", out var iso))
                {
                    found.Add(new TimeExpression(t.Span, iso, DateBases.Explicit, s));
                    continue;
                }
                if (reference is { } rf && Relative(tokens, i, rf) is { } rel)
                {
                    if (rel.SameDay) sameDay.Add(found.Count);
                    found.Add(new TimeExpression(new TextSpan(t.Span.Start, tokens[i + rel.Length - 1].Span.End), rel.Date, DateBases.Relative, s));
                    i += rel.Length - 1;
                }
            }
        }
        // "Today" and "earlier in the day" mean the day the story is told from: the day its lead
        // names ("said Friday"), which in a story posted after midnight is not the posting day.
        if (sameDay.Count > 0 && StoryDay(found) is { } story)
            foreach (int k in sameDay) found[k] = found[k] with { Date = story, Basis = DateBases.Context };
        return doc with { Layers = doc.Layers | Layer.Times, Times = found.ToImmutable() };
    }

    /// <summary>
    /// A month and day without a year is the closest such day not more than a month after the
    /// reference: news reports the recent past and the near future.
    /// </summary>
    public static DateOnly? Resolve(int month, int day, int? year, DateOnly? reference)
    {
        int y = year ?? reference?.Year ?? 0;
        if (y == 0) return null;
        if (day > DateTime.DaysInMonth(y, month)) return null;
        var date = new DateOnly(y, month, day);
        if (year is null && reference is { } r)
        {
            if (date > r.AddMonths(1)) date = date.AddYears(-1);
            else if (date < r.AddMonths(-11)) date = date.AddYears(1);
        }
        return date;
    }

    /// <summary>The day the story is told from: the first weekday or explicit date in its first two sentences.</summary>
    public static DateOnly? StoryDay(IEnumerable<TimeExpression> times) =>
        times.FirstOrDefault(t => t.Sentence <= 1 && t.Basis is DateBases.Weekday or DateBases.Explicit)?.Date;

    private static (DateOnly Date, int Length, bool SameDay)? Relative(ReadOnlySpan<Token> tokens, int i, DateOnly r)
    {
        string w = tokens[i].Lower;
        string? n1 = i + 1 < tokens.Length ? tokens[i + 1].Lower : null;
        string? n2 = i + 2 < tokens.Length ? tokens[i + 2].Lower : null;
        string? n3 = i + 3 < tokens.Length ? tokens[i + 3].Lower : null;
        return w switch
        {
            "yesterday" => (r.AddDays(-1), 1, false),
            "today" or "tonight" => (r, 1, true),
            "earlier" when n1 == "in" && n2 == "the" && n3 == "day" => (r, 4, true),
            "earlier" when n1 == "today" => (r, 2, true),
            "this" when n1 is "morning" or "afternoon" or "evening" => (r, 2, true),
            "last" when n1 == "week" => (r.AddDays(-7), 2, false),
            "last" when n1 == "month" => (r.AddMonths(-1), 2, false),
            "last" when n1 == "year" => (r.AddYears(-1), 2, false),
            "tomorrow" => (r.AddDays(1), 1, false),
            _ => null,
        };
    }
}
