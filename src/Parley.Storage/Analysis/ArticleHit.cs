namespace Parley.Storage;

/// <summary>An article found by full-text search.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Headline">Its headline.</param>
/// <param name="Outlet">Its outlet.</param>
/// <param name="Published">Publication time, ISO 8601, when known.</param>
/// <param name="Snippet">A passage around the matched words.</param>
/// <param name="Highlights">Where the matched words are in <paramref name="Snippet"/>, half-open.</param>
/// <param name="Score">Relevance, higher is better: BM25 in SQLite, <c>ts_rank</c> in PostgreSQL (comparable within one store only).</param>
/// <param name="Events">Events coded from the article.</param>
public sealed record ArticleHit(string Id, string? Headline, string? Outlet, string? Published, string Snippet, IReadOnlyList<TextSpan> Highlights, double Score, int Events);
