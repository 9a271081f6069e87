namespace Parley;

/// <summary>The four CAMEO quad classes.</summary>
public enum QuadClass : byte
{
    /// <summary>Statements of cooperation (roots 01–05).</summary>
    VerbalCooperation = 1,
    /// <summary>Cooperative deeds (roots 06–09).</summary>
    MaterialCooperation = 2,
    /// <summary>Statements of conflict (roots 10–14).</summary>
    VerbalConflict = 3,
    /// <summary>Conflictual deeds (roots 15–20).</summary>
    MaterialConflict = 4,
}

/// <summary>A CAMEO event code with its standard attributes.</summary>
/// <param name="Code">The code ("041").</param>
/// <param name="Name">A short description.</param>
/// <param name="Goldstein">Goldstein scale value, -10 (conflict) to +10 (cooperation).</param>
/// <param name="Quad">Quad class.</param>
/// <param name="Plover">PLOVER event type ("CONSULT"), or empty where PLOVER has none.</param>
/// <param name="PloverMode">PLOVER mode ("phone"), or empty.</param>
public sealed record CameoCode(string Code, string Name, double Goldstein, QuadClass Quad, string Plover, string PloverMode)
{
    /// <summary>The two-digit root ("04").</summary>
    public string Root => Code[..2];
}
