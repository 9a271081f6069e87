namespace Parley.Storage;

/// <summary>One actor of the network.</summary>
/// <param name="Id">The node id: an actor code, a country code, or "name|code".</param>
/// <param name="Label">What to show: the code, or the actor's name.</param>
/// <param name="Country">The actor's country code, or empty.</param>
/// <param name="Events">Events the actor takes part in, on either side.</param>
public sealed record NetworkNode(string Id, string Label, string Country, int Events);
