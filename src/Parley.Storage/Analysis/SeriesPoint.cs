namespace Parley.Storage;

/// <summary>One bucket of a dyad (or any filtered) event series.</summary>
/// <param name="Start">The bucket's first day.</param>
/// <param name="Events">Events dated in the bucket.</param>
/// <param name="VerbalCooperation">Of which QuadClass 1.</param>
/// <param name="MaterialCooperation">Of which QuadClass 2.</param>
/// <param name="VerbalConflict">Of which QuadClass 3.</param>
/// <param name="MaterialConflict">Of which QuadClass 4.</param>
/// <param name="GoldsteinSum">Sum of the events' Goldstein values.</param>
/// <param name="GoldsteinMean">Their mean; null for an empty bucket.</param>
/// <param name="Articles">Articles in the whole store published in the bucket: the volume of reporting.</param>
/// <param name="EventsPerHundredArticles">Events per 100 articles published in the bucket; null when none were.</param>
public sealed record SeriesPoint(
    DateOnly Start,
    int Events,
    int VerbalCooperation,
    int MaterialCooperation,
    int VerbalConflict,
    int MaterialConflict,
    double GoldsteinSum,
    double? GoldsteinMean,
    int Articles,
    double? EventsPerHundredArticles);
