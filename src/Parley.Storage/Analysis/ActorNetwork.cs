namespace Parley.Storage;

/// <summary>Who acted on whom: directed, weighted edges and the nodes they join.</summary>
/// <param name="Level">What a node stands for.</param>
/// <param name="Nodes">Every node that some edge touches, most active first.</param>
/// <param name="Edges">The heaviest edges, heaviest first.</param>
/// <param name="Truncated">True when more edges matched than were returned.</param>
public sealed record ActorNetwork(NetworkLevel Level, IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, bool Truncated);
