namespace Parley.Storage;

/// <summary>One page of full-text search results.</summary>
/// <param name="Total">Articles matching in all.</param>
/// <param name="Hits">This page, best first.</param>
public sealed record ArticleSearch(int Total, IReadOnlyList<ArticleHit> Hits);
