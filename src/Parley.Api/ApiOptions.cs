using Parley.Pipeline.Dictionaries;

namespace Parley.Api;

/// <summary>How the API server listens and what it allows.</summary>
public sealed record ApiOptions
{
    /// <summary>Addresses to listen on; loopback unless told otherwise. Port 0 picks a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// The bearer token that write endpoints require (<c>Authorization: Bearer TOKEN</c>).
    /// Null or empty disables writes: every write answers 401.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>Largest request body accepted, in bytes; larger bodies get 413. 16 MiB holds a few thousand pages.</summary>
    public long MaxBodyBytes { get; init; } = 16L << 20;

    /// <summary>Requests one client address may make per minute; past it, 429.</summary>
    public int RequestsPerMinute { get; init; } = 1200;

    /// <summary>Write requests one client address may make per minute; past it, 429.</summary>
    public int WritesPerMinute { get; init; } = 30;

    /// <summary>
    /// The front end's folder (holding <c>public/index.html</c> and, after <c>npm ci</c>,
    /// <c>node_modules/</c>); null serves only the built-in fallback page.
    /// </summary>
    public string? WebRoot { get; init; }

    /// <summary>Dictionaries for ingest; null uses the shipped ones.</summary>
    public DictionarySet? Dictionaries { get; init; }
}
