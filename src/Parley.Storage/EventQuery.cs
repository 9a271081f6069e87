namespace Parley.Storage;

/// <summary>A filter over stored events. Null members do not filter.</summary>
public sealed record EventQuery
{
    /// <summary>An actor on either side: a code prefix ("KOR", "USAGOV") or part of a name ("Moon").</summary>
    public string? Actor { get; init; }
    /// <summary>Two country codes: events between them in either direction.</summary>
    public (string A, string B)? Dyad { get; init; }
    /// <summary>A country code ("PRK"): events with that country on either side.</summary>
    public string? Country { get; init; }
    /// <summary>First day, inclusive.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Last day, inclusive.</summary>
    public DateOnly? To { get; init; }
    /// <summary>CAMEO root ("04") or code prefix ("041").</summary>
    public string? Cameo { get; init; }
    /// <summary>PLOVER event type ("CONSULT").</summary>
    public string? Plover { get; init; }
    /// <summary>Quad class 1–4.</summary>
    public int? QuadClass { get; init; }
    /// <summary>Outlet name, exact.</summary>
    public string? Outlet { get; init; }
    /// <summary>Words that the evidence sentence or headline must contain (full-text search).</summary>
    public string? Text { get; init; }
    /// <summary>Modalities to include; by default asserted and intended events.</summary>
    public IReadOnlyList<Modality> Modalities { get; init; } = [Modality.Asserted, Modality.Intended];
    /// <summary>Rows to skip.</summary>
    public int Offset { get; init; }
    /// <summary>Rows to return at most.</summary>
    public int Limit { get; init; } = 1000;
}
