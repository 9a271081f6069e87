using System.Text;

namespace Parley.Tests.Support;

/// <summary>
/// Text captures for story-grouping tests: a wire report of numbered sentences, where no two
/// sentences share a four-word shingle, so how much two reports overlap is set by their sentences.
/// </summary>
public static class DepotAudit
{
    /// <summary>The sentences numbered <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    public static string Sentences(int first, int count)
    {
        var sb = new StringBuilder();
        for (int k = first; k < first + count; k++)
            sb.Append(FormattableString.Invariant($"Inspectors {k + 4000} counted {k * 17 + 700000} crates at depot {k * 5 + 81000} and sent {k * 29 + 6100000} forms to office {k * 3 + 990000}. "));
        return sb.ToString().TrimEnd();
    }

    /// <summary>A text capture of <paramref name="body"/> under a dateline of <paramref name="place"/> and <paramref name="agency"/>.</summary>
    public static Capture Text(string id, string body, string place, string agency)
    {
        string text = FormattableString.Invariant($"Depot audit continues\n\n{place}, March 7 {agency} -- {body}\n\n(END)\n");
        return new Capture(id, id + ".txt", null, CaptureFormat.Text, Encoding.UTF8.GetBytes(text),
            DateTimeOffset.Parse("2022-03-07T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }
}
