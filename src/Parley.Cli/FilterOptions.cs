using System.CommandLine;
using Parley.Storage;

namespace Parley.Cli;

/// <summary>
/// The event filters as command-line options, one per key of <see cref="EventFilters"/> (the
/// table the HTTP API reads too), plus <c>--all-modalities</c>.
/// </summary>
internal sealed class FilterOptions
{
    private readonly Option<bool> _all = new("--all-modalities") { Description = "Include negated and hypothetical events (same as --modality all)" };
    private readonly List<(string Key, Option<string?> Option)> _filters =
        EventFilters.Keys.Select(k => (k.Name, new Option<string?>("--" + k.CliName) { Description = k.Description })).ToList();

    /// <summary>Adds every filter option to <paramref name="cmd"/>.</summary>
    public void AddTo(Command cmd)
    {
        cmd.Add(_all);
        foreach (var (_, option) in _filters) cmd.Add(option);
    }

    /// <summary>The query the options describe; false (with a coded line on standard error) when a value is bad.</summary>
    public bool TryQuery(ParseResult p, out EventQuery query)
    {
        string? Get(string key) =>
            key == "modality" && p.GetValue(_all) ? "all" : p.GetValue(_filters.First(f => f.Key == key).Option);
        if (EventFilters.TryParse(Get, out query, out var error, defaultLimit: 1000)) return true;
        Console.Error.WriteLine($"error PAR400: --{EventFilters.Keys.First(k => k.Name == error!.Key).CliName}: {error!.Message}");
        return false;
    }
}
