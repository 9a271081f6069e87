namespace Parley.Storage;

/// <summary>The events from one actor to another.</summary>
/// <param name="Source">The acting node's id.</param>
/// <param name="Target">The node acted upon.</param>
/// <param name="Events">How many events: the edge's weight.</param>
/// <param name="Cooperative">Of which QuadClass 1 or 2.</param>
/// <param name="Conflictual">Of which QuadClass 3 or 4.</param>
/// <param name="GoldsteinMean">Mean Goldstein value of those events: the edge's colour.</param>
public sealed record NetworkEdge(string Source, string Target, int Events, int Cooperative, int Conflictual, double GoldsteinMean);
