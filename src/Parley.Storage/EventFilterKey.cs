namespace Parley.Storage;

/// <summary>One filter that events can be selected by, as the API and the CLI spell it.</summary>
/// <param name="Name">The query-string key ("dyad"); the CLI option is <c>--</c> + <paramref name="CliName"/>.</param>
/// <param name="CliName">The CLI option name without dashes ("text" for the query key "q").</param>
/// <param name="Description">What the filter does and the form of its value.</param>
/// <param name="Example">An example value, for documentation.</param>
public sealed record EventFilterKey(string Name, string CliName, string Description, string Example);
