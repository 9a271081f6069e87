namespace Parley.Pipeline.Consolidation;

/// <summary>What <see cref="EventClusterer"/> needs to know of one stored mention.</summary>
/// <param name="Row">The mention's row id in the store (any unique number).</param>
/// <param name="GroupKey">Its <see cref="EventKeys.GroupKey"/>.</param>
/// <param name="Date">Its event date, or null.</param>
/// <param name="DateBasis">How that date was found (<see cref="DateBases"/>).</param>
/// <param name="Cameo">Its CAMEO code.</param>
/// <param name="Location">Where it happened, when stated.</param>
/// <param name="ArticleId">Its article.</param>
/// <param name="SourceCode">Its source actor code, as oriented in the group.</param>
/// <param name="TargetCode">Its target actor code, as oriented in the group.</param>
public sealed record ClusterMention(long Row, string GroupKey, DateOnly? Date, string DateBasis, string Cameo, string? Location, string ArticleId,
    string SourceCode, string TargetCode);
