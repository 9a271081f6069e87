namespace Parley.Pipeline.Dictionaries;

/// <summary>A place below country level from the gazetteer (a city, a state, a province).</summary>
/// <param name="Name">Canonical name ("Mariupol", "Kano").</param>
/// <param name="Country">ISO3 code of the country the place lies in.</param>
/// <param name="Kind">"capital", "city", or the subdivision type ("state", "province", "region").</param>
/// <param name="Population">Inhabitants, or 0 when unknown (subdivisions).</param>
public sealed record Place(string Name, string Country, string Kind, long Population);
